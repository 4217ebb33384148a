package dev.cairn.ledger;

/**
 * A per-origin sequence number: 1 for an origin's first event, then +1 per event, no gaps.
 * {@link #NONE} (0) stands for "no event yet" in high-water marks.
 */
public record Seq(long value) implements Comparable<Seq> {
  public static final Seq NONE = new Seq(0);
  public static final Seq FIRST = new Seq(1);

  public Seq {
    if (value < 0) {
      throw new EventFormatException("seq", "a non-negative integer", Long.toString(value));
    }
  }

  public static Seq of(long value) {
    return value == 0 ? NONE : new Seq(value);
  }

  public Seq next() {
    return new Seq(Math.addExact(value, 1));
  }

  @Override
  public int compareTo(Seq other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
