package dev.cairn.exchange.sync;

import dev.cairn.ledger.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one sync did (or, in a dry run, would do): totals, a line per origin, and the problems met
 * (corrupt artifacts quarantined, forged checkpoints rejected). Immutable: a run counts into a
 * {@link Tally} and freezes it when it ends.
 */
public final class SyncReport {
  /** Per-origin counts. Immutable. */
  public record OriginReport(long pushed, long pushedBytes, long pulled, long pulledBytes, long applied, long duplicates,
      long heldBack, long quarantined, long forged, boolean conflicted, boolean untrusted, long checkpoint, long head) {
    /**
     * @param conflicted two keys claim this origin: nothing from it was applied (see PinnedKeys)
     * @param untrusted held back: not trusted under trust = "strict"
     */
    public OriginReport {}
  }

  private final boolean dryRun;
  private final long sealedEvents;
  private final long sealedSegments;
  private final long listCalls;
  private final Map<Origin, OriginReport> origins;
  private final List<String> problems;
  private final List<String> planned;

  private SyncReport(Tally t) {
    this.dryRun = t.dryRun;
    this.sealedEvents = t.sealedEvents;
    this.sealedSegments = t.sealedSegments;
    this.listCalls = t.listCalls;
    TreeMap<Origin, OriginReport> o = new TreeMap<>();
    t.origins.forEach((k, v) -> o.put(k, v.freeze()));
    this.origins = Collections.unmodifiableMap(o);
    this.problems = List.copyOf(t.problems);
    this.planned = List.copyOf(t.planned);
  }

  public boolean dryRun() {
    return dryRun;
  }

  public long sealedEvents() {
    return sealedEvents;
  }

  public long sealedSegments() {
    return sealedSegments;
  }

  /** How many list calls the run made against the other end. */
  public long listCalls() {
    return listCalls;
  }

  /** Per origin, sorted. */
  public Map<Origin, OriginReport> origins() {
    return origins;
  }

  public List<String> problems() {
    return problems;
  }

  /** In a dry run: what would move, one line each ("push NAME", "pull NAME"). */
  public List<String> planned() {
    return planned;
  }

  public long pushed() {
    return origins.values().stream().mapToLong(OriginReport::pushed).sum();
  }

  public long pulled() {
    return origins.values().stream().mapToLong(OriginReport::pulled).sum();
  }

  public long applied() {
    return origins.values().stream().mapToLong(OriginReport::applied).sum();
  }

  public long quarantined() {
    return origins.values().stream().mapToLong(OriginReport::quarantined).sum();
  }

  public long forged() {
    return origins.values().stream().mapToLong(OriginReport::forged).sum();
  }

  /** Origins stopped by a key conflict. */
  public long conflicted() {
    return origins.values().stream().filter(OriginReport::conflicted).count();
  }

  /** Origins held back because they are not trusted (strict trust). */
  public long untrusted() {
    return origins.values().stream().filter(OriginReport::untrusted).count();
  }

  public long heldBack() {
    return origins.values().stream().mapToLong(OriginReport::heldBack).sum();
  }

  public long transferredBytes() {
    return origins.values().stream().mapToLong(r -> r.pushedBytes() + r.pulledBytes()).sum();
  }

  /** What a run counts as it goes; {@link #build()} freezes it. Not thread-safe; one per run. */
  static final class Tally {
    boolean dryRun;
    long sealedEvents;
    long sealedSegments;
    long listCalls;
    final Map<Origin, OriginTally> origins = new TreeMap<>();
    final List<String> problems = new ArrayList<>();
    final List<String> planned = new ArrayList<>();

    OriginTally origin(Origin o) {
      return origins.computeIfAbsent(o, k -> new OriginTally());
    }

    SyncReport build() {
      return new SyncReport(this);
    }
  }

  /** One origin's counts while a run goes. Not thread-safe. */
  static final class OriginTally {
    long pushed;
    long pushedBytes;
    long pulled;
    long pulledBytes;
    long applied;
    long duplicates;
    long heldBack;
    long quarantined;
    long forged;
    boolean conflicted;
    boolean untrusted;
    long checkpoint;
    long head;

    OriginReport freeze() {
      return new OriginReport(pushed, pushedBytes, pulled, pulledBytes, applied, duplicates, heldBack, quarantined, forged,
          conflicted, untrusted, checkpoint, head);
    }
  }
}
