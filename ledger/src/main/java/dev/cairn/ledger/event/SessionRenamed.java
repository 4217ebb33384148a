package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.util.Objects;

/** {@code session.renamed}: the session gets a curated title. Sets register {@code display_title}. */
public record SessionRenamed(SessionId session, String title, EventId prev) implements Curation {
  public static final String TYPE = "session.renamed";
  public static final int TITLE_MAX = 500;

  public SessionRenamed {
    Objects.requireNonNull(session, "session");
    if (!Text.isLabel(title, TITLE_MAX)) {
      throw new dev.cairn.ledger.EventFormatException("title", "1-" + TITLE_MAX + " characters without control characters", title);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Register register() {
    return Register.DISPLAY_TITLE;
  }

  @Override
  public String value() {
    return Register.title(title);
  }

  @Override
  public SessionRenamed withPrev(EventId newPrev) {
    return new SessionRenamed(session, title, newPrev);
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session).put("title", title).put("prev", prev);
  }

  static SessionRenamed read(Fields f) {
    return new SessionRenamed(f.session("session"), f.string("title"), f.optionalEventId("prev"));
  }
}
