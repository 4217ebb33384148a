package dev.cairn.web;

import dev.cairn.projection.ConflictRow;
import dev.cairn.projection.SearchHit;
import dev.cairn.projection.SessionRow;
import java.util.List;

/** What each template shows: one immutable model per page. */
public final class Pages {
  private Pages() {}

  /** Shared by every page: the title and the form token of the logged-in browser. */
  public record Frame(String title, String csrf) {}

  /** The session list: top-level rows newest first (sub-agents counted under their parent), the filters that made it. */
  public record SessionList(Frame frame, List<SessionRow> sessions, java.util.Map<String, Long> subAgents, String agent, String project,
      String tag, boolean starred, boolean trash, String next) {}

  /** One message, its Markdown already rendered (escaped) to HTML. */
  public record Message(long ordinal, String role, String at, String model, String html, String thinking, String toolCalls,
      boolean pinned, String pinNote) {}

  /** A session with its messages and the conflicts open on it. */
  public record Session(Frame frame, SessionRow session, List<Message> messages, List<ConflictRow> conflicts, List<SessionRow> subAgents) {
    public List<String> tags() {
      return session.tags() == null || session.tags().isBlank() ? List.of() : List.of(session.tags().split(","));
    }
  }

  /** Search results. */
  public record Search(Frame frame, String query, List<SearchHit> hits) {}

  /** The machines this home knows, with the sessions each recorded. */
  public record Peers(Frame frame, List<Machines.Peer> peers, java.util.Map<String, Long> sessions) {}

  /** The named targets and how fresh each is. */
  public record Sync(Frame frame, List<Machines.Target> targets) {}

  /** The login page: what to run to get a link. */
  public record Login(Frame frame, String reason) {}
}
