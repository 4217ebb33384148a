package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.json.JsonInput;

/**
 * One tool call inside a message, joined with its result: {@code id}, {@code name}, {@code input}
 * (the call's arguments as JSON text, kept as a string so that canonical bytes never depend on
 * how someone else formatted numbers), {@code output} (the result text, absent if none arrived),
 * {@code is_error} (always written). Unknown fields are kept.
 */
public record ToolCall(String id, String name, String input, String output, boolean isError, UnknownFields unknown) {
  public ToolCall {
    if (!Text.isLabel(name, 200)) {
      throw new EventFormatException("tool_calls[].name", "a tool name of 1-200 characters", name);
    }
    unknown = unknown == null ? UnknownFields.NONE : unknown;
  }

  public ToolCall(String id, String name, String input, String output, boolean isError) {
    this(id, name, input, output, isError, UnknownFields.NONE);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonInput.nodes().objectNode();
    new Out(node).put("id", id).put("name", name).put("input", input).put("output", output).put("is_error", isError);
    unknown.copyInto(node);
    return node;
  }

  static ToolCall read(JsonNode node) {
    if (!node.isObject()) {
      throw new EventFormatException("tool_calls[]", "an object", node.toString());
    }
    Fields f = new Fields(((ObjectNode) node).deepCopy());
    return new ToolCall(f.optionalString("id"), f.string("name"), f.optionalString("input"),
        f.optionalString("output"), f.bool("is_error", false), f.rest());
  }
}
