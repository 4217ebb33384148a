package dev.cairn.cli.imports.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.ledger.json.JsonInput;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Claude Code transcript (JSON Lines) into a {@link Transcript}. See
 * docs/import-claude.md for the mapping. Only complete lines (ending in {@code \n}) are given to it;
 * a half-written last line is the caller's business.
 *
 * <ul>
 *   <li>{@code user} and {@code assistant} records are the conversation; assistant records that
 *       share {@code message.id} (Claude Code writes one line per content block) merge into one
 *       message; a {@code tool_result} block completes the tool call with the same id, however many
 *       lines later it comes, and a user line holding only results makes no message of its own.
 *   <li>{@code summary} records give the title; otherwise the first real user prompt does.
 *   <li>{@code progress}, {@code system}, {@code file-history-snapshot}, {@code queue-operation},
 *       records marked {@code isMeta} and any other type are skipped and counted.
 *   <li>A line that is not a JSON object, has no type, or whose message has the wrong shape is
 *       reported with its line number and skipped.
 * </ul>
 *
 * <p>Not thread-safe: one parser per transcript.
 */
final class TranscriptParser {
  static final int TEXT_MAX = 1 << 20;
  static final int TOOL_MAX = 256 << 10;
  private static final Set<String> CONVERSATION = Set.of("user", "assistant");
  private static final ObjectMapper LENIENT = new ObjectMapper();

  static {
    LENIENT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxDocumentLength(JsonInput.MAX_DOCUMENT_BYTES * 4L).maxStringLength(JsonInput.MAX_DOCUMENT_BYTES * 4).build());
  }

  private final Transcript transcript = new Transcript();
  private final Map<String, ParsedMessage.Call> openCalls = new HashMap<>();
  private long line;

  /** Parses the complete lines in {@code data[0, length)}. */
  static Transcript parse(byte[] data, int length) {
    TranscriptParser p = new TranscriptParser();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (data[i] == '\n') {
        p.line(data, start, i - start);
        start = i + 1;
      }
    }
    if (start < length) {
      p.line(data, start, length - start);
    }
    return p.transcript;
  }

  private void line(byte[] data, int offset, int len) {
    line++;
    if (len == 0 || (len == 1 && data[offset] == '\r')) {
      return;
    }
    JsonNode node;
    try {
      node = LENIENT.readTree(data, offset, len);
    } catch (JsonProcessingException e) {
      malformed("not valid JSON (" + e.getOriginalMessage() + ")");
      return;
    } catch (IOException e) {
      malformed("unreadable: " + e.getMessage());
      return;
    }
    if (node == null || !node.isObject()) {
      malformed("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
      return;
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      malformed("expected a \"type\" field, found none");
      return;
    }
    String t = type.textValue();
    if (t.equals("summary")) {
      String s = text(node.get("summary"));
      if (s != null && !s.isBlank()) {
        transcript.summary = Clean.title(s);
      }
      return;
    }
    if (!CONVERSATION.contains(t) || node.path("isMeta").asBoolean(false)) {
      transcript.skipped++;
      return;
    }
    conversation(t, node);
  }

  private void conversation(String type, JsonNode node) {
    JsonNode message = node.get("message");
    if (message == null || !message.isObject()) {
      malformed("expected \"message\" to be an object, found " + describe(message));
      return;
    }
    JsonNode content = message.get("content");
    if (content == null || !(content.isTextual() || content.isArray())) {
      malformed("expected \"message.content\" to be a string or an array, found " + describe(content));
      return;
    }
    if (content.isArray()) {
      for (JsonNode block : content) {
        if (!block.isObject()) {
          malformed("expected content blocks to be objects, found " + describe(block));
          return;
        }
      }
    }
    Instant at = timestamp(node.get("timestamp"));
    transcript.seen(at);
    String cwd = text(node.get("cwd"));
    if (cwd != null && !cwd.isBlank()) {
      transcript.cwd = cwd;
    }
    String branch = text(node.get("gitBranch"));
    if (branch != null && !branch.isBlank()) {
      transcript.gitBranch = branch;
    }
    if (type.equals("assistant")) {
      assistant(message, content, at);
    } else {
      user(content, at);
    }
  }

  private void assistant(JsonNode message, JsonNode content, Instant at) {
    String id = text(message.get("id"));
    ParsedMessage last = transcript.messages.isEmpty() ? null : transcript.messages.get(transcript.messages.size() - 1);
    ParsedMessage m;
    if (last != null && last.role.equals("assistant") && id != null && id.equals(last.messageId)) {
      m = last;
    } else {
      m = new ParsedMessage("assistant", id, at);
      transcript.messages.add(m);
    }
    String model = text(message.get("model"));
    if (model != null && !model.isBlank()) {
      m.model = model;
    }
    JsonNode usage = message.get("usage");
    if (usage != null && usage.isObject()) {
      m.usage.clear();
      for (Iterator<Map.Entry<String, JsonNode>> it = usage.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isIntegralNumber() && e.getValue().canConvertToLong() && e.getValue().longValue() >= 0) {
          m.usage.put(e.getKey(), e.getValue().longValue());
        }
      }
    }
    if (content.isTextual()) {
      m.appendText(Clean.text(content.textValue(), TEXT_MAX));
      return;
    }
    for (JsonNode block : content) {
      switch (block.path("type").asText("")) {
        case "text" -> m.appendText(Clean.text(text(block.get("text")), TEXT_MAX));
        case "thinking" -> m.appendThinking(Clean.text(text(block.get("thinking")), TEXT_MAX));
        case "tool_use" -> {
          String callId = text(block.get("id"));
          String name = text(block.get("name"));
          JsonNode input = block.get("input");
          ParsedMessage.Call call = new ParsedMessage.Call(callId, name == null || name.isBlank() ? "unknown" : Clean.text(name, 200),
              input == null ? null : Clean.text(input.toString(), TOOL_MAX));
          m.calls.put(callId == null ? "#" + m.calls.size() : callId, call);
          if (callId != null) {
            openCalls.put(callId, call);
          }
        }
        default -> { } // images, server tool blocks: not text
      }
    }
  }

  private void user(JsonNode content, Instant at) {
    ParsedMessage m = new ParsedMessage("user", null, at);
    if (content.isTextual()) {
      m.appendText(Clean.text(content.textValue(), TEXT_MAX));
    } else {
      for (JsonNode block : content) {
        switch (block.path("type").asText("")) {
          case "text" -> m.appendText(Clean.text(text(block.get("text")), TEXT_MAX));
          case "image" -> m.appendText("[image]");
          case "tool_result" -> result(block);
          default -> { }
        }
      }
    }
    if (m.text.length() == 0) {
      return; // only tool results: they completed earlier calls
    }
    transcript.messages.add(m);
    if (transcript.firstPrompt == null) {
      String candidate = m.text.toString().strip();
      if (!candidate.startsWith("<") && !candidate.startsWith("Caveat:") && !candidate.isEmpty()) {
        transcript.firstPrompt = Clean.title(candidate);
      }
    }
  }

  private void result(JsonNode block) {
    String id = text(block.get("tool_use_id"));
    ParsedMessage.Call call = id == null ? null : openCalls.get(id);
    if (call == null) {
      transcript.skipped++; // a result whose call is not in this transcript
      return;
    }
    JsonNode c = block.get("content");
    String output;
    if (c == null || c.isNull()) {
      output = "";
    } else if (c.isTextual()) {
      output = c.textValue();
    } else if (c.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : c) {
        String s = part.isTextual() ? part.textValue() : part.path("type").asText("").equals("text") ? text(part.get("text")) : "[" + part.path("type").asText("?") + "]";
        if (s != null) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(s);
        }
      }
      output = sb.toString();
    } else {
      output = c.toString();
    }
    call.output = Clean.text(output, TOOL_MAX);
    call.isError = block.path("is_error").asBoolean(false);
  }

  private void malformed(String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, reason));
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  private static Instant timestamp(JsonNode n) {
    String s = text(n);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String describe(JsonNode n) {
    if (n == null) {
      return "none";
    }
    String s = n.toString();
    return n.getNodeType().name().toLowerCase() + " " + (s.length() > 30 ? s.substring(0, 27) + "..." : s);
  }
}
