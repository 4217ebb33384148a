package dev.cairn.cli.imports;

import dev.cairn.ledger.json.ByteSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code \n}-separated lines as bytes (a trailing {@code \r} is dropped), refusing a line
 * longer than a limit instead of growing without bound. Not thread-safe.
 */
final class LineReader {
  private final InputStream in;
  private final int maxBytes;
  private final ByteSink line = new ByteSink(1024);
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int end;
  private long number;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its terminator, or null at the end of input. */
  byte[] next() throws IOException {
    line.reset();
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buf);
        pos = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          number++;
          return trimmed();
        }
      }
      any = true;
      byte b = buf[pos++];
      if (b == '\n') {
        number++;
        return trimmed();
      }
      if (line.size() >= maxBytes) {
        throw new LineTooLongException(number + 1, maxBytes);
      }
      line.write(b);
    }
  }

  private byte[] trimmed() {
    byte[] bytes = line.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  static final class LineTooLongException extends IOException {
    final long line;

    LineTooLongException(long line, int max) {
      super("line is longer than " + max + " bytes");
      this.line = line;
    }
  }
}
