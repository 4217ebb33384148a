package dev.cairn.ledger;

/**
 * An event (or one of its fields) is not in the v1 format. Says which field, what was expected
 * and what was found; {@link #atLine} adds the input line number when the event came from a file.
 */
public final class EventFormatException extends CairnException {
  private final String field;
  private final String expected;
  private final String found;

  public EventFormatException(String field, String expected, String found) {
    super(describe(field, expected, found));
    this.field = field;
    this.expected = expected;
    this.found = found;
  }

  private EventFormatException(String message, EventFormatException cause) {
    super(message, cause);
    this.field = cause.field;
    this.expected = cause.expected;
    this.found = cause.found;
  }

  private static String describe(String field, String expected, String found) {
    return "field \"" + field + "\": expected " + expected + ", found " + quote(found);
  }

  static String quote(String found) {
    if (found == null) {
      return "nothing";
    }
    String shown = found.length() > 60 ? found.substring(0, 57) + "..." : found;
    if (found.length() >= 2 && found.startsWith("\"") && found.endsWith("\"")) {
      return shown.replace("\n", "\\n") + (shown.endsWith("\"") ? "" : "\""); // already a JSON string: quoted once, not twice
    }
    return "\"" + shown.replace("\n", "\\n") + "\"";
  }

  /** The same error, prefixed with where it happened (for example {@code "line 7"}). */
  public EventFormatException at(String where) {
    return new EventFormatException(where + ": " + getMessage(), this);
  }

  public String field() {
    return field;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
