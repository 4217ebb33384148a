package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.json.JsonInput;
import java.util.Iterator;
import java.util.Map;

/**
 * Fields a reader did not recognise, kept so that they are re-emitted untouched (forward
 * compatibility: a newer cairn may add fields, and an older one must pass them on unchanged).
 *
 * <p>Immutable: the tree is copied in and never handed out for mutation.
 */
public final class UnknownFields {
  public static final UnknownFields NONE = new UnknownFields(JsonInput.nodes().objectNode());

  private final ObjectNode fields;

  private UnknownFields(ObjectNode fields) {
    this.fields = fields;
  }

  public static UnknownFields of(ObjectNode fields) {
    return fields.isEmpty() ? NONE : new UnknownFields(fields.deepCopy());
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Copies every unknown field into {@code out}; a known field of the same name is never overwritten. */
  void copyInto(ObjectNode out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  public JsonNode get(String name) {
    return fields.get(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownFields other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
