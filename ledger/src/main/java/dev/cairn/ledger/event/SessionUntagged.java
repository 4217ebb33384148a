package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/** {@code session.untagged}: the session is untagged with {@code tag}. Sets register {@code tag:<tag>} to {@code false}. */
public record SessionUntagged(SessionId session, String tag, EventId prev) implements Curation {
  public static final String TYPE = "session.untagged";

  public SessionUntagged {
    Objects.requireNonNull(session, "session");
    Register.checkTag(tag);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Register register() {
    return Register.tag(tag);
  }

  @Override
  public String value() {
    return Register.flag(false);
  }

  @Override
  public SessionUntagged withPrev(EventId newPrev) {
    return new SessionUntagged(session, tag, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("tag", tag).put("prev", prev);
  }

  static SessionUntagged read(Fields f) {
    return new SessionUntagged(f.session("session"), f.string("tag"), f.optionalEventId("prev"));
  }
}
