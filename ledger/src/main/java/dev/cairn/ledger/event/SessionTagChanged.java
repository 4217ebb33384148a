package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/**
 * {@code session.tagged} and {@code session.untagged}: the session's register {@code tag:<tag>} is
 * set to {@code true} or {@code false}. One record for both types, which differ only in their
 * {@link Change}.
 */
public record SessionTagChanged(Change change, SessionId session, String tag, EventId prev) implements Curation {
  /** Tagged or untagged: the event type and the value it writes. */
  public enum Change {
    TAGGED("session.tagged", true),
    UNTAGGED("session.untagged", false);

    private final String type;
    private final boolean on;

    Change(String type, boolean on) {
      this.type = type;
      this.on = on;
    }

    public String type() {
      return type;
    }
  }

  public SessionTagChanged {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(session, "session");
    Register.checkTag(tag);
  }

  public static SessionTagChanged tagged(SessionId session, String tag, EventId prev) {
    return new SessionTagChanged(Change.TAGGED, session, tag, prev);
  }

  public static SessionTagChanged untagged(SessionId session, String tag, EventId prev) {
    return new SessionTagChanged(Change.UNTAGGED, session, tag, prev);
  }

  @Override
  public String type() {
    return change.type();
  }

  @Override
  public Register register() {
    return Register.tag(tag);
  }

  @Override
  public String value() {
    return Register.flag(change.on);
  }

  @Override
  public SessionTagChanged withPrev(EventId newPrev) {
    return new SessionTagChanged(change, session, tag, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("tag", tag).put("prev", prev);
  }

  static SessionTagChanged read(Change change, Fields f) {
    return new SessionTagChanged(change, f.session("session"), f.string("tag"), f.optionalEventId("prev"));
  }
}
