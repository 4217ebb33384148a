package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code session.recorded}: a session exists, with what its transcript says about it. Emitted
 * again when an import learns more (a later end time, a summary title). Every event carries every
 * field (absent optional fields mean "none"), so all of a session's recorded registers share one
 * winner: the {@code session.recorded} event with the greatest order key.
 *
 * <p>Required: {@code session}, {@code agent}, {@code source}. Optional: {@code project}, {@code
 * title}, {@code started_at}, {@code ended_at}, {@code parent} (the session this sub-agent ran
 * under), {@code cwd}, {@code git_branch}.
 */
public record SessionRecorded(
    SessionId session,
    String agent,
    String project,
    String title,
    Instant startedAt,
    Instant endedAt,
    String source,
    SessionId parent,
    String cwd,
    String gitBranch) implements EventBody {
  public static final String TYPE = "session.recorded";

  public SessionRecorded {
    Objects.requireNonNull(session, "session");
    if (!Text.isLabel(agent, 64)) {
      throw new EventFormatException("agent", "an agent name of 1-64 characters", agent);
    }
    if (!Text.isLabel(source, 4096)) {
      throw new EventFormatException("source", "where the session came from (1-4096 characters)", source);
    }
    if (session.equals(parent)) {
      throw new EventFormatException("parent", "a session other than the session itself", parent.toString());
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session)
        .put("agent", agent)
        .put("project", project)
        .put("title", title)
        .put("started_at", startedAt)
        .put("ended_at", endedAt)
        .put("source", source)
        .put("parent", parent)
        .put("cwd", cwd)
        .put("git_branch", gitBranch);
  }

  static SessionRecorded read(Fields f) {
    return new SessionRecorded(
        f.session("session"),
        f.string("agent"),
        f.optionalString("project"),
        f.optionalString("title"),
        f.optionalInstant("started_at"),
        f.optionalInstant("ended_at"),
        f.string("source"),
        f.optionalSession("parent"),
        f.optionalString("cwd"),
        f.optionalString("git_branch"));
  }
}
