package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;

/** {@code session.restored}: the session is taken out of the trash. Sets register {@code TRASHED} to {@code false}. */
public record SessionRestored(SessionId session, EventId prev) implements Curation {
  public static final String TYPE = "session.restored";

  public SessionRestored {
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
    return "false";
  }

  @Override
  public SessionRestored withPrev(EventId newPrev) {
    return new SessionRestored(session, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("prev", prev);
  }

  static SessionRestored read(Fields f) {
    return new SessionRestored(f.session("session"), f.optionalEventId("prev"));
  }
}
