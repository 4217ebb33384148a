package dev.cairn.cli.imports.agent;

import static dev.cairn.cli.imports.agent.JsonLines.text;
import static dev.cairn.cli.imports.agent.JsonLines.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a Copilot CLI event log into a {@link Transcript}. See docs/import-copilot.md.
 *
 * <ul>
 *   <li>Lines are {@code {type, id, timestamp, parentId, data}}. {@code session.start} gives the
 *       working directory and branch ({@code data.context}); {@code session.model_change} the model
 *       of the answers that follow.
 *   <li>{@code user.message} is a user message (its {@code content}, not the transformed content
 *       Copilot sends the model); {@code assistant.message} an assistant message with its
 *       {@code reasoningText} as thinking and its {@code toolRequests} as tool calls.
 *   <li>{@code tool.execution_start} / {@code tool.execution_complete} are joined by {@code
 *       toolCallId} to those calls (a call no message requested joins the last answer): the result's
 *       content is the output; {@code success: false} marks an error, with the error's message.
 *   <li>{@code session.error} is a {@code system} message; turn markers, {@code session.info} and
 *       other types are skipped and counted.
 * </ul>
 *
 * <p>Not thread-safe: one parser per log.
 */
final class CopilotParser {
  private final Transcript transcript = new Transcript();
  private final Map<String, ParsedMessage.Call> calls = new HashMap<>();
  private ParsedMessage lastAnswer;
  private String model;
  private long line;
  private long offset;

  static Transcript parse(byte[] data, int length) {
    CopilotParser p = new CopilotParser();
    JsonLines.each(data, length, p.transcript, p::object);
    return p.transcript;
  }

  private void object(JsonNode node, long line, long offset) {
    this.line = line;
    this.offset = offset;
    if (!node.path("type").isTextual()) {
      malformed("expected a \"type\" field, found " + (node.toString().length() > 30 ? node.toString().substring(0, 27) + "..." : node.toString()));
      return;
    }
    Instant at = timestamp(node.get("timestamp"));
    JsonNode d = node.path("data");
    switch (node.path("type").textValue()) {
      case "session.start" -> {
        transcript.seen(timestamp(d.get("startTime")));
        JsonNode ctx = d.path("context");
        if (transcript.cwd == null && ctx.path("cwd").isTextual()) {
          transcript.cwd = ctx.path("cwd").textValue();
        }
        if (ctx.path("branch").isTextual()) {
          transcript.gitBranch = ctx.path("branch").textValue();
        }
        String selected = d.path("selectedModel").asText(null);
        model = selected != null && !selected.isBlank() ? selected : model;
      }
      case "session.model_change" -> {
        String m = d.path("newModel").asText(null);
        model = m != null && !m.isBlank() ? m : model;
      }
      case "user.message" -> {
        String text = d.path("content").asText("");
        transcript.seen(at);
        ParsedMessage m = new ParsedMessage("user", null, at);
        m.appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
        transcript.messages.add(m);
        String stripped = text.strip();
        if (transcript.firstPrompt == null && !stripped.isEmpty() && !stripped.startsWith("<")) {
          transcript.firstPrompt = Clean.title(stripped);
        }
      }
      case "assistant.message" -> answer(d, at);
      case "tool.execution_start" -> {
        String id = d.path("toolCallId").asText(null);
        if (id != null && !calls.containsKey(id)) {
          call(at, id, d.path("toolName").asText("unknown"), d.get("arguments"));
        }
      }
      case "tool.execution_complete" -> complete(d);
      case "session.error" -> {
        transcript.seen(at);
        ParsedMessage m = new ParsedMessage("system", null, at);
        m.appendText(Clean.text("error: " + d.path("message").asText(d.path("errorType").asText("")), ClaudeParser.TEXT_MAX));
        transcript.messages.add(m);
      }
      default -> transcript.skipped++; // turn markers, session.info, hooks, kinds Copilot adds later
    }
  }

  private void answer(JsonNode d, Instant at) {
    transcript.seen(at);
    ParsedMessage m = new ParsedMessage("assistant", d.path("messageId").asText(null), at);
    String text = d.path("content").asText("");
    m.appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
    String reasoning = d.path("reasoningText").asText("");
    if (!reasoning.isBlank()) {
      m.appendThinking(Clean.text(reasoning, ClaudeParser.TEXT_MAX));
    }
    String own = d.path("model").asText(null);
    m.model = own != null && !own.isBlank() ? own : model;
    transcript.messages.add(m);
    lastAnswer = m;
    for (JsonNode r : d.path("toolRequests")) {
      String id = r.path("toolCallId").asText(null);
      call(at, id, r.path("name").asText("unknown"), r.get("arguments"));
    }
    if (transcript.firstAssistantText == null && !text.isBlank()) {
      transcript.firstAssistantText = Clean.title(text);
    }
  }

  private void call(Instant at, String id, String name, JsonNode arguments) {
    ParsedMessage m = lastAnswer;
    if (m == null) { // a tool ran before any answer: it belongs to an answer of its own
      m = new ParsedMessage("assistant", null, at);
      m.model = model;
      transcript.messages.add(m);
      lastAnswer = m;
    }
    ParsedMessage.Call call = new ParsedMessage.Call(id, Clean.text(name.isBlank() ? "unknown" : name, 200),
        arguments == null || arguments.isNull() ? null : Clean.text(arguments.isTextual() ? arguments.textValue() : arguments.toString(),
            ClaudeParser.TOOL_MAX));
    call.message = m;
    m.calls.put(id == null ? "#" + m.calls.size() : id, call);
    if (id != null) {
      calls.put(id, call);
    }
  }

  private void complete(JsonNode d) {
    ParsedMessage.Call call = calls.get(d.path("toolCallId").asText(""));
    if (call == null) {
      transcript.skipped++; // a completion whose start is not in this log
      return;
    }
    boolean success = d.path("success").asBoolean(true);
    JsonNode result = d.path("result");
    String output = result.path("content").isTextual() ? result.path("content").textValue()
        : result.isTextual() ? result.textValue() : null;
    if (!success) {
      JsonNode error = d.path("error");
      String message = error.path("message").isTextual() ? error.path("message").textValue() : error.isTextual() ? error.textValue() : null;
      output = message != null ? message : output;
    }
    call.output = output == null ? null : Clean.text(output, ClaudeParser.TOOL_MAX);
    call.isError = !success;
  }

  private void malformed(String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, offset, reason));
  }

}
