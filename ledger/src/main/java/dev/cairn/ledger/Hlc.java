package dev.cairn.ledger;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A hybrid logical clock timestamp (Kulkarni et al. 2014): {@code wall} is the physical
 * component in milliseconds since the Unix epoch, {@code logical} the counter that orders events
 * within one millisecond.
 *
 * <p>Canonical string form, fixed width, 27 characters, {@code YYYYMMDDTHHMMSS.mmmZ-LLLLLL}, for
 * example {@code 20261121T194632.123Z-000004}: the UTC wall time in ISO-8601 basic format with
 * milliseconds, then {@code -} and the logical counter as six decimal digits. Because every part
 * is fixed width, lexical order of the strings equals the order of {@code (wall, logical)}; the
 * string contains no {@code :} so it is file-name safe on every OS.
 *
 * <p>Valid if and only if {@code 0 <= wall <= }{@link #WALL_MAX} (year 9999) and {@code 0 <=
 * logical <= }{@link #LOGICAL_MAX}.
 */
public record Hlc(long wall, int logical) implements Comparable<Hlc> {
  public static final long WALL_MAX = 253_402_300_799_999L;
  public static final int LOGICAL_MAX = 999_999;
  public static final Hlc ZERO = new Hlc(0, 0);
  private static final int LENGTH = 27;

  public Hlc {
    if (wall < 0 || wall > WALL_MAX) {
      throw new EventFormatException("hlc", "a wall time between 1970 and 9999", Long.toString(wall));
    }
    if (logical < 0 || logical > LOGICAL_MAX) {
      throw new EventFormatException("hlc", "a logical counter of 0-" + LOGICAL_MAX, Integer.toString(logical));
    }
  }

  /** Parses the canonical string form; anything else is an {@link EventFormatException}. */
  public static Hlc parse(String text) {
    if (text == null || text.length() != LENGTH || text.charAt(8) != 'T' || text.charAt(15) != '.'
        || text.charAt(19) != 'Z' || text.charAt(20) != '-') {
      throw invalid(text);
    }
    try {
      int year = digits(text, 0, 4);
      int month = digits(text, 4, 6);
      int day = digits(text, 6, 8);
      int hour = digits(text, 9, 11);
      int minute = digits(text, 11, 13);
      int second = digits(text, 13, 15);
      int millis = digits(text, 16, 19);
      int logical = digits(text, 21, 27);
      long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
      return new Hlc(epochSecond * 1000 + millis, logical);
    } catch (RuntimeException e) {
      throw invalid(text);
    }
  }

  private static EventFormatException invalid(String text) {
    return new EventFormatException("hlc", "an HLC like 20261121T194632.123Z-000004", text);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException();
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  @Override
  public int compareTo(Hlc other) {
    int byWall = Long.compare(wall, other.wall);
    return byWall != 0 ? byWall : Integer.compare(logical, other.logical);
  }

  public boolean isAfter(Hlc other) {
    return compareTo(other) > 0;
  }

  public static Hlc max(Hlc a, Hlc b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public String toString() {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(wall, 1000), 0, ZoneOffset.UTC);
    char[] out = new char[LENGTH];
    put(out, 0, 4, t.getYear());
    put(out, 4, 2, t.getMonthValue());
    put(out, 6, 2, t.getDayOfMonth());
    out[8] = 'T';
    put(out, 9, 2, t.getHour());
    put(out, 11, 2, t.getMinute());
    put(out, 13, 2, t.getSecond());
    out[15] = '.';
    put(out, 16, 3, (int) Math.floorMod(wall, 1000));
    out[19] = 'Z';
    out[20] = '-';
    put(out, 21, 6, logical);
    return new String(out);
  }

  private static void put(char[] out, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
