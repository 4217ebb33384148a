package dev.cairn.ledger.event;

import dev.cairn.ledger.SessionId;
import java.util.Objects;

/**
 * {@code session.purged}: the session's content is removed for good. The view keeps a tombstone
 * and ignores every later content or curation event for the session, whatever its order key, so
 * the result does not depend on arrival order.
 */
public record SessionPurged(SessionId session) implements EventBody {
  public static final String TYPE = "session.purged";

  public SessionPurged {
    Objects.requireNonNull(session, "session");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session);
  }

  static SessionPurged read(Fields f) {
    return new SessionPurged(f.session("session"));
  }
}
