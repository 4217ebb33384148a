package dev.cairn.cli.imports.agent;

import static dev.cairn.cli.imports.agent.JsonLines.text;
import static dev.cairn.cli.imports.agent.JsonLines.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
 *   <li>What a user record carries but the person did not type is given its own role: a
 *       compaction summary ({@code isCompactSummary}) is {@code compact-summary}; a slash command
 *       ({@code <command-name>}) is {@code command}, text {@code /name args}; its local output
 *       ({@code <local-command-stdout>}, {@code -stderr}) is {@code command-output}, without
 *       terminal escapes.
 *   <li>{@code system} records: {@code local_command} is a command or its output as above;
 *       {@code compact_boundary} and {@code api_error} are {@code system} messages saying what
 *       happened; other subtypes (hook summaries, turn durations, ...) are skipped and counted.
 *   <li>The title is the first real user prompt (not an interruption notice, a command, command
 *       output, a meta or compaction record, or tagged text), else a {@code summary} record, else the
 *       first assistant text.
 *   <li>{@code progress}, {@code file-history-snapshot}, {@code queue-operation}, records marked
 *       {@code isMeta} and any other type are skipped and counted.
 *   <li>A line that is not a JSON object, has no type, or whose message has the wrong shape is
 *       reported with its line number and skipped.
 * </ul>
 *
 * <p>Not thread-safe: one parser per transcript.
 */
final class ClaudeParser {
  static final int TEXT_MAX = 1 << 20;
  static final int TOOL_MAX = 256 << 10;
  /** How Claude Code's compaction prompt begins. */
  static final String COMPACTION_PROMPT = "Your task is to create a detailed summary";
  private static final Set<String> CONVERSATION = Set.of("user", "assistant");
  private final Transcript transcript = new Transcript();
  private final Map<String, ParsedMessage.Call> openCalls = new HashMap<>();
  /** Task/Agent tool calls by id: the description the parent gave the sub-agent. */
  private final Map<String, String> taskDescriptions = new HashMap<>();
  private static final java.util.regex.Pattern AGENT_ID = java.util.regex.Pattern.compile("agentId: ?([A-Za-z0-9_-]{1,64})");
  private long line;
  private long offset;

  /** Parses the complete lines in {@code data[0, length)}. */
  static Transcript parse(byte[] data, int length) {
    ClaudeParser p = new ClaudeParser();
    JsonLines.each(data, length, p.transcript, p::object, NOISE);
    return p.transcript;
  }

  /** Records that are never part of the conversation: counted as skipped from their type alone, never parsed. */
  private static final java.util.Set<String> NOISE = java.util.Set.of("progress", "file-history-snapshot", "queue-operation");

  private void object(JsonNode node, long line, long offset) {
    this.line = line;
    this.offset = offset;
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
    if (t.equals("system")) {
      system(node);
      return;
    }
    if (!CONVERSATION.contains(t) || (node.path("isMeta").asBoolean(false) && !node.path("isCompactSummary").asBoolean(false))) {
      transcript.skipped++;
      return;
    }
    conversation(t, node);
  }

  private void system(JsonNode node) {
    String subtype = node.path("subtype").asText("");
    String content = text(node.get("content"));
    Instant at = timestamp(node.get("timestamp"));
    cwd(node);
    String body;
    String role = "system";
    switch (subtype) {
      case "local_command" -> {
        if (content == null || content.isBlank()) {
          transcript.skipped++;
          return;
        }
        Command c = Command.of(content);
        role = c.role();
        body = c.text();
      }
      case "compact_boundary" -> {
        JsonNode meta = node.path("compactMetadata");
        body = "Conversation compacted" + (meta.has("trigger") ? " (" + meta.path("trigger").asText() + ")" : "")
            + (meta.path("preTokens").canConvertToLong() && meta.has("preTokens") ? ", " + meta.path("preTokens").asLong() + " tokens before" : "");
      }
      case "api_error" -> {
        String error = text(node.path("error").get("message"));
        if (error == null) {
          error = text(node.path("error").path("error").get("message"));
        }
        body = "API error" + (error != null ? ": " + error : content != null ? ": " + content : "")
            + (node.has("retryAttempt") ? " (retry " + node.path("retryAttempt").asText() + " of " + node.path("maxRetries").asText("?") + ")" : "");
      }
      default -> { // hook summaries, turn durations, informational notes: not part of the conversation
        transcript.skipped++;
        return;
      }
    }
    transcript.seen(at);
    ParsedMessage m = new ParsedMessage(role, null, at);
    m.appendText(Clean.text(Clean.withoutAnsi(body), TEXT_MAX));
    transcript.messages.add(m);
  }

  /** A slash command or its local output, from the tags Claude Code wraps them in. */
  record Command(String role, String text) {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("<command-name>(.*?)</command-name>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern ARGS = java.util.regex.Pattern.compile("<command-args>(.*?)</command-args>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern OUTPUT =
        java.util.regex.Pattern.compile("<local-command-(?:stdout|stderr)>(.*?)</local-command-(?:stdout|stderr)>", java.util.regex.Pattern.DOTALL);

    /** Whether {@code text} is one of them. */
    static boolean is(String text) {
      String t = text.stripLeading();
      return t.startsWith("<command-name>") || t.startsWith("<command-message>") || t.startsWith("<local-command-std");
    }

    static Command of(String text) {
      java.util.regex.Matcher name = NAME.matcher(text);
      if (name.find()) {
        String n = name.group(1).strip();
        java.util.regex.Matcher args = ARGS.matcher(text);
        String a = args.find() ? args.group(1).strip() : "";
        return new Command("command", (n.startsWith("/") ? n : "/" + n) + (a.isEmpty() ? "" : " " + a));
      }
      java.util.regex.Matcher out = OUTPUT.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (out.find()) {
        sb.append(sb.length() == 0 ? "" : "\n").append(out.group(1));
      }
      return new Command("command-output", Clean.withoutAnsi(sb.length() == 0 ? text : sb.toString()).strip());
    }
  }

  private void cwd(JsonNode node) {
    String cwd = text(node.get("cwd"));
    if (cwd != null && !cwd.isBlank() && transcript.cwd == null) {
      transcript.cwd = cwd; // the first one: a session that later cd's into a sub-folder keeps its project
    }
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
    cwd(node);
    String branch = text(node.get("gitBranch"));
    if (branch != null && !branch.isBlank()) {
      transcript.gitBranch = branch;
    }
    if (type.equals("assistant")) {
      assistant(message, content, at);
    } else if (node.path("isCompactSummary").asBoolean(false)) {
      compactSummary(content, at);
    } else {
      user(content, at, node.get("toolUseResult"));
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
      firstAssistantText(content.textValue());
      return;
    }
    for (JsonNode block : content) {
      switch (block.path("type").asText("")) {
        case "text" -> {
          m.appendText(Clean.text(text(block.get("text")), TEXT_MAX));
          firstAssistantText(text(block.get("text")));
        }
        case "thinking" -> m.appendThinking(Clean.text(text(block.get("thinking")), TEXT_MAX));
        case "tool_use" -> {
          String callId = text(block.get("id"));
          String name = text(block.get("name"));
          JsonNode input = block.get("input");
          ParsedMessage.Call call = new ParsedMessage.Call(callId, name == null || name.isBlank() ? "unknown" : Clean.text(name, 200),
              input == null ? null : Clean.text(input.toString(), TOOL_MAX));
          call.message = m;
          m.calls.put(callId == null ? "#" + m.calls.size() : callId, call);
          if (callId != null) {
            openCalls.put(callId, call);
            if (("Task".equals(name) || "Agent".equals(name)) && input != null && input.path("description").isTextual()) {
              taskDescriptions.put(callId, input.path("description").textValue());
            }
          }
        }
        default -> { } // images, server tool blocks: not text
      }
    }
  }

  private void compactSummary(JsonNode content, Instant at) {
    ParsedMessage m = new ParsedMessage("compact-summary", null, at);
    if (content.isTextual()) {
      m.appendText(Clean.text(content.textValue(), TEXT_MAX));
    } else {
      for (JsonNode block : content) {
        if (block.path("type").asText("").equals("text")) {
          m.appendText(Clean.text(text(block.get("text")), TEXT_MAX));
        }
      }
    }
    transcript.messages.add(m);
  }

  private void user(JsonNode content, Instant at, JsonNode toolUseResult) {
    String whole = content.isTextual() ? content.textValue() : null;
    if (whole == null && content.size() == 1 && content.get(0).path("type").asText("").equals("text")) {
      whole = text(content.get(0).get("text"));
    }
    if (whole != null && Command.is(whole)) {
      Command c = Command.of(whole);
      ParsedMessage m = new ParsedMessage(c.role(), null, at);
      m.appendText(Clean.text(c.text(), TEXT_MAX));
      transcript.messages.add(m);
      return;
    }
    ParsedMessage m = new ParsedMessage("user", null, at);
    if (content.isTextual()) {
      m.appendText(Clean.text(content.textValue(), TEXT_MAX));
    } else {
      for (JsonNode block : content) {
        switch (block.path("type").asText("")) {
          case "text" -> m.appendText(Clean.text(text(block.get("text")), TEXT_MAX));
          case "image" -> {
            ParsedMessage.Image image = image(block);
            m.images.add(image);
            m.appendText(image.ref().label());
          }
          case "tool_result" -> result(block, toolUseResult);
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
      if (!candidate.startsWith("<") && !candidate.startsWith("Caveat:") && !candidate.startsWith("[Request interrupted")
          && !candidate.isEmpty()) {
        if (transcript.messages.size() == 1 && candidate.startsWith(COMPACTION_PROMPT)) {
          transcript.compaction = true; // a compaction run: its only prompt asks for the summary
        } else {
          transcript.firstPrompt = Clean.title(candidate);
        }
      }
    }
  }

  /**
   * An image block ({@code source: {type: base64, media_type, data}}): its reference, with its bytes
   * when they decode and cairn stores its type and size; an image given by URL or as a file is a
   * reference to nothing but its type.
   */
  private ParsedMessage.Image image(JsonNode block) {
    JsonNode source = block.path("source");
    String mediaType = source.path("media_type").asText("image/unknown");
    if (!mediaType.matches("[a-z]{1,20}/[A-Za-z0-9.+-]{1,80}")) {
      mediaType = "image/unknown";
    }
    byte[] bytes = null;
    if (source.path("type").asText("").equals("base64") && source.path("data").isTextual()) {
      try {
        bytes = java.util.Base64.getMimeDecoder().decode(source.path("data").textValue());
      } catch (IllegalArgumentException e) {
        transcript.skipped++; // undecodable image data: the reference says what it claimed to be
      }
    }
    if (bytes == null) {
      return new ParsedMessage.Image(new dev.cairn.ledger.event.ImageRef(dev.cairn.ledger.event.BlobStored.sha256Of(new byte[0]), mediaType, 0), null);
    }
    boolean stored = dev.cairn.ledger.event.BlobStored.isStoredType(mediaType) && bytes.length <= dev.cairn.ledger.event.BlobStored.MAX_BYTES;
    return new ParsedMessage.Image(new dev.cairn.ledger.event.ImageRef(dev.cairn.ledger.event.BlobStored.sha256Of(bytes), mediaType, bytes.length),
        stored ? bytes : null);
  }

  private void firstAssistantText(String s) {
    if (transcript.firstAssistantText == null && s != null && !s.isBlank()) {
      transcript.firstAssistantText = Clean.title(s);
    }
  }

  private void result(JsonNode block, JsonNode toolUseResult) {
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
        String s;
        if (part.path("type").asText("").equals("image")) {
          ParsedMessage.Image image = image(part);
          if (call.message != null) {
            call.message.images.add(image);
          }
          s = image.ref().label();
        } else {
          s = part.isTextual() ? part.textValue() : part.path("type").asText("").equals("text") ? text(part.get("text")) : "[" + part.path("type").asText("?") + "]";
        }
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
    String description = taskDescriptions.get(id);
    if (description != null) {
      // which sub-agent ran it: the record's toolUseResult.agentId, else the "agentId: ..." line of the result text
      String agentId = toolUseResult != null && toolUseResult.path("agentId").isTextual() ? toolUseResult.path("agentId").textValue() : null;
      if (agentId == null) {
        java.util.regex.Matcher m = AGENT_ID.matcher(output);
        agentId = m.find() ? m.group(1) : null;
      }
      if (agentId != null) {
        transcript.subAgentTitles.put(agentId, Clean.title(description));
      }
    }
  }

  private void malformed(String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, offset, reason));
  }



  private static String describe(JsonNode n) {
    if (n == null) {
      return "none";
    }
    String s = n.toString();
    return n.getNodeType().name().toLowerCase() + " " + (s.length() > 30 ? s.substring(0, 27) + "..." : s);
  }
}
