package dev.cairn.web;

import dev.cairn.projection.ConflictRow;
import dev.cairn.projection.SearchHit;
import dev.cairn.projection.SessionRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What each template shows: one immutable model per page. */
public final class Pages {
  private Pages() {}

  /** Shared by every page: the title and the form token of the logged-in browser. */
  public record Frame(String title, String csrf) {}

  /**
   * The filters of the list and of search, as the page's form holds them (null: not set). {@code
   * text} is a part of the title on the list.
   */
  public record Filters(String agent, String project, String machine, String tag, boolean starred, String since, String until,
      String text) {
    /** These filters as query parameters ({@code &agent=...}), for links that keep them. */
    public String query() {
      StringBuilder b = new StringBuilder();
      String[][] pairs = {{"agent", agent}, {"project", project}, {"machine", machine}, {"tag", tag}, {"starred", starred ? "1" : null},
          {"since", since}, {"until", until}, {"text", text}};
      for (String[] kv : pairs) {
        if (kv[1] != null) {
          b.append('&').append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
        }
      }
      return b.toString();
    }
  }

  /** The sessions started on one day (UTC), newest first; {@code day} is empty for sessions without a start. */
  public record Day(String day, List<SessionRow> sessions) {}

  /**
   * The session list: top-level rows newest first, grouped by day, sub-agents counted under their
   * parent, sessions with an open conflict marked, the filters that made it.
   */
  public record SessionList(Frame frame, List<Day> days, java.util.Map<String, Long> subAgents, java.util.Set<String> forked,
      Filters filters, boolean trash, String next) {
    public boolean isEmpty() {
      return days.isEmpty();
    }
  }

  /** One message, its Markdown already rendered (escaped) to HTML. */
  public record Message(long ordinal, String role, String at, String model, String html, String thinking, List<Tool> tools,
      boolean pinned, String pinNote, List<Image> images) {}

  /** An image of a message: {@code shown} when its bytes may be in the view (a stored type and size), served at /blob/{sha256}. */
  public record Image(String sha256, String label, boolean shown) {}

  /**
   * A tool call as the page shows it: name, input, the result cut to {@link #RESULT_PREVIEW}
   * characters ({@code full} holds all of it when it was cut), and the sub-agent session it started.
   */
  public record Tool(String name, String input, String result, String full, boolean error, String subAgent, String subAgentTitle) {
    public static final int RESULT_PREVIEW = 2_000;
  }

  /** A session with its messages and the conflicts open on it. */
  public record Session(Frame frame, SessionRow session, List<Message> messages, List<ConflictRow> conflicts, List<SessionRow> subAgents) {
    public List<String> tags() {
      return session.tags() == null || session.tags().isBlank() ? List.of() : List.of(session.tags().split(" "));
    }
  }

  /** The hits in one session, best first. */
  public record HitGroup(String session, String title, List<SearchHit> hits) {}

  /**
   * Search results grouped by session (sessions in the order of their best hit); {@code windowed}
   * when more messages matched than the search ranks.
   */
  public record Search(Frame frame, String query, Filters filters, List<HitGroup> groups, boolean windowed) {}

  /** How long a session ran, from its first to its last recorded time ("" when either is unknown). */
  public static String duration(SessionRow r) {
    try {
      java.time.Duration d = java.time.Duration.between(java.time.Instant.parse(r.startedAt()), java.time.Instant.parse(r.endedAt()));
      if (d.isNegative()) {
        return "";
      }
      long minutes = d.toMinutes();
      return minutes < 1 ? d.toSeconds() + " s" : minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    } catch (RuntimeException e) { // null or not an instant: shown as unknown
      return "";
    }
  }

  /** One line of the usage page: a period, model or machine with its token sums and cost ({@code NaN}: nothing priced). */
  public record UsageLine(String label, long input, long output, long cacheWrite, long cacheRead, double cost, long unpricedTokens) {
    public String costText() {
      if (Double.isNaN(cost) || (cost == 0 && unpricedTokens > 0)) {
        return "unpriced";
      }
      return String.format(java.util.Locale.ROOT, "$%.2f%s", cost, unpricedTokens > 0 ? "+" : "");
    }

    public String n(long v) {
      return String.format(java.util.Locale.ROOT, "%,d", v);
    }
  }

  /**
   * The usage page: lines per period, per model and per machine, the total, which table priced
   * them, and the chart's series as JSON arrays (written into data attributes, escaped).
   */
  public record Usage(Frame frame, Filters filters, String grouping, List<UsageLine> periods, List<UsageLine> models,
      List<UsageLine> machines, UsageLine total, String priced, String chartLabels, String chartCost, String chartTokens) {}

  /** The machines this home knows, with the sessions each recorded. */
  public record Peers(Frame frame, List<Machines.Peer> peers, java.util.Map<String, Long> sessions) {}

  /** The named targets and how fresh each is. */
  public record Sync(Frame frame, List<Machines.Target> targets) {}

  /** The login page: what to run to get a link. */
  public record Login(Frame frame, String reason) {}
}
