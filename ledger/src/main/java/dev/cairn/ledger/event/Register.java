package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;

/**
 * A last-writer-wins register on a session, and the one place that knows how registers are named
 * and what their values look like:
 *
 * <table>
 *   <caption>Registers</caption>
 *   <tr><th>name</th><th>set by</th><th>values (canonical JSON)</th><th>unset means</th></tr>
 *   <tr><td>{@code starred}</td><td>session.starred / unstarred</td><td>{@code true}, {@code false}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code trashed}</td><td>session.trashed / restored</td><td>{@code true}, {@code false}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code display_title}</td><td>session.renamed</td><td>a JSON string</td><td>the recorded title</td></tr>
 *   <tr><td>{@code tag:<tag>}</td><td>session.tagged / untagged</td><td>{@code true}, {@code false}</td><td>{@code false}</td></tr>
 *   <tr><td>{@code pin:<ordinal>}</td><td>message.pinned / unpinned</td><td>{@code {"note":...,"pinned":true}}, {@code {"pinned":false}}</td><td>{@code {"pinned":false}}</td></tr>
 * </table>
 *
 * <p>A conflict's prev is the winning event id, or {@link #NO_PREV} in the view's tables. The SQL
 * view ({@code session_view} in schema.sql) reads the same names and values; a new register kind
 * changes this class and that view. Immutable.
 */
public record Register(String name) implements Comparable<Register> {
  public static final Register STARRED = new Register("starred");
  public static final Register DISPLAY_TITLE = new Register("display_title");
  public static final Register TRASHED = new Register("trashed");
  public static final int TAG_MAX = 64;
  /** How the view stores "the writer saw no value" in a prev column. */
  public static final String NO_PREV = "";
  private static final String TAG = "tag:";
  private static final String PIN = "pin:";
  private static final String TRUE = "true";
  private static final String FALSE = "false";
  private static final String UNPINNED = "{\"pinned\":false}";

  public Register {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("register name must not be empty");
    }
  }

  public static Register tag(String tag) {
    return new Register(TAG + tag);
  }

  public static Register pin(long ordinal) {
    return new Register(PIN + ordinal);
  }

  /** The value of an on/off register (starred, trashed, a tag). */
  public static String flag(boolean on) {
    return on ? TRUE : FALSE;
  }

  /** The value of a pin register for a pinned message, with its note if any. */
  public static String pinned(String note) {
    return note == null ? "{\"pinned\":true}" : "{\"note\":" + Json.stringLiteral(note) + ",\"pinned\":true}";
  }

  /** The value of a pin register for a message that is not pinned. */
  public static String unpinned() {
    return UNPINNED;
  }

  /** The value of the display-title register. */
  public static String title(String title) {
    return Json.stringLiteral(title);
  }

  /**
   * What the register holds before any event set it, as the value a curation event would write;
   * for {@link #DISPLAY_TITLE} that is the session's recorded title, given here ({@code null}: none).
   */
  public String unsetValue(String recordedTitle) {
    if (equals(DISPLAY_TITLE)) {
      return recordedTitle == null ? null : title(recordedTitle);
    }
    return name.startsWith(PIN) ? UNPINNED : FALSE;
  }

  /**
   * The curation event that sets this register of {@code session} to {@code value} (a value as
   * {@link Curation#value()} writes it, for example a conflict's losing value), with no prev: the
   * inverse of the events' {@code value()}.
   *
   * @throws EventFormatException if {@code value} is not a value this register holds
   */
  public Curation write(dev.cairn.ledger.SessionId session, String value) {
    if (name.startsWith(PIN)) {
      long ordinal = Long.parseLong(name.substring(PIN.length()));
      var o = dev.cairn.ledger.json.JsonInput.parseObject(("{\"v\":" + value + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("v");
      if (o == null || !o.isObject() || !o.path("pinned").isBoolean()) {
        throw new EventFormatException(name, "{\"pinned\":true|false} with an optional note", value);
      }
      return o.get("pinned").booleanValue() ? new MessagePinned(session, ordinal, o.hasNonNull("note") ? o.get("note").asText() : null, null)
          : new MessageUnpinned(session, ordinal, null);
    }
    if (equals(DISPLAY_TITLE)) {
      var o = dev.cairn.ledger.json.JsonInput.parseObject(("{\"v\":" + value + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("v");
      if (o == null || !o.isTextual()) {
        throw new EventFormatException(name, "a JSON string", value);
      }
      return new SessionRenamed(session, o.textValue(), null);
    }
    boolean on;
    if (value.equals(TRUE) || value.equals(FALSE)) {
      on = value.equals(TRUE);
    } else {
      throw new EventFormatException(name, "true or false", value);
    }
    if (name.startsWith(TAG)) {
      String tag = name.substring(TAG.length());
      return on ? SessionTagChanged.tagged(session, tag, null) : SessionTagChanged.untagged(session, tag, null);
    }
    if (equals(STARRED)) {
      return on ? SessionFlagged.starred(session, null) : SessionFlagged.unstarred(session, null);
    }
    if (equals(TRASHED)) {
      return on ? SessionFlagged.trashed(session, null) : SessionFlagged.restored(session, null);
    }
    throw new EventFormatException("register", "starred, trashed, display_title, tag:<tag> or pin:<ordinal>", name);
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
