package dev.cairn.ledger.event;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;

/**
 * One decoded input line of {@code cairn import events}: either a full event (origin, seq and hlc
 * present) or a local draft (seq and hlc absent; origin absent or equal to the local origin).
 * Immutable.
 */
public record Incoming(Origin origin, Seq seq, Hlc hlc, Draft draft) {
  public boolean isStamped() {
    return seq != null;
  }

  /** The full event; only valid when {@link #isStamped()}. */
  public Event event() {
    if (!isStamped()) {
      throw new IllegalStateException("not a stamped event");
    }
    return new Event(origin, seq, hlc, draft.body(), draft.unknown());
  }
}
