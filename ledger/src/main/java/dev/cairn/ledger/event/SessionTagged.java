package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/** {@code session.tagged}: the session is tagged with {@code tag}. Sets register {@code tag:<tag>} to {@code true}. */
public record SessionTagged(SessionId session, String tag, EventId prev) implements Curation {
  public static final String TYPE = "session.tagged";

  public SessionTagged {
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
    return Register.flag(true);
  }

  @Override
  public SessionTagged withPrev(EventId newPrev) {
    return new SessionTagged(session, tag, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("tag", tag).put("prev", prev);
  }

  static SessionTagged read(Fields f) {
    return new SessionTagged(f.session("session"), f.string("tag"), f.optionalEventId("prev"));
  }
}
