package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import java.nio.charset.StandardCharsets;

/**
 * The envelope of an event line — origin, seq, HLC — read straight from its bytes without
 * decoding the rest (sealing and scanning touch every ledger entry and need only these). It walks
 * the top-level members of the JSON object, skipping every other value (strings with escapes,
 * nested objects and arrays, numbers, literals) by structure alone, and stops once it has all
 * three: in canonical (sorted) order they come before the large fields. Meant for lines the ledger
 * stored (canonical, already validated); anything unexpected is an {@link EventFormatException}.
 *
 * <p>Immutable; the scanner is stateless.
 */
public record Envelope(Origin origin, Seq seq, Hlc hlc) {
  public static Envelope scan(byte[] b) {
    return scan(b, b.length);
  }

  /** Scans the first {@code length} bytes of {@code b} (a window may hold only the start of a line). */
  public static Envelope scan(byte[] bytes, int length) {
    byte[] b = bytes;
    int n = length;
    int i = skipSpace(b, 0, n);
    expect(b, i, '{', n);
    i++;
    String origin = null;
    long seq = -1;
    String hlc = null;
    while (true) {
      i = skipSpace(b, i, n);
      if (b[i] == '}') {
        break;
      }
      int keyStart = i + 1;
      int keyEnd = stringEnd(b, i, n);
      i = skipSpace(b, keyEnd + 1, n);
      expect(b, i, ':', n);
      i = skipSpace(b, i + 1, n);
      int len = keyEnd - keyStart;
      if (len == 6 && is(b, keyStart, "origin")) {
        int end = stringEnd(b, i, n);
        origin = new String(b, i + 1, end - i - 1, StandardCharsets.UTF_8);
        i = end + 1;
      } else if (len == 3 && is(b, keyStart, "hlc")) {
        int end = stringEnd(b, i, n);
        hlc = new String(b, i + 1, end - i - 1, StandardCharsets.US_ASCII);
        i = end + 1;
      } else if (len == 3 && is(b, keyStart, "seq")) {
        long v = 0;
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
          v = v * 10 + (b[i++] - '0');
        }
        if (i == start) {
          throw new EventFormatException("seq", "a positive integer", "something else");
        }
        seq = v;
      } else {
        i = skipValue(b, i, n);
      }
      if (origin != null && seq > 0 && hlc != null) {
        break; // canonical keys are sorted: the big fields (text, tool_calls, ...) come after "seq"
      }
      i = skipSpace(b, i, n);
      if (b[i] == ',') {
        i++;
      } else {
        expect(b, i, '}', n);
        break;
      }
    }
    if (origin == null || seq < 1 || hlc == null) {
      throw new EventFormatException("event", "origin, seq and hlc", "a line without them");
    }
    return new Envelope(Origin.parse(origin), new Seq(seq), Hlc.parse(hlc));
  }

  private static boolean is(byte[] b, int at, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      if (b[at + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the closing quote of the string starting at {@code i} (which must be a quote). */
  private static int stringEnd(byte[] b, int i, int n) {
    expect(b, i, '"', n);
    for (int k = i + 1; k < n; k++) {
      if (b[k] == '\\') {
        k++;
      } else if (b[k] == '"') {
        return k;
      }
    }
    throw new EventFormatException("event", "a closed string", "a cut line");
  }

  private static int skipValue(byte[] b, int i, int n) {
    byte c = b[i];
    if (c == '"') {
      return stringEnd(b, i, n) + 1;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int k = i; k < n; k++) {
        byte x = b[k];
        if (x == '"') {
          k = stringEnd(b, k, n);
        } else if (x == '{' || x == '[') {
          depth++;
        } else if (x == '}' || x == ']') {
          if (--depth == 0) {
            return k + 1;
          }
        }
      }
      throw new EventFormatException("event", "a closed object or array", "a cut line");
    }
    int k = i;
    while (k < n && b[k] != ',' && b[k] != '}' && b[k] != ' ') {
      k++;
    }
    return k;
  }

  private static int skipSpace(byte[] b, int i, int n) {
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i++;
    }
    if (i >= n) {
      throw new EventFormatException("event", "a complete JSON object", "a cut line");
    }
    return i;
  }

  private static void expect(byte[] b, int i, char c, int n) {
    if (i >= n || b[i] != c) {
      throw new EventFormatException("event", "'" + c + "'", i >= n ? "the end" : "'" + (char) b[i] + "'");
    }
  }
}
