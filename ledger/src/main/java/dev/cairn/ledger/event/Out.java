package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.time.Instant;

/** Writes typed fields into a JSON object; absent (null) values are omitted. Not thread-safe. */
public final class Out {
  private final ObjectNode node;

  public Out(ObjectNode node) {
    this.node = node;
  }

  public Out put(String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
    return this;
  }

  public Out put(String name, long value) {
    node.put(name, value);
    return this;
  }

  public Out put(String name, boolean value) {
    node.put(name, value);
    return this;
  }

  public Out put(String name, SessionId value) {
    return put(name, value == null ? null : value.toString());
  }

  public Out put(String name, EventId value) {
    return put(name, value == null ? null : value.toString());
  }

  public Out put(String name, Instant value) {
    return put(name, value == null ? null : Times.format(value));
  }

  public Out put(String name, JsonNode value) {
    if (value != null) {
      node.set(name, value);
    }
    return this;
  }

  public ObjectNode node() {
    return node;
  }
}
