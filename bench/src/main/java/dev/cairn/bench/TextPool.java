package dev.cairn.bench;

import java.util.Random;

/**
 * A large, seeded block of text shaped like what coding agents write and read: lines of prose,
 * identifiers, code punctuation, quotes, backslashes, tabs and a little non-ASCII (accents, arrows,
 * CJK, emoji), so that JSON escaping, UTF-8 encoding and full-text tokenising cost what they cost
 * on real transcripts. {@link #slice} hands out pieces of it from seeded offsets; the pool is
 * larger than zstd's default window, so slices rarely compress against each other. Immutable
 * once built; safe to share between threads.
 */
public final class TextPool {
  private static final String[] WORDS = ("the a of to in is that for it with as on this be are from at by not or have an was but "
      + "ledger clock test build maven segment hash sqlite view event origin sync folder bucket error fix run check file line "
      + "message tool call result queue index commit rebuild digest replay conflict register session import export value "
      + "return public private final static void String int long boolean null true false new class interface record throw").split(" ");
  private static final String[] CODE = {"();", " = ", " -> ", "{", "}", "[]", "\"", "\\n", "\\", "::", " && ", " || ", "<T>", "// ",
      "\t", "    ", "#", "$", "`", "'", "%d", "0x1f", "/tmp/x", "src/main/java/", ".java:42", "@Override"};
  private static final String[] NON_ASCII = {"é", "ü", "→", "≥", "…", "中文", "日本", "✓", "🚀", "—", "ñ", "ß"};

  private final String text;

  public TextPool(long seed, int chars) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(chars + 64);
    int lineStart = 0;
    while (sb.length() < chars) {
      int pick = r.nextInt(100);
      if (pick < 70) {
        sb.append(WORDS[r.nextInt(WORDS.length)]);
      } else if (pick < 92) {
        sb.append(CODE[r.nextInt(CODE.length)]);
      } else if (pick < 93) {
        sb.append(NON_ASCII[r.nextInt(NON_ASCII.length)]);
      } else {
        sb.append(Integer.toString(r.nextInt(100_000)));
      }
      if (sb.length() - lineStart > 40 + r.nextInt(80)) {
        sb.append('\n');
        lineStart = sb.length();
      } else {
        sb.append(' ');
      }
    }
    this.text = sb.toString();
  }

  /** About {@code length} characters from a random place (never splitting a surrogate pair). */
  public String slice(Random r, int length) {
    int n = Math.max(1, Math.min(length, text.length() - 2));
    int from = r.nextInt(text.length() - n);
    if (Character.isLowSurrogate(text.charAt(from))) {
      from++;
    }
    int to = from + n;
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to++;
    }
    return text.substring(from, Math.min(to, text.length()));
  }

  public int size() {
    return text.length();
  }
}
