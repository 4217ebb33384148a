package dev.cairn.exchange.sync;

import dev.cairn.ledger.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one sync did (or, in a dry run, would do): totals, a line per origin, and the problems met
 * (corrupt artifacts quarantined, forged checkpoints rejected). Mutable while the sync runs; not
 * thread-safe.
 */
public final class SyncReport {
  /** Per-origin counts. */
  public static final class OriginReport {
    public long pushed;
    public long pushedBytes;
    public long pulled;
    public long pulledBytes;
    public long applied;
    public long duplicates;
    public long heldBack;
    public long quarantined;
    public long forged;
    /** Two keys claim this origin: nothing from it was applied (see PinnedKeys). */
    public boolean conflicted;
    /** Held back: not trusted under trust = "strict". */
    public boolean untrusted;
    public long checkpoint;
    public long head;
  }

  public boolean dryRun;
  public long sealedEvents;
  public long sealedSegments;
  public long listCalls;
  public final Map<Origin, OriginReport> origins = new TreeMap<>();
  public final List<String> problems = new ArrayList<>();
  /** In a dry run: what would move, one line each ("push NAME", "pull NAME"). */
  public final List<String> planned = new ArrayList<>();

  public OriginReport origin(Origin o) {
    return origins.computeIfAbsent(o, k -> new OriginReport());
  }

  public long pushed() {
    return origins.values().stream().mapToLong(r -> r.pushed).sum();
  }

  public long pulled() {
    return origins.values().stream().mapToLong(r -> r.pulled).sum();
  }

  public long applied() {
    return origins.values().stream().mapToLong(r -> r.applied).sum();
  }

  public long quarantined() {
    return origins.values().stream().mapToLong(r -> r.quarantined).sum();
  }

  public long forged() {
    return origins.values().stream().mapToLong(r -> r.forged).sum();
  }

  /** Origins stopped by a key conflict. */
  public long conflicted() {
    return origins.values().stream().filter(r -> r.conflicted).count();
  }

  /** Origins held back because they are not trusted (strict trust). */
  public long untrusted() {
    return origins.values().stream().filter(r -> r.untrusted).count();
  }

  public long heldBack() {
    return origins.values().stream().mapToLong(r -> r.heldBack).sum();
  }

  public long transferredBytes() {
    return origins.values().stream().mapToLong(r -> r.pushedBytes + r.pulledBytes).sum();
  }
}
