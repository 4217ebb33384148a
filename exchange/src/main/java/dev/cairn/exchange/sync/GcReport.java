package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactName;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GC deleted (or, in a dry run, would delete), with bytes, how many artifacts it kept, and
 * why it kept what it kept when that is worth saying (an origin it could not verify, an
 * unreachable segment holding events no checkpoint covers). Immutable.
 */
public record GcReport(boolean dryRun, List<ArtifactName> deleted, long deletedBytes, long kept, List<String> notes) {
  public GcReport {
    deleted = List.copyOf(deleted);
    notes = List.copyOf(notes);
  }

  /** What a collection counts as it goes; {@link #build()} freezes it. Not thread-safe; one per run. */
  static final class Tally {
    boolean dryRun;
    final List<ArtifactName> deleted = new ArrayList<>();
    long deletedBytes;
    long kept;
    final List<String> notes = new ArrayList<>();

    GcReport build() {
      return new GcReport(dryRun, deleted, deletedBytes, kept, notes);
    }
  }
}
