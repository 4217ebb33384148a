package dev.cairn.cli.imports.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.ledger.json.JsonInput;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the agents' JSON Lines files: splits the complete lines, parses each leniently (agents'
 * files are not canonical), hands every JSON object to the parser with its line number and byte
 * offset, and records every other line as malformed in the transcript with what was found. Also
 * the small readers every parser needs. Stateless; thread-safe.
 */
final class JsonLines {
  /** Reads what agents write: not canonical, larger than an event may be (cut later), duplicate keys tolerated. */
  static final ObjectMapper LENIENT = new ObjectMapper();

  static {
    LENIENT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxDocumentLength(JsonInput.MAX_DOCUMENT_BYTES * 4L).maxStringLength(JsonInput.MAX_DOCUMENT_BYTES * 4).build());
  }

  /** Told about each line that is a JSON object. */
  interface ObjectHandler {
    void accept(JsonNode object, long line, long offset);
  }

  private JsonLines() {}

  /** Every line of {@code data[0, length)}: objects to {@code handler}, anything else malformed in {@code transcript}. */
  static void each(byte[] data, int length, Transcript transcript, ObjectHandler handler) {
    long line = 0;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || data[i] == '\n') {
        if (i > start || i < length) {
          line++;
          one(data, start, i - start, line, transcript, handler);
        }
        start = i + 1;
      }
    }
  }

  private static void one(byte[] data, int offset, int len, long line, Transcript transcript, ObjectHandler handler) {
    if (len == 0 || (len == 1 && data[offset] == '\r')) {
      return;
    }
    JsonNode node;
    try {
      node = LENIENT.readTree(data, offset, len);
    } catch (JsonProcessingException e) {
      malformed(transcript, line, offset, "not valid JSON (" + e.getOriginalMessage() + ")");
      return;
    } catch (IOException e) {
      malformed(transcript, line, offset, "unreadable: " + e.getMessage());
      return;
    }
    if (node == null || !node.isObject()) {
      malformed(transcript, line, offset, "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
      return;
    }
    handler.accept(node, line, offset);
  }

  static void malformed(Transcript transcript, long line, long offset, String reason) {
    transcript.malformed.add(new Transcript.Malformed(line, offset, reason));
  }

  /** A string value, or null when absent or of another type. */
  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  /** An ISO-8601 instant, or null when absent or unreadable. */
  static Instant timestamp(JsonNode n) {
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
}
