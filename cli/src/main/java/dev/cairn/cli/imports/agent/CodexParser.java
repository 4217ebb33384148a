package dev.cairn.cli.imports.agent;

import static dev.cairn.cli.imports.agent.JsonLines.text;
import static dev.cairn.cli.imports.agent.JsonLines.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a Codex CLI rollout (JSON Lines) into a {@link Transcript}. See docs/import-codex.md.
 *
 * <ul>
 *   <li>Lines are {@code {timestamp, type, payload}}. {@code session_meta} gives the working
 *       directory and branch; {@code turn_context} the model of the turns that follow.
 *   <li>{@code response_item} is the conversation: a user {@code message} starts a turn (the
 *       environment-context and instructions messages Codex writes first are skipped); everything
 *       the agent does until the next user message ({@code reasoning} summaries, {@code
 *       function_call}, {@code custom_tool_call}, {@code local_shell_call}, {@code web_search_call},
 *       assistant {@code message}s) is one assistant message, its calls joined to their outputs
 *       by {@code call_id}.
 *   <li>{@code event_msg token_count} carries cumulative totals: the turn's usage is the difference
 *       from the previous total (a repeated total adds nothing). The other {@code event_msg}s
 *       repeat what response items say and are skipped.
 *   <li>{@code compacted} is a {@code compact-summary} message.
 *   <li>The older format without the envelope (a first line of session fields, {@code
 *       record_type: state} markers, bare response items) is read the same way.
 *   <li>Unknown types are skipped and counted; a line that is not a JSON object is malformed.
 * </ul>
 *
 * <p>Not thread-safe: one parser per rollout.
 */
final class CodexParser {
  private final Transcript transcript = new Transcript();
  private final Map<String, ParsedMessage.Call> openCalls = new HashMap<>();
  private final TreeMap<String, Long> lastTotals = new TreeMap<>();
  private ParsedMessage turn; // the assistant message of the current turn, or null before the agent says anything
  private String model;
  private long line;
  private long offset;

  static Transcript parse(byte[] data, int length) {
    CodexParser p = new CodexParser();
    JsonLines.each(data, length, p.transcript, p::object);
    return p.transcript;
  }

  private void object(JsonNode node, long line, long offset) {
    this.line = line;
    this.offset = offset;
    Instant at = timestamp(node.get("timestamp"));
    JsonNode payload = node.get("payload");
    String type = node.path("type").asText("");
    if (payload == null || !payload.isObject()) {
      legacy(node, type);
      return;
    }
    switch (type) {
      case "session_meta" -> meta(payload);
      case "turn_context" -> {
        String m = text(payload.get("model"));
        model = m != null && !m.isBlank() ? m : model;
        cwd(payload);
        transcript.skipped++;
      }
      case "response_item" -> item(payload, at);
      case "event_msg" -> event(payload);
      case "compacted" -> {
        String summary = text(payload.get("message"));
        ParsedMessage m = new ParsedMessage("compact-summary", null, at);
        m.appendText(Clean.text(summary == null ? "" : summary, ClaudeParser.TEXT_MAX));
        transcript.messages.add(m);
        transcript.seen(at);
        turn = null;
      }
      default -> transcript.skipped++;
    }
  }

  /** The format before the envelope: a first line of session fields, state markers, bare response items. */
  private void legacy(JsonNode node, String type) {
    if (node.has("record_type")) {
      transcript.skipped++;
    } else if (type.isEmpty() && node.has("id") && line == 1) {
      meta(node);
    } else if (!type.isEmpty()) {
      item(node, timestamp(node.get("timestamp")));
    } else {
      malformed("expected a \"type\" field, found none");
    }
  }

  private void meta(JsonNode payload) {
    cwd(payload);
    String forkedFrom = text(payload.get("forked_from_id"));
    String spawnedBy = text(payload.path("source").path("subagent").path("thread_spawn").get("parent_thread_id"));
    if (spawnedBy != null && !spawnedBy.isBlank()) {
      transcript.parentNative = spawnedBy.toLowerCase(java.util.Locale.ROOT); // a sub-agent
    } else if (forkedFrom != null && !forkedFrom.isBlank()) {
      transcript.parentNative = forkedFrom.toLowerCase(java.util.Locale.ROOT);
      transcript.kind = "fork";
    }
    String branch = text(payload.path("git").get("branch"));
    if (branch != null && !branch.isBlank()) {
      transcript.gitBranch = branch;
    }
    Instant started = timestamp(payload.get("timestamp"));
    transcript.seen(started);
  }

  private void cwd(JsonNode payload) {
    String cwd = text(payload.get("cwd"));
    if (cwd != null && !cwd.isBlank() && transcript.cwd == null) {
      transcript.cwd = cwd;
    }
  }

  private void item(JsonNode p, Instant at) {
    switch (p.path("type").asText("")) {
      case "message" -> message(p, at);
      case "reasoning" -> {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : p.path("summary")) {
          String t = text(s.get("text"));
          if (t != null) {
            sb.append(sb.length() == 0 ? "" : "\n").append(t);
          }
        }
        if (sb.length() > 0) {
          assistant(at).appendThinking(Clean.text(sb.toString(), ClaudeParser.TEXT_MAX));
        }
      }
      case "function_call" -> call(at, text(p.get("call_id")), text(p.get("name")), text(p.get("arguments")));
      case "custom_tool_call" -> call(at, text(p.get("call_id")), text(p.get("name")), text(p.get("input")));
      case "local_shell_call" -> call(at, text(p.get("call_id")), "local_shell", p.path("action").toString());
      case "web_search_call" -> call(at, text(p.get("id")), "web_search", p.path("action").toString());
      case "function_call_output", "custom_tool_call_output" -> output(p);
      default -> transcript.skipped++; // ghost snapshots and kinds Codex adds later
    }
  }

  private void message(JsonNode p, Instant at) {
    String role = p.path("role").asText("");
    StringBuilder sb = new StringBuilder();
    for (JsonNode c : p.path("content")) {
      String t = text(c.get("text"));
      if (t != null) {
        sb.append(sb.length() == 0 ? "" : "\n\n").append(t);
      }
    }
    String text = sb.toString();
    transcript.seen(at);
    if (role.equals("user")) {
      String stripped = text.strip();
      if (stripped.startsWith("<environment_context>") || stripped.startsWith("<user_instructions>") || stripped.startsWith("# AGENTS.md")) {
        transcript.skipped++; // what Codex tells the model about the machine, not what the person typed
        return;
      }
      ParsedMessage m = new ParsedMessage("user", null, at);
      m.appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
      transcript.messages.add(m);
      turn = null;
      if (transcript.firstPrompt == null && !stripped.isEmpty() && !stripped.startsWith("<")) {
        transcript.firstPrompt = Clean.title(stripped);
      }
    } else if (role.equals("assistant")) {
      assistant(at).appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
      if (transcript.firstAssistantText == null && !text.isBlank()) {
        transcript.firstAssistantText = Clean.title(text);
      }
    } else {
      transcript.skipped++; // developer and system messages: instructions, not conversation
    }
  }

  private ParsedMessage assistant(Instant at) {
    if (turn == null) {
      turn = new ParsedMessage("assistant", null, at);
      transcript.messages.add(turn);
    }
    if (model != null) {
      turn.model = model;
    }
    transcript.seen(at);
    return turn;
  }

  private void call(Instant at, String id, String name, String input) {
    ParsedMessage m = assistant(at);
    ParsedMessage.Call call = new ParsedMessage.Call(id, name == null || name.isBlank() ? "unknown" : Clean.text(name, 200),
        input == null ? null : Clean.text(input, ClaudeParser.TOOL_MAX));
    call.message = m;
    m.calls.put(id == null ? "#" + m.calls.size() : id, call);
    if (id != null) {
      openCalls.put(id, call);
    }
  }

  private void output(JsonNode p) {
    String id = text(p.get("call_id"));
    ParsedMessage.Call call = id == null ? null : openCalls.get(id);
    if (call == null) {
      transcript.skipped++; // an output whose call is not in this rollout
      return;
    }
    JsonNode out = p.get("output");
    String text = out == null || out.isNull() ? "" : out.isTextual() ? out.textValue() : out.toString();
    boolean error = false;
    if (text.startsWith("{")) { // shell calls: {"output": "...", "metadata": {"exit_code": N}}
      try {
        JsonNode inner = JsonLines.LENIENT.readTree(text);
        if (inner != null && inner.path("output").isTextual()) {
          text = inner.path("output").textValue();
          error = inner.path("metadata").path("exit_code").asInt(0) != 0;
        }
      } catch (IOException e) {
        // not JSON after all: the output as written
      }
    }
    call.output = Clean.text(text, ClaudeParser.TOOL_MAX);
    call.isError = error;
  }

  private void event(JsonNode p) {
    if (!p.path("type").asText("").equals("token_count") || !p.path("info").path("total_token_usage").isObject()) {
      transcript.skipped++; // user_message, agent_message, agent_reasoning...: repeats of response items
      return;
    }
    TreeMap<String, Long> totals = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.path("info").path("total_token_usage").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().canConvertToLong() && e.getValue().longValue() >= 0) {
        totals.put(e.getKey(), e.getValue().longValue());
      }
    }
    ParsedMessage target = turn != null ? turn : lastAssistant();
    for (Map.Entry<String, Long> e : totals.entrySet()) {
      long delta = e.getValue() - lastTotals.getOrDefault(e.getKey(), 0L);
      if (delta > 0 && target != null) {
        target.usage.merge(e.getKey(), delta, Long::sum);
      }
    }
    lastTotals.putAll(totals);
  }

  private ParsedMessage lastAssistant() {
    for (int i = transcript.messages.size() - 1; i >= 0; i--) {
      if (transcript.messages.get(i).role.equals("assistant")) {
        return transcript.messages.get(i);
      }
    }
    return null;
  }

  private void malformed(String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, offset, reason));
  }


}
