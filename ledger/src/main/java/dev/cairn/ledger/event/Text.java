package dev.cairn.ledger.event;

/** Small checks on text fields. Stateless. */
final class Text {
  private Text() {}

  /** Non-empty, at most {@code max} chars, no control characters. */
  static boolean isLabel(String s, int max) {
    if (s == null || s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
