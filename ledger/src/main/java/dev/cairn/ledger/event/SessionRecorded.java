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
 * under), {@code cwd}, {@code git_branch}, {@code kind} (what the session is when its parent does
 * not say it: {@value #COMPACTION} for a run that summarised its parent's conversation; absent,
 * a session with a parent is a sub-agent, one without is a main session). {@code kind} was added
 * in version 1 without changing it: an event without it reads and encodes exactly as before.
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
    String gitBranch,
    String kind) implements EventBody {
  public static final String TYPE = "session.recorded";
  /** The kind of a compaction run. */
  public static final String COMPACTION = "compaction";

  /** A session.recorded without a kind. */
  public SessionRecorded(SessionId session, String agent, String project, String title, Instant startedAt, Instant endedAt,
      String source, SessionId parent, String cwd, String gitBranch) {
    this(session, agent, project, title, startedAt, endedAt, source, parent, cwd, gitBranch, null);
  }

  public SessionRecorded {
    Objects.requireNonNull(session, "session");
    if (!Text.isLabel(agent, 64)) {
      throw new EventFormatException("agent", "an agent name of 1-64 characters", agent);
    }
    if (!Text.isLabel(source, 4096)) {
      throw new EventFormatException("source", "where the session came from (1-4096 characters)", source);
    }
    if (kind != null && !kind.matches("[a-z][a-z-]{0,31}")) {
      throw new EventFormatException("kind", "a kind of 1-32 characters of [a-z-] such as compaction", kind);
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
        .put("git_branch", gitBranch)
        .put("kind", kind);
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
        f.optionalString("git_branch"),
        f.optionalString("kind"));
  }
}
