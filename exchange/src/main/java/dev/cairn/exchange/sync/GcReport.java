package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactName;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GC deleted (or, in a dry run, would delete), with bytes, and why it kept what it kept
 * when that is worth saying (an origin it could not verify, an unreachable segment holding events
 * no checkpoint covers). Mutable while GC runs; not thread-safe.
 */
public final class GcReport {
  public boolean dryRun;
  public final List<ArtifactName> deleted = new ArrayList<>();
  public long deletedBytes;
  public long kept;
  public final List<String> notes = new ArrayList<>();
}
