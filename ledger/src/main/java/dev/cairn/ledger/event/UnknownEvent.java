package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.SessionId;

/**
 * An event whose type this version of cairn does not know. It is stored in the ledger and shipped
 * to peers byte for byte (all its fields live in the event's unknown fields); the projection
 * skips and counts it.
 */
public record UnknownEvent(String type) implements EventBody {
  public UnknownEvent {
    if (!Text.isLabel(type, 100)) {
      throw new EventFormatException("type", "an event type name of 1-100 characters", type);
    }
  }

  @Override
  public SessionId session() {
    return null;
  }

  @Override
  public void writeTo(Out out) {
    // every field of an unknown event is carried in Event.unknown()
  }
}
