package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/**
 * {@code session.starred}, {@code session.unstarred}, {@code session.trashed} and {@code
 * session.restored}: a session's {@link Register#STARRED} or {@link Register#TRASHED} register is
 * set on or off. One record for the four types, which differ only in their {@link Flag}.
 */
public record SessionFlagged(Flag flag, SessionId session, EventId prev) implements Curation {
  /** The four flag changes: the event type, the register it sets and whether it sets it on. */
  public enum Flag {
    STARRED("session.starred", Register.STARRED, true),
    UNSTARRED("session.unstarred", Register.STARRED, false),
    TRASHED("session.trashed", Register.TRASHED, true),
    RESTORED("session.restored", Register.TRASHED, false);

    private final String type;
    private final Register register;
    private final boolean on;

    Flag(String type, Register register, boolean on) {
      this.type = type;
      this.register = register;
      this.on = on;
    }

    public String type() {
      return type;
    }

    public Register register() {
      return register;
    }

    public boolean on() {
      return on;
    }
  }

  public SessionFlagged {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(session, "session");
  }

  public static SessionFlagged starred(SessionId session, EventId prev) {
    return new SessionFlagged(Flag.STARRED, session, prev);
  }

  public static SessionFlagged unstarred(SessionId session, EventId prev) {
    return new SessionFlagged(Flag.UNSTARRED, session, prev);
  }

  public static SessionFlagged trashed(SessionId session, EventId prev) {
    return new SessionFlagged(Flag.TRASHED, session, prev);
  }

  public static SessionFlagged restored(SessionId session, EventId prev) {
    return new SessionFlagged(Flag.RESTORED, session, prev);
  }

  @Override
  public String type() {
    return flag.type();
  }

  @Override
  public Register register() {
    return flag.register();
  }

  @Override
  public String value() {
    return Register.flag(flag.on());
  }

  @Override
  public SessionFlagged withPrev(EventId newPrev) {
    return new SessionFlagged(flag, session, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("prev", prev);
  }

  static SessionFlagged read(Flag flag, Fields f) {
    return new SessionFlagged(flag, f.session("session"), f.optionalEventId("prev"));
  }
}
