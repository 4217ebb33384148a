package dev.cairn.cli.imports.agent;

/**
 * Makes transcript text safe for events: lone surrogates (from a cut emoji) become U+FFFD, and
 * text beyond a limit is cut with a marker saying how much was dropped (events are at most 8 MiB).
 * Stateless.
 */
final class Clean {
  static final int TITLE_MAX = 200;

  private Clean() {}

  static String text(String s, int maxChars) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (!pair && Character.isSurrogate(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
        sb.append('\uFFFD');
        continue;
      }
      if (sb != null) {
        sb.append(c);
        if (pair) {
          sb.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    String out = sb == null ? s : sb.toString();
    if (out.length() > maxChars) {
      int cut = maxChars;
      if (Character.isHighSurrogate(out.charAt(cut - 1))) {
        cut--;
      }
      return out.substring(0, cut) + "\n[... " + (out.length() - cut) + " more characters not imported]";
    }
    return out;
  }

  private static final java.util.regex.Pattern ANSI =
      java.util.regex.Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-_]");

  /** {@code s} without terminal escape sequences (colours, cursor moves, titles): what a terminal would have shown. */
  static String withoutAnsi(String s) {
    return s == null || s.indexOf('\u001B') < 0 ? s : ANSI.matcher(s).replaceAll("");
  }

  /** The first line, without control characters, at most 200 characters. */
  static String title(String s) {
    String first = text(s, Integer.MAX_VALUE).strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl).strip();
    }
    first = first.replaceAll("\\p{Cntrl}", " ");
    if (first.length() > TITLE_MAX) {
      first = first.substring(0, TITLE_MAX - 1).strip() + "\u2026";
    }
    return first;
  }
}
