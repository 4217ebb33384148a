package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/**
 * {@code message.pinned}: a message of the session is pinned, with an optional note. Sets
 * register {@code pin:<ordinal>} to {@code {"note":...,"pinned":true}} (note omitted when absent).
 */
public record MessagePinned(SessionId session, long ordinal, String note, EventId prev) implements Curation {
  public static final String TYPE = "message.pinned";
  public static final int NOTE_MAX = 2000;

  public MessagePinned {
    Objects.requireNonNull(session, "session");
    if (ordinal < 0) {
      throw new EventFormatException("ordinal", "a non-negative integer", Long.toString(ordinal));
    }
    if (note != null && note.length() > NOTE_MAX) {
      throw new EventFormatException("note", "at most " + NOTE_MAX + " characters", note.length() + " characters");
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
    return Register.pinned(note);
  }

  @Override
  public MessagePinned withPrev(EventId newPrev) {
    return new MessagePinned(session, ordinal, note, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("ordinal", ordinal).put("note", note).put("prev", prev);
  }

  static MessagePinned read(Fields f) {
    return new MessagePinned(f.session("session"), f.nonNegative("ordinal"), f.optionalString("note"), f.optionalEventId("prev"));
  }
}
