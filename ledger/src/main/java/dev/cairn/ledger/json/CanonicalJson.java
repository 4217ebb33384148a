package dev.cairn.ledger.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Writes a JSON tree in cairn's canonical form, the only form cairn stores, hashes or signs.
 *
 * <p>The form: UTF-8; objects with keys sorted by UTF-16 code units (as RFC 8785); no whitespace;
 * numbers are integers in plain decimal ({@code -} sign, no leading zeros, no exponent); strings
 * escape {@code "} and {@code \} with a backslash, U+0008, U+0009, U+000A, U+000C, U+000D as
 * {@code \b \t \n \f \r}, other code points below U+0020 as {@code \}{@code u00xx} (lower-case hex),
 * and write every other code point as its raw UTF-8 bytes ({@code /} and non-ASCII are not escaped).
 * Floating-point numbers are not representable and are rejected earlier, by {@link JsonInput}.
 *
 * <p>The same tree always gives the same bytes, on every JDK, because nothing here depends on
 * Jackson's serializer settings or on a platform charset.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class CanonicalJson {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private CanonicalJson() {}

  /** The canonical bytes of {@code node}, without a trailing newline. */
  public static byte[] encode(JsonNode node) {
    ByteSink out = new ByteSink(256);
    write(node, out);
    return out.toByteArray();
  }

  /** Appends the canonical bytes of {@code node} to {@code out}. */
  public static void write(JsonNode node, ByteSink out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> {
        out.write('[');
        boolean first = true;
        for (JsonNode item : node) {
          if (!first) {
            out.write(',');
          }
          first = false;
          write(item, out);
        }
        out.write(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> {
        if (!node.canConvertToExactIntegral() || !node.isIntegralNumber()) {
          throw new IllegalArgumentException("canonical JSON holds integers only, found " + node);
        }
        out.writeAscii(node.bigIntegerValue().toString());
      }
      case BOOLEAN -> out.writeAscii(node.booleanValue() ? "true" : "false");
      case NULL -> out.writeAscii("null");
      default -> throw new IllegalArgumentException("not representable in canonical JSON: " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, ByteSink out) {
    String[] keys = new String[node.size()];
    int n = 0;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys[n++] = it.next();
    }
    Arrays.sort(keys);
    out.write('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.write(',');
      }
      writeString(keys[i], out);
      out.write(':');
      write(node.get(keys[i]), out);
    }
    out.write('}');
  }

  /**
   * Writes {@code s} as a canonical JSON string literal. Room for the common case (every char
   * 3 bytes at most) is made once and bytes go straight into the sink's array; an escape makes room
   * for itself.
   */
  public static void writeString(String s, ByteSink out) {
    int len = s.length();
    if (len >= 32) {
      // the JDK's UTF-8 encoder is vectorised; it turns a lone surrogate into '?', so the '?' counts
      // on both sides must agree, else the char loop below runs and refuses the string
      int start = out.size();
      byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (writeUtf8Counting(utf8, out) == count(s, '?')) {
        return;
      }
      out.size(start);
    }
    out.ensure(len * 3L + 2);
    byte[] b = out.array();
    int n = out.size();
    b[n++] = '"';
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[n++] = (byte) c;
          continue;
        }
        out.size(n); // an escape takes up to 6 bytes: make room, then go on in the (maybe new) array
        out.ensure(6 + (len - i) * 3L);
        if (c < 0x20) {
          writeControl(c, out);
        } else {
          out.write('\\');
          out.write(c);
        }
        b = out.array();
        n = out.size();
      } else if (c < 0x800) {
        b[n++] = (byte) (0xc0 | (c >> 6));
        b[n++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[n++] = (byte) (0xf0 | (cp >> 18));
        b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[n++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        out.size(n);
        throw new IllegalArgumentException("lone surrogate in string; JsonInput rejects these on input");
      } else {
        b[n++] = (byte) (0xe0 | (c >> 12));
        b[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[n++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    b[n++] = '"';
    out.size(n);
  }

  /**
   * Writes the string whose UTF-8 bytes are {@code utf8} as a canonical JSON string literal: the
   * same bytes as {@link #writeString} of the decoded string (valid UTF-8 assumed), without decoding
   * it: runs of bytes that need no escape are copied whole.
   */
  public static void writeUtf8String(byte[] utf8, ByteSink out) {
    writeUtf8Counting(utf8, out);
  }

  /** As {@link #writeUtf8String}; returns how many '?' bytes the string held. Writes straight into the sink's array. */
  private static int writeUtf8Counting(byte[] utf8, ByteSink out) {
    out.ensure(utf8.length + 2L);
    byte[] b = out.array();
    int n = out.size();
    b[n++] = '"';
    int run = 0;
    int questions = 0;
    for (int i = 0; i < utf8.length; i++) {
      int c = utf8[i];
      if (c >= 0x20 && c != '"' && c != '\\' || c < 0) {
        if (c == '?') {
          questions++;
        }
        continue; // ASCII that stays, or a byte of a multi-byte sequence (written raw)
      }
      int len = i - run;
      System.arraycopy(utf8, run, b, n, len);
      n += len;
      out.size(n);
      out.ensure(6 + (utf8.length - i) + 1L); // the escape, and the rest as it is, and the closing quote
      b = out.array();
      b[n++] = '\\';
      switch (c) {
        case '"', '\\' -> b[n++] = (byte) c;
        case '\b' -> b[n++] = 'b';
        case '\t' -> b[n++] = 't';
        case '\n' -> b[n++] = 'n';
        case '\f' -> b[n++] = 'f';
        case '\r' -> b[n++] = 'r';
        default -> {
          b[n++] = 'u';
          b[n++] = '0';
          b[n++] = '0';
          b[n++] = HEX[c >> 4];
          b[n++] = HEX[c & 0xf];
        }
      }
      run = i + 1;
    }
    int len = utf8.length - run;
    System.arraycopy(utf8, run, b, n, len);
    n += len;
    b[n++] = '"';
    out.size(n);
    return questions;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  private static void writeControl(char c, ByteSink out) {
    out.write('\\');
    switch (c) {
      case '\b' -> out.write('b');
      case '\t' -> out.write('t');
      case '\n' -> out.write('n');
      case '\f' -> out.write('f');
      case '\r' -> out.write('r');
      default -> {
        out.write('u');
        out.write('0');
        out.write('0');
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xf]);
      }
    }
  }
}
