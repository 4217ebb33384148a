package dev.cairn.ledger.event;

import dev.cairn.ledger.EventFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times in events are UTC ISO-8601 strings. Canonical form is {@link Instant#toString()}: {@code
 * YYYY-MM-DDTHH:MM:SSZ} with a fraction of exactly 3, 6 or 9 digits only when it is non-zero.
 * Input with an offset ({@code +02:00}) or another fraction width is accepted and normalised.
 * Years outside 0000-9999 are rejected.
 */
public final class Times {
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Times() {}

  public static Instant parse(String field, String text) {
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        t = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new EventFormatException(field, "a UTC time like 2026-11-21T19:46:32Z", text);
      }
    }
    if (t.isBefore(MIN) || t.isAfter(MAX)) {
      throw new EventFormatException(field, "a time between years 0000 and 9999", text);
    }
    return t;
  }

  public static String format(Instant t) {
    return t.toString();
  }
}
