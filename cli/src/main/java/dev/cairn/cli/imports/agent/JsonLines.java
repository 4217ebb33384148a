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
    each(data, length, transcript, handler, java.util.Set.of());
  }

  /**
   * As {@link #each(byte[], int, Transcript, ObjectHandler)}, counting a complete record whose
   * top-level {@code "type"} is in {@code skipTypes} as skipped without parsing it (agents' noise
   * records, a third of a Claude transcript's bytes, never become a tree).
   */
  static void each(byte[] data, int length, Transcript transcript, ObjectHandler handler, java.util.Set<String> skipTypes) {
    long line = 0;
    int start = 0;
    while (start <= length) {
      int i = newline(data, start, length);
      if (i > start || i < length) {
        line++;
        String type = skipTypes.isEmpty() ? null : type(data, start, i);
        if (type != null && skipTypes.contains(type)) {
          transcript.skipped++;
        } else {
          one(data, start, i - start, line, transcript, handler);
        }
      }
      start = i + 1;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = ONES * '\n';
  private static final long HIGHS = 0x8080808080808080L;

  /** The index of the first '\n' in {@code data[from, to)}, or {@code to}: eight bytes at a time (a zero byte of x ^ newlines is a newline). */
  static int newline(byte[] data, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(data, i) ^ NEWLINES;
      long zero = (x - ONES) & ~x & HIGHS;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /**
   * The top-level {@code "type"} string of the record in {@code data[from, to)}, read from its bytes
   * without parsing the rest; null when the line is not a complete-looking object or the member is
   * not found before anything unexpected (such a line is parsed as usual and reported if malformed).
   */
  static String type(byte[] data, int from, int to) {
    int end = to;
    while (end > from && (data[end - 1] == '\r' || data[end - 1] == ' ' || data[end - 1] == '\t')) {
      end--;
    }
    if (end - from < 2 || data[end - 1] != '}') {
      return null;
    }
    try {
      int i = space(data, from, end);
      if (data[i] != '{') {
        return null;
      }
      i++;
      while (true) {
        i = space(data, i, end);
        if (data[i] != '"') {
          return null;
        }
        int keyEnd = dev.cairn.ledger.json.JsonFields.skipString(data, i);
        boolean isType = keyEnd - i == 6 && data[i + 1] == 't' && data[i + 2] == 'y' && data[i + 3] == 'p' && data[i + 4] == 'e';
        i = space(data, keyEnd, end);
        if (data[i] != ':') {
          return null;
        }
        i = space(data, i + 1, end);
        int valueEnd = dev.cairn.ledger.json.JsonFields.skipValue(data, i, end);
        if (isType) {
          if (data[i] != '"' || valueEnd > end) {
            return null;
          }
          for (int k = i + 1; k < valueEnd - 1; k++) {
            if (data[k] == '\\') {
              return null; // an escaped type name: let the parser read it
            }
          }
          return new String(data, i + 1, valueEnd - i - 2, java.nio.charset.StandardCharsets.UTF_8);
        }
        i = space(data, valueEnd, end);
        if (data[i] != ',') {
          return null;
        }
        i++;
      }
    } catch (RuntimeException e) {
      return null; // not what it looked like: the parser decides
    }
  }

  private static int space(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    if (i >= end) {
      throw new IllegalArgumentException("end of line");
    }
    return i;
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
