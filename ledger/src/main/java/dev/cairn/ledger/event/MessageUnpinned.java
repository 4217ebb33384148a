package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/** {@code message.unpinned}: the pin on a message is removed. Sets register {@code pin:<ordinal>} to {@code {"pinned":false}}. */
public record MessageUnpinned(SessionId session, long ordinal, EventId prev) implements Curation {
  public static final String TYPE = "message.unpinned";

  public MessageUnpinned {
    Objects.requireNonNull(session, "session");
    if (ordinal < 0) {
      throw new EventFormatException("ordinal", "a non-negative integer", Long.toString(ordinal));
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Register register() {
    return Register.pin(ordinal);
  }

  @Override
  public String value() {
    return Register.unpinned();
  }

  @Override
  public MessageUnpinned withPrev(EventId newPrev) {
    return new MessageUnpinned(session, ordinal, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("ordinal", ordinal).put("prev", prev);
  }

  static MessageUnpinned read(Fields f) {
    return new MessageUnpinned(f.session("session"), f.nonNegative("ordinal"), f.optionalEventId("prev"));
  }
}
