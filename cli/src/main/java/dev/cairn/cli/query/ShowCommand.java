package dev.cairn.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TerminalText;
import dev.cairn.ledger.SessionId;
import dev.cairn.projection.MessageRow;
import dev.cairn.projection.SessionRow;
import dev.cairn.projection.SubAgentLinks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn show SESSION}: a session with its curated fields and messages. */
@Command(name = "show", header = "Show a session: curated fields, messages, tool calls, pins.", mixinStandardHelpOptions = true,
    description = {"Show a session: curated title, star, tags, pins, and every message with its tool calls.",
        "SESSION is an id or a unique prefix. Message numbers are the ORDINALs that 'pin' takes."})
public final class ShowCommand implements Callable<Integer> {
  private static final int TOOL_PREVIEW = 400;
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--thinking", description = "Also print the assistant's thinking.")
  boolean thinking;

  @Option(names = "--json", description = "Print the session and all messages as JSON.")
  boolean json;

  public ShowCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      List<SessionId> found = f.view().queries().resolve(session, 10);
      if (found.size() != 1) {
        throw new SessionRefException(session, found, 10);
      }
      SessionRow s = f.view().queries().session(found.get(0)).orElseThrow();
      List<MessageRow> messages = f.view().queries().messages(found.get(0));
      List<SessionRow> subAgents = f.view().queries().subAgents(found.get(0));
      Map<String, SessionRow> started = SubAgentLinks.of(messages, subAgents);
      if (json) {
        printJson(s, messages, subAgents, started);
      } else {
        printText(s, messages, subAgents, started);
      }
    }
    return 0;
  }

  private void printText(SessionRow s, List<MessageRow> messages, List<SessionRow> subAgents, Map<String, SessionRow> started)
      throws Exception {
    var out = TerminalText.writer(ctx.out()); // transcript text must not drive the terminal
    out.println((s.starred() ? "* " : "") + (s.title() == null ? "(untitled)" : s.title()) + (s.trashed() ? "   [in trash]" : ""));
    out.println("  session   " + s.session() + (s.parent() == null ? "" : "   (" + s.kind() + " of " + s.parent() + ")"));
    out.println("  project   " + nullToDash(s.project()) + "   agent " + s.agent());
    out.println("  time      " + nullToDash(s.startedAt()) + " .. " + nullToDash(s.endedAt()));
    out.println("  tags      " + (s.tags() == null ? "-" : s.tags()) + "   pins " + s.pins() + "   messages " + s.messages());
    if (!subAgents.isEmpty()) {
      out.println("  sub-agents " + subAgents.size());
      for (SessionRow a : subAgents) {
        out.println("    " + a.session() + "  " + (a.title() == null ? "" : a.title()) + "  (" + a.kind() + ", " + a.messages() + " messages)");
      }
    }
    for (MessageRow m : messages) {
      out.println();
      out.println("[" + m.ordinal() + "] " + m.role() + (m.at() == null ? "" : "  " + m.at()) + (m.model() == null ? "" : "  " + m.model())
          + (m.pinned() ? "  PINNED" + (m.pinNote() == null ? "" : ": " + m.pinNote()) : ""));
      if (thinking && m.thinking() != null) {
        out.println("  (thinking) " + m.thinking().replace("\n", "\n  "));
      }
      if (!m.text().isEmpty()) {
        out.println("  " + m.text().replace("\n", "\n  "));
      }
      if (m.toolCalls() != null) {
        for (JsonNode call : Json.MAPPER.readTree(m.toolCalls())) {
          out.println("  -> " + call.path("name").asText() + " " + preview(call.path("input").asText("")));
          SessionRow sub = started.get(call.path("id").asText(""));
          if (sub != null) {
            out.println("     started " + sub.session());
          }
          if (call.hasNonNull("output")) {
            out.println("  <- " + (call.path("is_error").asBoolean() ? "ERROR " : "") + preview(call.path("output").asText()));
          }
        }
      }
    }
  }

  private void printJson(SessionRow s, List<MessageRow> messages, List<SessionRow> subAgents, Map<String, SessionRow> started)
      throws Exception {
    ObjectNode o = Json.object().put("session", s.session()).put("title", s.title()).put("project", s.project())
        .put("agent", s.agent()).put("started_at", s.startedAt()).put("ended_at", s.endedAt()).put("starred", s.starred())
        .put("trashed", s.trashed()).put("tags", s.tags()).put("parent", s.parent()).put("kind", s.kind());
    ArrayNode subs = o.putArray("sub_agents");
    subAgents.forEach(a -> subs.addObject().put("session", a.session()).put("title", a.title()).put("kind", a.kind())
        .put("messages", a.messages()));
    ArrayNode ms = o.putArray("messages");
    for (MessageRow m : messages) {
      ObjectNode mo = ms.addObject().put("ordinal", m.ordinal()).put("role", m.role()).put("text", m.text())
          .put("thinking", m.thinking()).put("at", m.at()).put("model", m.model()).put("pinned", m.pinned()).put("pin_note", m.pinNote());
      ArrayNode calls = m.toolCalls() == null ? Json.MAPPER.createArrayNode() : (ArrayNode) Json.MAPPER.readTree(m.toolCalls());
      for (JsonNode call : calls) {
        SessionRow sub = started.get(call.path("id").asText(""));
        if (sub != null && call instanceof ObjectNode c) {
          c.put("sub_agent", sub.session());
        }
      }
      mo.set("tool_calls", calls);
      mo.set("usage", m.usage() == null ? Json.object() : Json.MAPPER.readTree(m.usage()));
      mo.set("images", m.images() == null ? Json.MAPPER.createArrayNode() : Json.MAPPER.readTree(m.images()));
    }
    ctx.out().println(Json.write(o));
  }

  private static String preview(String s) {
    String one = s.replace("\n", " ");
    return one.length() <= TOOL_PREVIEW ? one : one.substring(0, TOOL_PREVIEW) + "...";
  }

  private static String nullToDash(String s) {
    return s == null ? "-" : s;
  }
}
