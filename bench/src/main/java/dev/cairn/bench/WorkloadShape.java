package dev.cairn.bench;

import dev.cairn.ledger.event.Event;
import java.util.Iterator;

/** Which workload a ledger is filled from: both are deterministic for a seed and a count. */
public enum WorkloadShape {
  /** {@link RealShapedWorkload}: event sizes of a real archive of Claude Code transcripts. */
  REAL("real-shaped"),
  /** {@link Workload}: the first, small-event workload (median ~400 B, tail cut at 20 KB). */
  SYNTHETIC("synthetic");

  private final String label;

  WorkloadShape(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public Iterator<Event> events(long seed, long count) {
    return this == REAL ? new RealShapedWorkload(seed, count) : new Workload(seed, count);
  }
}
