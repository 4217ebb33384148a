package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;

/**
 * The name of a last-writer-wins register on a session: {@code starred}, {@code display_title},
 * {@code trashed}, {@code tag:<tag>} or {@code pin:<ordinal>}.
 */
public record Register(String name) implements Comparable<Register> {
  public static final Register STARRED = new Register("starred");
  public static final Register DISPLAY_TITLE = new Register("display_title");
  public static final Register TRASHED = new Register("trashed");
  public static final int TAG_MAX = 64;

  public Register {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("register name must not be empty");
    }
  }

  public static Register tag(String tag) {
    return new Register("tag:" + tag);
  }

  public static Register pin(long ordinal) {
    return new Register("pin:" + ordinal);
  }

  /** A tag is 1-64 characters with no whitespace or control characters. */
  public static String checkTag(String tag) {
    if (!Text.isLabel(tag, TAG_MAX) || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new EventFormatException("tag", "1-" + TAG_MAX + " characters without spaces or control characters", tag);
    }
    return tag;
  }

  @Override
  public int compareTo(Register o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
