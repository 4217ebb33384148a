package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.json.JsonInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code message.appended}: one message of a session at position {@code ordinal} (0-based).
 * Idempotent on {@code (session, ordinal)}: if two events carry the same position, the one with
 * the greater order key is the message.
 *
 * <p>Required: {@code session}, {@code ordinal}, {@code role}, {@code text} (may be empty).
 * Optional: {@code at}, {@code model}, {@code thinking}, {@code tool_calls} (omitted when empty),
 * {@code usage} (omitted when empty), {@code images} (references to the images the message held,
 * {@link ImageRef}; omitted when empty, so a message without images has the bytes it always had).
 */
public record MessageAppended(
    SessionId session,
    long ordinal,
    String role,
    String text,
    String thinking,
    Instant at,
    String model,
    List<ToolCall> toolCalls,
    Usage usage,
    List<ImageRef> images) implements EventBody {
  public static final String TYPE = "message.appended";

  /** A message without images. */
  public MessageAppended(SessionId session, long ordinal, String role, String text, String thinking, Instant at, String model,
      List<ToolCall> toolCalls, Usage usage) {
    this(session, ordinal, role, text, thinking, at, model, toolCalls, usage, List.of());
  }

  public MessageAppended {
    Objects.requireNonNull(session, "session");
    if (ordinal < 0) {
      throw new EventFormatException("ordinal", "a non-negative integer", Long.toString(ordinal));
    }
    if (!Text.isLabel(role, 32)) {
      throw new EventFormatException("role", "a role such as user or assistant", role);
    }
    Objects.requireNonNull(text, "text");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    usage = usage == null ? Usage.NONE : usage;
    images = images == null ? List.of() : List.copyOf(images);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void writeTo(Out out) {
    out.put("session", session)
        .put("ordinal", ordinal)
        .put("role", role)
        .put("text", text)
        .put("thinking", thinking)
        .put("at", at)
        .put("model", model);
    if (!toolCalls.isEmpty()) {
      ArrayNode calls = JsonInput.nodes().arrayNode(toolCalls.size());
      toolCalls.forEach(c -> calls.add(c.toJson()));
      out.put("tool_calls", calls);
    }
    if (!usage.isEmpty()) {
      out.put("usage", usage.toJson());
    }
    if (!images.isEmpty()) {
      ArrayNode refs = JsonInput.nodes().arrayNode(images.size());
      images.forEach(i -> refs.add(i.toJson()));
      out.put("images", refs);
    }
  }

  static MessageAppended read(Fields f) {
    SessionId session = f.session("session");
    long ordinal = f.nonNegative("ordinal");
    String role = f.string("role");
    String text = f.string("text");
    String thinking = f.optionalString("thinking");
    Instant at = f.optionalInstant("at");
    String model = f.optionalString("model");
    JsonNode calls = f.optionalNode("tool_calls");
    List<ToolCall> toolCalls = new ArrayList<>();
    if (calls != null) {
      if (!calls.isArray()) {
        throw new EventFormatException("tool_calls", "an array of tool calls", calls.toString());
      }
      calls.forEach(c -> toolCalls.add(ToolCall.read(c)));
    }
    Usage usage = Usage.read(f.optionalNode("usage"));
    JsonNode refs = f.optionalNode("images");
    List<ImageRef> images = new ArrayList<>();
    if (refs != null) {
      if (!refs.isArray()) {
        throw new EventFormatException("images", "an array of image references", refs.toString());
      }
      refs.forEach(r -> images.add(ImageRef.read(r)));
    }
    return new MessageAppended(session, ordinal, role, text, thinking, at, model, toolCalls, usage, images);
  }
}
