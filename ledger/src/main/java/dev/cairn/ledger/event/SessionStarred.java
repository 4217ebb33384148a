package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;

/** {@code session.starred}: the session is starred. Sets register {@code STARRED} to {@code true}. */
public record SessionStarred(SessionId session, EventId prev) implements Curation {
  public static final String TYPE = "session.starred";

  public SessionStarred {
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
    return "true";
  }

  @Override
  public SessionStarred withPrev(EventId newPrev) {
    return new SessionStarred(session, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("prev", prev);
  }

  static SessionStarred read(Fields f) {
    return new SessionStarred(f.session("session"), f.optionalEventId("prev"));
  }
}
