package dev.cairn.cli.output;

/**
 * Text from transcripts made safe to print on a terminal: a transcript must not be able to drive the
 * user's terminal (set its title, clear it, move the cursor, hide text, write to the clipboard), nor
 * reorder what is shown with bidirectional overrides. Control characters other than newline and tab
 * (C0, DEL, C1, so every escape sequence's introducer) and the bidi embedding, override and isolate
 * characters are shown as {@code \\x1b} / {@code \\u202e} escapes. {@code --json} output is
 * never passed through this: it keeps the exact text (JSON escapes the controls itself). Stateless.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code s} with what could drive a terminal shown as escapes; null stays null. */
  public static String safe(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unsafe = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069);
      if (unsafe && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** A writer that passes everything written to {@code target} through {@link #safe(String)} (human-readable output only). */
  public static java.io.PrintWriter writer(java.io.PrintWriter target) {
    return new java.io.PrintWriter(new java.io.Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        target.write(safe(new String(buf, off, len)));
      }

      @Override
      public void flush() {
        target.flush();
      }

      @Override
      public void close() {
        target.flush(); // the target belongs to the caller
      }
    }, true);
  }

}
