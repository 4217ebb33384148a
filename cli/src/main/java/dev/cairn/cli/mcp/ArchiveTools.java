package dev.cairn.cli.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.ServeState;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.usage.PriceTable;
import dev.cairn.cli.usage.UsageReport;
import dev.cairn.ledger.SessionId;
import dev.cairn.projection.MessageRow;
import dev.cairn.projection.SearchHit;
import dev.cairn.projection.SearchResults;
import dev.cairn.projection.SearchSyntaxException;
import dev.cairn.projection.SessionFilter;
import dev.cairn.projection.SessionRow;
import dev.cairn.projection.UsageQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The archive as read-only tools for an agent: {@code search}, {@code list_sessions}, {@code
 * get_session}, {@code usage}. Each takes the tool's arguments (a JSON object, as MCP passes them),
 * validates them, reads a caught-up view, and returns a bounded JSON result; trashed and purged
 * sessions never appear. Every hit and message carries a citation ({@code <session>#m<ordinal>})
 * that {@code cairn show} and the UI resolve. Stateless apart from the home.
 */
public final class ArchiveTools {
  static final int TEXT_CUT = 4_000;
  static final int TOOL_CUT = 2_000;
  static final int FULL_CUT = 100_000;

  /** Bad arguments: the message says what was expected and what was found. */
  public static final class ToolInputException extends RuntimeException {
    ToolInputException(String message) {
      super(message);
    }
  }

  private final Home home;

  public ArchiveTools(Home home) {
    this.home = home;
  }

  public ObjectNode search(Map<String, Object> args) {
    String query = requiredString(args, "query");
    int limit = intArg(args, "limit", 10, 1, 50);
    SessionFilter f = filter(args);
    SearchResults found;
    try (Views.Fresh v = Views.caughtUp(home)) {
      found = v.view().queries().search(dev.cairn.projection.SessionQueries.plainQuery(query), f, limit);
    } catch (SearchSyntaxException e) {
      throw new ToolInputException("query: " + e.getMessage());
    }
    ObjectNode out = Json.object().put("query", query).put("windowed", found.windowed());
    ArrayNode hits = out.putArray("hits");
    for (SearchHit h : found.hits()) {
      hits.add(cite(Json.object().put("session", h.session()).put("title", h.title()).put("ordinal", h.ordinal()).put("role", h.role())
          .put("snippet", h.snippet()), h.session(), h.ordinal()));
    }
    return out;
  }

  public ObjectNode listSessions(Map<String, Object> args) {
    int limit = intArg(args, "limit", 20, 1, 100);
    SessionFilter f = filter(args).withLimit(limit + 1).withTopLevel(!Boolean.TRUE.equals(args.get("all_kinds")));
    String after = optionalString(args, "after");
    if (after != null) {
      int bar = after.indexOf('|');
      if (bar < 0) {
        throw new ToolInputException("after: expected the 'next' value of an earlier page, found '" + after + "'");
      }
      f = f.withAfter(new SessionFilter.After(after.substring(0, bar), after.substring(bar + 1)));
    }
    List<SessionRow> rows;
    try (Views.Fresh v = Views.caughtUp(home)) {
      rows = v.view().queries().sessions(f);
    }
    ObjectNode out = Json.object();
    ArrayNode arr = out.putArray("sessions");
    for (SessionRow r : rows.subList(0, Math.min(limit, rows.size()))) {
      arr.add(cite(Json.object().put("session", r.session()).put("title", r.title()).put("agent", r.agent()).put("project", r.project())
          .put("started_at", r.startedAt()).put("ended_at", r.endedAt()).put("messages", r.messages()).put("starred", r.starred())
          .put("tags", r.tags()).put("kind", r.kind()).put("parent", r.parent()), r.session(), -1));
    }
    if (rows.size() > limit) {
      SessionRow last = rows.get(limit - 1);
      out.put("next", (last.startedAt() == null ? "" : last.startedAt()) + "|" + last.session());
    }
    return out;
  }

  public ObjectNode getSession(Map<String, Object> args) {
    String ref = requiredString(args, "session");
    Integer ordinal = args.containsKey("ordinal") ? intArg(args, "ordinal", 0, 0, Integer.MAX_VALUE) : null;
    int offset = intArg(args, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = intArg(args, "limit", 20, 1, 50);
    try (Views.Fresh v = Views.caughtUp(home)) {
      List<SessionId> ids = v.view().queries().resolve(ref, 2);
      if (ids.size() != 1) {
        throw new ToolInputException("session: expected one session id (or a unique prefix, or its native id), found "
            + (ids.isEmpty() ? "no session named '" + ref + "'" : "several sessions starting with '" + ref + "'"));
      }
      SessionRow s = v.view().queries().session(ids.get(0)).orElseThrow();
      if (s.trashed()) {
        throw new ToolInputException("session: expected one session id, found no session named '" + ref + "'");
      }
      List<MessageRow> messages = v.view().queries().messages(ids.get(0));
      ObjectNode out = cite(Json.object().put("session", s.session()).put("title", s.title()).put("agent", s.agent())
          .put("project", s.project()).put("started_at", s.startedAt()).put("ended_at", s.endedAt()).put("starred", s.starred())
          .put("tags", s.tags()).put("kind", s.kind()).put("parent", s.parent()).put("messages_total", messages.size()), s.session(), -1);
      ArrayNode arr = out.putArray("messages");
      if (ordinal != null) {
        messages.stream().filter(m -> m.ordinal() == ordinal).findFirst().ifPresentOrElse(m -> arr.add(message(s.session(), m, FULL_CUT, FULL_CUT)),
            () -> { throw new ToolInputException("ordinal: expected 0.." + (messages.size() - 1) + ", found " + ordinal); });
        return out;
      }
      List<MessageRow> page = messages.subList(Math.min(offset, messages.size()), Math.min(offset + limit, messages.size()));
      page.forEach(m -> arr.add(message(s.session(), m, TEXT_CUT, TOOL_CUT)));
      if (offset + limit < messages.size()) {
        out.put("next_offset", offset + limit);
      }
      return out;
    }
  }

  public ObjectNode usage(Map<String, Object> args) {
    String grouping = Optional.ofNullable(optionalString(args, "grouping")).orElse("daily");
    UsageQuery.Grouping g;
    try {
      g = UsageQuery.Grouping.valueOf(grouping.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ToolInputException("grouping: expected daily, weekly, monthly, session, project, machine, model or total, found '" + grouping + "'");
    }
    UsageQuery.Filter f = new UsageQuery.Filter(date(args, "since"), date(args, "until"), optionalString(args, "agent"),
        optionalString(args, "project"), optionalString(args, "machine"));
    try (Views.Fresh v = Views.caughtUp(home)) {
      ObjectNode report = UsageReport.of(g, v.view().usage().rows(g, f, false), PriceTable.load(home.root().resolve("prices.toml"))).toJson();
      ArrayNode rows = (ArrayNode) report.get("rows");
      while (rows.size() > 100) { // bounded: the newest (last) rows are kept
        rows.remove(0);
      }
      return report;
    }
  }

  private ObjectNode message(String session, MessageRow m, int textCut, int toolCut) {
    ObjectNode o = cite(Json.object().put("ordinal", m.ordinal()).put("role", m.role()).put("at", m.at()).put("model", m.model()), session, m.ordinal());
    o.put("text", cut(m.text(), textCut, session, m.ordinal()));
    if (m.toolCalls() != null) {
      ArrayNode calls = o.putArray("tool_calls");
      try {
        for (com.fasterxml.jackson.databind.JsonNode c : Json.MAPPER.readTree(m.toolCalls())) {
          calls.addObject().put("name", c.path("name").asText()).put("input", cut(c.path("input").asText(""), toolCut, session, m.ordinal()))
              .put("output", c.hasNonNull("output") ? cut(c.path("output").asText(), toolCut, session, m.ordinal()) : null)
              .put("is_error", c.path("is_error").asBoolean(false));
        }
      } catch (java.io.IOException e) {
        calls.addObject().put("name", "(unreadable tool calls)");
      }
    }
    return o;
  }

  private static String cut(String s, int max, String session, long ordinal) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "\n[... " + (s.length() - max) + " more characters: call get_session with session=\"" + session
        + "\" and ordinal=" + ordinal + " for all of it]";
  }

  /** Adds the citation: {@code <session>#m<ordinal>}, the command that shows it, and the UI link when a service runs. */
  private ObjectNode cite(ObjectNode o, String session, long ordinal) {
    o.put("citation", ordinal < 0 ? session : session + "#m" + ordinal).put("show", "cairn show " + session);
    try {
      Optional<String> base = ServeState.read(home);
      base.ifPresent(b -> o.put("link", b + "/s/" + URLEncoder.encode(session, StandardCharsets.UTF_8) + (ordinal < 0 ? "" : "#m" + ordinal)));
    } catch (java.io.IOException e) {
      // no link: the citation and the command still resolve it
    }
    return o;
  }

  private static SessionFilter filter(Map<String, Object> args) {
    return SessionFilter.DEFAULT.withAgent(optionalString(args, "agent")).withProject(optionalString(args, "project"))
        .withOrigin(optionalString(args, "machine")).withTag(optionalString(args, "tag"))
        .withStarred(Boolean.TRUE.equals(args.get("starred")) ? Boolean.TRUE : null).withSince(date(args, "since")).withUntil(date(args, "until"));
  }

  private static String date(Map<String, Object> args, String name) {
    String v = optionalString(args, name);
    if (v != null && !SessionFilter.isDatePrefix(v)) {
      throw new ToolInputException(name + ": expected a date like 2025-11-20, found '" + v + "'");
    }
    return v;
  }

  private static String requiredString(Map<String, Object> args, String name) {
    String v = optionalString(args, name);
    if (v == null) {
      throw new ToolInputException(name + ": expected a non-empty string, found "
          + (args != null && args.get(name) instanceof String ? "an empty one" : "nothing"));
    }
    return v;
  }

  private static String optionalString(Map<String, Object> args, String name) {
    Object v = args == null ? null : args.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new ToolInputException(name + ": expected a string, found " + v);
    }
    return s.isBlank() ? null : s;
  }

  private static int intArg(Map<String, Object> args, String name, int dflt, int min, int max) {
    Object v = args == null ? null : args.get(name);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < min || n.longValue() > max) {
      throw new ToolInputException(name + ": expected an integer from " + min + " to " + max + ", found " + v);
    }
    return n.intValue();
  }
}
