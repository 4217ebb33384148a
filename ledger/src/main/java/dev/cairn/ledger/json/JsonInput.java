package dev.cairn.ledger.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Parses untrusted JSON into a tree that {@link CanonicalJson} can write back: strict (duplicate
 * keys rejected, no comments, no trailing tokens), bounded (document size, nesting depth, string
 * length), integers only (a number with a fraction or exponent is rejected, because canonical
 * bytes must not depend on float formatting) and valid Unicode (a lone surrogate is rejected).
 *
 * <p>Thread-safety: stateless apart from a shared, thread-safe {@link ObjectMapper}.
 */
public final class JsonInput {
  /** The largest event, in bytes, that cairn accepts. */
  public static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxDocumentLength(MAX_DOCUMENT_BYTES)
        .maxStringLength(MAX_DOCUMENT_BYTES)
        .maxNumberLength(40)
        .build());
  }

  private JsonInput() {}

  /** Parses {@code bytes} as one JSON object. */
  public static ObjectNode parseObject(byte[] bytes, int offset, int length) {
    if (length > MAX_DOCUMENT_BYTES) {
      throw new EventFormatException("event", "at most " + MAX_DOCUMENT_BYTES + " bytes", length + " bytes");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      throw new EventFormatException("event", "valid JSON", e.getOriginalMessage());
    } catch (IOException e) {
      throw new EventFormatException("event", "valid JSON", e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new EventFormatException("event", "a JSON object", "an empty line");
    }
    if (!node.isObject()) {
      throw new EventFormatException("event", "a JSON object", node.getNodeType().name().toLowerCase());
    }
    check(node, "event");
    return (ObjectNode) node;
  }

  public static ObjectNode parseObject(byte[] bytes) {
    return parseObject(bytes, 0, bytes.length);
  }

  private static void check(JsonNode node, String path) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          checkText(e.getKey(), path);
          check(e.getValue(), e.getKey());
        }
      }
      case ARRAY -> {
        for (JsonNode item : node) {
          check(item, path);
        }
      }
      case STRING -> checkText(node.textValue(), path);
      case NUMBER -> {
        if (!node.isIntegralNumber()) {
          throw new EventFormatException(path, "an integer (cairn stores no floating-point numbers)", node.asText());
        }
      }
      default -> { }
    }
  }

  private static void checkText(String s, String path) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new EventFormatException(path, "valid Unicode text", "a lone surrogate \\u" + Integer.toHexString(c));
      }
    }
  }

  /** The shared factory for building trees that will be written canonically. */
  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }
}
