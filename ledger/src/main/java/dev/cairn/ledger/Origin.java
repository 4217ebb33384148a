package dev.cairn.ledger;

import java.util.regex.Pattern;

/**
 * The identity of a machine that writes events: lower-case letters, digits and {@code -}, 1 to 63
 * characters, starting with a letter or digit. Created once by {@code cairn init} as a sanitised
 * host name plus six random hex characters (for example {@code laptop-3f9a1c}).
 *
 * <p>The character set keeps origins safe as file and object-store path components on every OS.
 */
public record Origin(String value) implements Comparable<Origin> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Origin {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new EventFormatException("origin", "1-63 characters of [a-z0-9-] starting with [a-z0-9]", value);
    }
  }

  public static Origin parse(String value) {
    return new Origin(value);
  }

  /** Whether {@code value} is a valid origin, without throwing. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(Origin other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
