package dev.cairn.ledger;

import dev.cairn.ledger.clock.ClockDriftException;
import dev.cairn.ledger.clock.HybridClock;
import dev.cairn.ledger.event.Event;
import java.util.Map;
import java.util.TreeMap;

/**
 * Predicts what {@link Ledger#appendForeign} will do with each event of a batch, in order,
 * without writing anything, so that a whole batch can be validated before any of it is appended.
 * Local drafts of the batch are counted with {@link #local()} so that a stamped event of the
 * local origin later in the batch is judged against the right high-water mark.
 *
 * <p>Not thread-safe; a snapshot taken by {@link Ledger#admission()}.
 */
public final class Admission {
  private final Origin local;
  private final TreeMap<Origin, Seq> highWater;
  private final TreeMap<Origin, Seq> heldBack;
  private final HybridClock clock;

  Admission(Origin local, Map<Origin, Seq> highWater, Map<Origin, Seq> heldBack, HybridClock clock) {
    this.local = local;
    this.highWater = new TreeMap<>(highWater);
    this.heldBack = new TreeMap<>(heldBack);
    this.clock = clock;
  }

  /** Records that a local draft will be stamped with the next local seq. */
  public void local() {
    highWater.merge(local, Seq.FIRST, (a, b) -> a.next());
  }

  /**
   * @throws SeqGapException if the event would leave a hole in its origin's sequence
   */
  public AppendResult check(Event event) {
    Origin origin = event.origin();
    Seq hw = highWater.getOrDefault(origin, Seq.NONE);
    if (event.seq().compareTo(hw) <= 0) {
      return AppendResult.DUPLICATE;
    }
    Seq lastHeld = heldBack.get(origin);
    if (lastHeld != null) {
      if (event.seq().compareTo(lastHeld) <= 0) {
        return AppendResult.DUPLICATE;
      }
      if (!event.seq().equals(lastHeld.next())) {
        throw new SeqGapException(origin, lastHeld.next(), event.seq());
      }
      heldBack.put(origin, event.seq());
      return AppendResult.QUARANTINED;
    }
    if (!event.seq().equals(hw.next())) {
      throw new SeqGapException(origin, hw.next(), event.seq());
    }
    try {
      clock.checkDrift(event.hlc());
    } catch (ClockDriftException e) {
      heldBack.put(origin, event.seq());
      return AppendResult.QUARANTINED;
    }
    highWater.put(origin, event.seq());
    return AppendResult.APPENDED;
  }
}
