package dev.cairn.ledger.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the members of one JSON object in UTF-8 bytes the ledger stored (canonical, validated when
 * appended: {@link CanonicalJson}), without building a tree or any String: each {@link #next()}
 * leaves the member's key and value as byte ranges of the line. Values are skipped by structure
 * alone (strings with escapes, nested objects and arrays, numbers, literals). String values can be
 * had as their UTF-8 content with escapes resolved ({@link #stringBytes}), which for canonical
 * input is a copy with a few bytes replaced, never a decode to UTF-16 and back.
 *
 * <p>Meant for bytes that were verified before (the replay path); malformed input gives an {@link
 * IllegalArgumentException} (or an index out of range), never a wrong range silently.
 *
 * <p>Not thread-safe: one walker per line, used by one thread.
 */
public final class JsonFields {
  private final byte[] b;
  private final int end;
  private int pos;
  private int keyStart;
  private int keyEnd;
  private int valueStart;
  private int valueEnd;

  /** A walker over the object that starts at {@code from} (its '{') and ends before {@code end}. */
  public JsonFields(byte[] bytes, int from, int end) {
    this.b = bytes;
    this.end = end;
    if (from >= end || bytes[from] != '{') {
      throw new IllegalArgumentException("expected a JSON object at byte " + from);
    }
    this.pos = from + 1;
  }

  public JsonFields(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** Moves to the next member; false after the last. */
  public boolean next() {
    if (pos >= end || b[pos] == '}') {
      return false;
    }
    if (b[pos] == ',') {
      pos++;
    }
    if (b[pos] != '"') {
      throw new IllegalArgumentException("expected a member name at byte " + pos);
    }
    keyStart = pos + 1;
    pos = skipString(b, pos);
    keyEnd = pos - 1;
    if (b[pos] != ':') {
      throw new IllegalArgumentException("expected ':' at byte " + pos);
    }
    valueStart = pos + 1;
    pos = skipValue(b, valueStart, end);
    valueEnd = pos;
    return true;
  }

  /** Whether the current member's name is {@code key} (ASCII). */
  public boolean keyIs(byte[] key) {
    return Arrays.equals(b, keyStart, keyEnd, key, 0, key.length);
  }

  /** The current member's name (member names in the ledger are short ASCII; escapes are not resolved). */
  public String key() {
    return new String(b, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
  }

  public int valueStart() {
    return valueStart;
  }

  public int valueEnd() {
    return valueEnd;
  }

  /** The current value's bytes as they stand in the line (for an object or array: its canonical JSON). */
  public byte[] rawValue() {
    return Arrays.copyOfRange(b, valueStart, valueEnd);
  }

  /** Whether the current value is JSON {@code null}. */
  public boolean isNull() {
    return b[valueStart] == 'n';
  }

  /** The current value, a string, as its UTF-8 content (escapes resolved). */
  public byte[] stringBytes() {
    return unescape(b, valueStart, valueEnd);
  }

  /** The current value, a string, decoded. */
  public String string() {
    return new String(stringBytes(), StandardCharsets.UTF_8);
  }

  /** The current value, an integer. */
  public long longValue() {
    return parseLong(b, valueStart, valueEnd);
  }

  /** Index just after the string whose opening quote is at {@code i}. */
  public static int skipString(byte[] b, int i) {
    int k = i + 1;
    while (true) {
      byte c = b[k];
      if (c == '"') {
        return k + 1;
      }
      k += c == '\\' ? 2 : 1;
    }
  }

  /** Index just after the value that starts at {@code i}. */
  public static int skipValue(byte[] b, int i, int end) {
    byte first = b[i];
    if (first == '"') {
      return skipString(b, i);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      int k = i;
      while (k < end) {
        byte c = b[k];
        if (c == '"') {
          k = skipString(b, k);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            return k + 1;
          }
        }
        k++;
      }
      throw new IllegalArgumentException("unterminated " + (char) first + " at byte " + i);
    }
    int k = i;
    while (k < end && b[k] != ',' && b[k] != '}' && b[k] != ']') {
      k++;
    }
    if (k == i) {
      throw new IllegalArgumentException("expected a value at byte " + i);
    }
    return k;
  }

  static long parseLong(byte[] b, int from, int to) {
    int i = from;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    if (i == to) {
      throw new IllegalArgumentException("expected an integer at byte " + from);
    }
    long v = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new IllegalArgumentException("expected an integer at byte " + from);
      }
      v = Math.multiplyExact(v, 10) + d;
    }
    return negative ? -v : v;
  }

  /**
   * The UTF-8 content of the string literal in {@code b[from, to)} (quotes included), escapes
   * resolved: runs without a backslash are copied as they are.
   */
  public static byte[] unescape(byte[] b, int from, int to) {
    if (b[from] != '"' || b[to - 1] != '"' || to - from < 2) {
      throw new IllegalArgumentException("expected a string at byte " + from);
    }
    int start = from + 1;
    int stop = to - 1;
    int firstEscape = -1;
    for (int k = start; k < stop; k++) {
      if (b[k] == '\\') {
        firstEscape = k;
        break;
      }
    }
    if (firstEscape < 0) {
      return Arrays.copyOfRange(b, start, stop);
    }
    byte[] out = new byte[stop - start];
    int n = firstEscape - start;
    System.arraycopy(b, start, out, 0, n);
    int k = firstEscape;
    while (k < stop) {
      byte c = b[k];
      if (c != '\\') {
        out[n++] = c;
        k++;
        continue;
      }
      byte e = b[k + 1];
      k += 2;
      switch (e) {
        case '"', '\\', '/' -> out[n++] = e;
        case 'b' -> out[n++] = '\b';
        case 't' -> out[n++] = '\t';
        case 'n' -> out[n++] = '\n';
        case 'f' -> out[n++] = '\f';
        case 'r' -> out[n++] = '\r';
        case 'u' -> {
          int cp = hex4(b, k);
          k += 4;
          if (Character.isHighSurrogate((char) cp) && k + 6 <= stop && b[k] == '\\' && b[k + 1] == 'u') {
            int low = hex4(b, k + 2);
            if (Character.isLowSurrogate((char) low)) {
              cp = Character.toCodePoint((char) cp, (char) low);
              k += 6;
            }
          }
          n = putUtf8(out, n, cp);
        }
        default -> throw new IllegalArgumentException("bad escape \\" + (char) e + " at byte " + (k - 2));
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static int hex4(byte[] b, int at) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(b[at + i], 16);
      if (d < 0) {
        throw new IllegalArgumentException("bad \\u escape at byte " + at);
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** Writes code point {@code cp} as UTF-8 (a \\u escape is 6 bytes, its UTF-8 at most 4, so it fits). */
  private static int putUtf8(byte[] out, int n, int cp) {
    if (cp < 0x80) {
      out[n++] = (byte) cp;
    } else if (cp < 0x800) {
      out[n++] = (byte) (0xc0 | cp >> 6);
      out[n++] = (byte) (0x80 | cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = (byte) (0xe0 | cp >> 12);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
      out[n++] = (byte) (0x80 | cp & 0x3f);
    } else {
      out[n++] = (byte) (0xf0 | cp >> 18);
      out[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
      out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
      out[n++] = (byte) (0x80 | cp & 0x3f);
    }
    return n;
  }
}
