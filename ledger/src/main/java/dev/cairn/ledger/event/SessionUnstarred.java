package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;

/** {@code session.unstarred}: the session is no longer starred. Sets register {@code STARRED} to {@code false}. */
public record SessionUnstarred(SessionId session, EventId prev) implements Curation {
  public static final String TYPE = "session.unstarred";

  public SessionUnstarred {
    java.util.Objects.requireNonNull(session, "session");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Register register() {
    return Register.STARRED;
  }

  @Override
  public String value() {
    return "false";
  }

  @Override
  public SessionUnstarred withPrev(EventId newPrev) {
    return new SessionUnstarred(session, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("prev", prev);
  }

  static SessionUnstarred read(Fields f) {
    return new SessionUnstarred(f.session("session"), f.optionalEventId("prev"));
  }
}
