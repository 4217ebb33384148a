package dev.cairn.cli.imports.agent;

import static dev.cairn.cli.imports.agent.JsonLines.text;
import static dev.cairn.cli.imports.agent.JsonLines.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Gemini CLI chat recording into a {@link Transcript}. See docs/import-gemini.md.
 *
 * <ul>
 *   <li>The {@code .jsonl} form is a record log: a metadata line ({@code sessionId, startTime,
 *       directories, ...}), then message records keyed by {@code id}; a record with an id seen
 *       before replaces it in place (Gemini rewrites a message as its tool calls and tokens
 *       arrive). {@code {"$rewindTo": id}} drops that message and every later one from the
 *       session's current messages; {@code {"$set": {...}}} patches the metadata (its {@code
 *       messages}, the model's context after a compression, are not the conversation and are
 *       ignored).
 *   <li>The older {@code .json} form is one object: the metadata and its {@code messages}.
 *   <li>{@code user} records are user messages ({@code /command} ones are commands); {@code
 *       gemini} records assistant messages with their model, thoughts, tool calls (with results)
 *       and tokens; {@code info}, {@code error}, {@code warning} are system notices. Other types are
 *       skipped and counted.
 * </ul>
 *
 * <p>Not thread-safe: one parser per file.
 */
final class GeminiParser {
  private final Transcript transcript = new Transcript();
  private final LinkedHashMap<String, JsonNode> records = new LinkedHashMap<>();
  private long line;
  private long offset;

  static Transcript parse(byte[] data, int length) {
    GeminiParser p = new GeminiParser();
    int first = 0;
    while (first < length && Character.isWhitespace(data[first])) {
      first++;
    }
    if (first < length && isWholeObject(data, first, length)) {
      p.whole(data, length);
    } else {
      JsonLines.each(data, length, p.transcript, p::object);
    }
    p.finish();
    return p.transcript;
  }

  /** Whether the file is one pretty-printed object (the .json form: "{" alone on its first line) rather than one object per line. */
  private static boolean isWholeObject(byte[] data, int first, int length) {
    int end = first;
    while (end < length && data[end] != '\n') {
      end++;
    }
    return end < length && new String(data, first, end - first, java.nio.charset.StandardCharsets.UTF_8).strip().equals("{");
  }

  private void whole(byte[] data, int length) {
    line = 1;
    JsonNode node;
    try {
      node = JsonLines.LENIENT.readTree(data, 0, length);
    } catch (IOException e) {
      malformed("not valid JSON (" + e.getMessage() + ")");
      return;
    }
    if (node == null || !node.isObject()) {
      malformed("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
      return;
    }
    metadata(node);
    for (JsonNode m : node.path("messages")) {
      record(m);
    }
  }

  private void object(JsonNode node, long line, long offset) {
    this.line = line;
    this.offset = offset;
    if (node.has("$rewindTo")) {
      rewind(node.path("$rewindTo").asText(""));
    } else if (node.has("$set")) {
      metadata(node.path("$set"));
    } else if (node.has("id") && node.has("type")) {
      record(node);
    } else if (node.has("sessionId")) {
      metadata(node);
      node.path("messages").forEach(this::record); // a one-line .json file
    } else {
      transcript.skipped++;
    }
  }

  private void metadata(JsonNode m) {
    transcript.seen(timestamp(m.get("startTime")));
    JsonNode dirs = m.path("directories");
    if (transcript.cwd == null && dirs.isArray() && !dirs.isEmpty() && dirs.get(0).isTextual()) {
      transcript.cwd = dirs.get(0).textValue();
    }
    if (m.path("summary").isTextual() && !m.path("summary").textValue().isBlank()) {
      transcript.summary = Clean.title(m.path("summary").textValue());
    }
  }

  private void record(JsonNode r) {
    records.put(r.path("id").asText(""), r); // a rewritten record replaces the old one in its place
  }

  private void rewind(String id) {
    boolean dropping = false;
    for (var it = records.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      dropping |= e.getKey().equals(id);
      if (dropping) {
        it.remove();
      }
    }
  }

  private void finish() {
    for (JsonNode r : records.values()) {
      Instant at = timestamp(r.get("timestamp"));
      String type = r.path("type").asText("");
      String text = content(r.get("content"));
      switch (type) {
        case "user" -> {
          transcript.seen(at);
          String stripped = text.strip();
          boolean command = stripped.startsWith("/") && !stripped.contains("\n") && stripped.length() < 200;
          ParsedMessage m = new ParsedMessage(command ? "command" : "user", null, at);
          m.appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
          transcript.messages.add(m);
          if (!command && transcript.firstPrompt == null && !stripped.isEmpty()) {
            transcript.firstPrompt = Clean.title(stripped);
          }
        }
        case "gemini" -> {
          transcript.seen(at);
          transcript.messages.add(assistant(r, text, at));
          if (transcript.firstAssistantText == null && !text.isBlank()) {
            transcript.firstAssistantText = Clean.title(text);
          }
        }
        case "info", "error", "warning" -> {
          transcript.seen(at);
          ParsedMessage m = new ParsedMessage("system", null, at);
          m.appendText(Clean.text((type.equals("info") ? "" : type + ": ") + text, ClaudeParser.TEXT_MAX));
          transcript.messages.add(m);
        }
        default -> transcript.skipped++;
      }
    }
  }

  private ParsedMessage assistant(JsonNode r, String text, Instant at) {
    ParsedMessage m = new ParsedMessage("assistant", null, at);
    m.appendText(Clean.text(text, ClaudeParser.TEXT_MAX));
    String model = r.path("model").asText(null);
    m.model = model == null || model.isBlank() ? null : model;
    StringBuilder thinking = new StringBuilder();
    for (JsonNode t : r.path("thoughts")) {
      String subject = t.path("subject").asText("");
      String description = t.path("description").asText("");
      thinking.append(thinking.length() == 0 ? "" : "\n").append(subject.isEmpty() ? description : subject + ": " + description);
    }
    if (thinking.length() > 0) {
      m.appendThinking(Clean.text(thinking.toString(), ClaudeParser.TEXT_MAX));
    }
    for (JsonNode c : r.path("toolCalls")) {
      String id = c.path("id").asText(null);
      String name = c.path("name").asText("unknown");
      ParsedMessage.Call call = new ParsedMessage.Call(id, Clean.text(name.isBlank() ? "unknown" : name, 200),
          c.has("args") ? Clean.text(c.get("args").toString(), ClaudeParser.TOOL_MAX) : null);
      call.message = m;
      String output = result(c);
      call.output = output == null ? null : Clean.text(output, ClaudeParser.TOOL_MAX);
      String status = c.path("status").asText("success");
      call.isError = !status.equals("success");
      m.calls.put(id == null ? "#" + m.calls.size() : id, call);
    }
    JsonNode tokens = r.path("tokens");
    if (tokens.isObject()) {
      Map<String, String> names = Map.of("input", "input_tokens", "output", "output_tokens", "cached", "cached_input_tokens",
          "thoughts", "thoughts_tokens", "tool", "tool_tokens", "total", "total_tokens");
      names.forEach((from, to) -> {
        JsonNode v = tokens.get(from);
        if (v != null && v.canConvertToLong() && v.longValue() >= 0) {
          m.usage.put(to, v.longValue());
        }
      });
    }
    return m;
  }

  /** A tool call's result: the function responses' output (or error), else what was displayed. */
  private static String result(JsonNode call) {
    List<String> parts = new ArrayList<>();
    for (JsonNode part : call.path("result")) {
      JsonNode response = part.path("functionResponse").path("response");
      String text = response.path("output").isTextual() ? response.path("output").textValue()
          : response.path("error").isTextual() ? response.path("error").textValue() : null;
      if (text != null) {
        parts.add(text);
      }
    }
    if (!parts.isEmpty()) {
      return String.join("\n", parts);
    }
    JsonNode display = call.get("resultDisplay");
    return display == null || display.isNull() ? null : display.isTextual() ? display.textValue() : display.toString();
  }

  /** A content value: a string, or parts whose {@code text} is joined. */
  private static String content(JsonNode c) {
    if (c == null || c.isNull()) {
      return "";
    }
    if (c.isTextual()) {
      return c.textValue();
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode part : c.isArray() ? c : List.of(c)) {
      if (part.path("text").isTextual()) {
        sb.append(sb.length() == 0 ? "" : "\n").append(part.path("text").textValue());
      }
    }
    return sb.toString();
  }

  private void malformed(String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, offset, reason));
  }

}
