package dev.cairn.cli.imports.agent;

import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation message being assembled from transcript lines: assistant lines sharing a
 * {@code message.id} merge into one; tool calls are completed by later {@code tool_result}
 * blocks. Mutable while parsing; not thread-safe.
 */
final class ParsedMessage {
  final String role;
  final String messageId;
  final Instant at;
  final StringBuilder text = new StringBuilder();
  final StringBuilder thinking = new StringBuilder();
  final Map<String, Call> calls = new LinkedHashMap<>();
  String model;
  TreeMap<String, Long> usage = new TreeMap<>();
  /**
   * The text, thinking and tool calls with secrets redacted, when the reading thread did it ahead
   * ({@code TranscriptImport}); null when the import redacts them itself.
   */
  Redacted redacted;

  /** What a message holds once its secrets are replaced. */
  record Redacted(String text, String thinking, List<dev.cairn.ledger.event.ToolCall> calls) {}

  /** Images the message held (in its text or in a tool result of one of its calls). */
  final List<Image> images = new ArrayList<>();

  /** An image block: its reference, and its bytes when cairn stores them (a known raster type, small enough). */
  record Image(dev.cairn.ledger.event.ImageRef ref, byte[] bytes) {}

  /** A tool call and, once it arrives, its result. */
  static final class Call {
    /** The message that made the call (a result's images belong to it). */
    ParsedMessage message;
    final String id;
    final String name;
    final String input;
    String output;
    boolean isError;

    Call(String id, String name, String input) {
      this.id = id;
      this.name = name;
      this.input = input;
    }
  }

  ParsedMessage(String role, String messageId, Instant at) {
    this.role = role;
    this.messageId = messageId;
    this.at = at;
  }

  void appendText(String s) {
    append(text, s);
  }

  void appendThinking(String s) {
    append(thinking, s);
  }

  private static void append(StringBuilder sb, String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append("\n\n");
    }
    sb.append(s);
  }

  List<ToolCall> toolCalls() {
    List<ToolCall> out = new ArrayList<>();
    for (Call c : calls.values()) {
      out.add(new ToolCall(c.id, c.name, c.input, c.output, c.isError));
    }
    return out;
  }

  Usage usageValue() {
    return new Usage(usage);
  }
}
