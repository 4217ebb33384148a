package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;

/** {@code session.trashed}: the session is moved to the trash (hidden, not deleted). Sets register {@code TRASHED} to {@code true}. */
public record SessionTrashed(SessionId session, EventId prev) implements Curation {
  public static final String TYPE = "session.trashed";

  public SessionTrashed {
    java.util.Objects.requireNonNull(session, "session");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Register register() {
    return Register.TRASHED;
  }

  @Override
  public String value() {
    return "true";
  }

  @Override
  public SessionTrashed withPrev(EventId newPrev) {
    return new SessionTrashed(session, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("prev", prev);
  }

  static SessionTrashed read(Fields f) {
    return new SessionTrashed(f.session("session"), f.optionalEventId("prev"));
  }
}
