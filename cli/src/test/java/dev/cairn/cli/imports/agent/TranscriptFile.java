package dev.cairn.cli.imports.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes realistic Claude Code transcript lines (the shapes Claude Code 1.x/2.x writes: one line
 * per assistant content block sharing message.id, tool results in later user lines, progress,
 * system and snapshot records, meta lines) for importer tests.
 */
final class TranscriptFile {
  private static final ObjectMapper M = new ObjectMapper();
  private final String sessionId;
  private final List<String> lines = new ArrayList<>();
  private int clock;
  private String cwd = "/home/ana/projects/cairn";

  TranscriptFile(String sessionId) {
    this.sessionId = sessionId;
  }

  private ObjectNode base(String type) {
    ObjectNode o = M.createObjectNode();
    o.put("type", type).put("sessionId", sessionId).put("cwd", cwd).put("gitBranch", "main")
        .put("version", "2.0.14").put("uuid", "u" + lines.size()).put("timestamp", String.format("2025-11-20T10:%02d:%02dZ", clock / 60, clock % 60));
    clock += 7;
    return o;
  }

  TranscriptFile user(String text) {
    ObjectNode o = base("user");
    o.putObject("message").put("role", "user").put("content", text);
    return add(o);
  }

  /** Later lines carry this working directory. */
  TranscriptFile cwd(String dir) {
    this.cwd = dir;
    return this;
  }

  /** The summary Claude Code writes after compacting, as a user record marked isCompactSummary. */
  TranscriptFile compactSummary(String text) {
    ObjectNode o = base("user");
    o.put("isCompactSummary", true).put("isVisibleInTranscriptOnly", true);
    o.putObject("message").put("role", "user").put("content", text);
    return add(o);
  }

  /** A system record of {@code subtype}; {@code fieldsJson} adds its other fields. */
  TranscriptFile system(String subtype, String fieldsJson) {
    try {
      ObjectNode o = base("system").put("subtype", subtype);
      o.setAll((ObjectNode) M.readTree(fieldsJson));
      return add(o);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  TranscriptFile meta(String text) {
    ObjectNode o = base("user");
    o.put("isMeta", true);
    o.putObject("message").put("role", "user").put("content", text);
    return add(o);
  }

  /** One assistant line (Claude Code writes one per content block, all with the same message id). */
  TranscriptFile assistantText(String messageId, String text) {
    return assistant(messageId, block("text").put("text", text));
  }

  TranscriptFile assistantThinking(String messageId, String thinking) {
    return assistant(messageId, block("thinking").put("thinking", thinking).put("signature", "sig"));
  }

  TranscriptFile toolUse(String messageId, String toolId, String name, String inputJson) {
    try {
      ObjectNode b = block("tool_use").put("id", toolId).put("name", name);
      b.set("input", M.readTree(inputJson));
      return assistant(messageId, b);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  TranscriptFile toolResult(String toolId, String output, boolean error) {
    ObjectNode o = base("user");
    ArrayNode content = o.putObject("message").put("role", "user").putArray("content");
    content.addObject().put("type", "tool_result").put("tool_use_id", toolId).put("content", output).put("is_error", error);
    o.put("toolUseResult", "stdout: " + output);
    return add(o);
  }

  /** A tool result whose record carries {@code toolUseResult} as the given JSON (Claude Code puts the sub-agent's id there). */
  TranscriptFile toolResultWith(String toolId, String output, String toolUseResultJson) {
    try {
      ObjectNode o = base("user");
      ArrayNode content = o.putObject("message").put("role", "user").putArray("content");
      content.addObject().put("type", "tool_result").put("tool_use_id", toolId).put("content", output);
      o.set("toolUseResult", M.readTree(toolUseResultJson));
      return add(o);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  TranscriptFile summary(String text) {
    ObjectNode o = M.createObjectNode().put("type", "summary").put("summary", text).put("leafUuid", "leaf");
    return add(o);
  }

  TranscriptFile noise() {
    add(base("progress").put("data", "{\"type\":\"hook_progress\"}"));
    add(base("system").put("subtype", "stop_hook_summary").put("content", "hooks ran"));
    add(M.createObjectNode().put("type", "file-history-snapshot").put("messageId", "m").set("snapshot", M.createObjectNode()));
    return add(M.createObjectNode().put("type", "queue-operation").put("operation", "enqueue").put("content", "later"));
  }

  TranscriptFile raw(String line) {
    lines.add(line);
    return this;
  }

  private ObjectNode block(String type) {
    return M.createObjectNode().put("type", type);
  }

  private TranscriptFile assistant(String messageId, ObjectNode block) {
    ObjectNode o = base("assistant");
    ObjectNode msg = o.putObject("message").put("id", messageId).put("type", "message").put("role", "assistant")
        .put("model", "claude-sonnet-4-5-20250929");
    msg.putArray("content").add(block);
    msg.putObject("usage").put("input_tokens", 100 + lines.size()).put("output_tokens", 20).put("service_tier", "standard");
    return add(o);
  }

  private TranscriptFile add(ObjectNode o) {
    lines.add(o.toString());
    return this;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    lines.clear();
  }

  /** Appends the lines written since the last write/append (the file grows). */
  void append(Path file) throws IOException {
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    lines.clear();
  }
}
