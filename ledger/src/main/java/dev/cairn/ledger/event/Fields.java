package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import java.time.Instant;

/**
 * Reads typed fields out of a JSON object, removing each one it reads, so that what is left at
 * the end is exactly the unknown fields (kept and re-emitted by the codec). Every accessor throws
 * {@link EventFormatException} naming the field, the expected shape and what was found. A field
 * whose value is JSON {@code null} counts as absent.
 *
 * <p>Not thread-safe; one instance per object being decoded.
 */
public final class Fields {
  private final ObjectNode node;

  public Fields(ObjectNode node) {
    this.node = node;
  }

  private JsonNode take(String name) {
    JsonNode v = node.remove(name);
    return v == null || v.isNull() ? null : v;
  }

  public String string(String name) {
    String s = optionalString(name);
    if (s == null) {
      throw new EventFormatException(name, "a string", null);
    }
    return s;
  }

  public String optionalString(String name) {
    JsonNode v = take(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new EventFormatException(name, "a string", v.toString());
    }
    return v.textValue();
  }

  /** A non-empty string of at most {@code max} characters without control characters. */
  public String label(String name, int max) {
    String s = string(name);
    if (!Text.isLabel(s, max)) {
      throw new EventFormatException(name, "1-" + max + " characters without control characters", s);
    }
    return s;
  }

  public long integer(String name) {
    JsonNode v = take(name);
    if (v == null) {
      throw new EventFormatException(name, "an integer", null);
    }
    return integerValue(name, v);
  }

  public Long optionalInteger(String name) {
    JsonNode v = take(name);
    return v == null ? null : integerValue(name, v);
  }

  static long integerValue(String name, JsonNode v) {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new EventFormatException(name, "a 64-bit integer", v.toString());
    }
    return v.longValue();
  }

  public long nonNegative(String name) {
    long v = integer(name);
    if (v < 0) {
      throw new EventFormatException(name, "a non-negative integer", Long.toString(v));
    }
    return v;
  }

  public boolean bool(String name, boolean absent) {
    JsonNode v = take(name);
    if (v == null) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw new EventFormatException(name, "true or false", v.toString());
    }
    return v.booleanValue();
  }

  public SessionId session(String name) {
    return SessionId.parse(string(name));
  }

  public SessionId optionalSession(String name) {
    String s = optionalString(name);
    return s == null ? null : SessionId.parse(s);
  }

  public EventId optionalEventId(String name) {
    String s = optionalString(name);
    return s == null ? null : EventId.parse(s);
  }

  public Instant instant(String name) {
    Instant t = optionalInstant(name);
    if (t == null) {
      throw new EventFormatException(name, "a UTC time like 2026-11-21T19:46:32Z", null);
    }
    return t;
  }

  public Instant optionalInstant(String name) {
    String s = optionalString(name);
    return s == null ? null : Times.parse(name, s);
  }

  public JsonNode optionalNode(String name) {
    return take(name);
  }

  /** Whether the field is present (and not null), without consuming it. */
  public boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  /** The fields not read so far. */
  public UnknownFields rest() {
    return UnknownFields.of(node);
  }
}
