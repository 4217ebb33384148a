package dev.cairn.ledger;

/**
 * The identity of one event: its origin and seq. String form {@code <origin>/<seq>}, for example
 * {@code laptop-3f9a1c/42}; used as the register version a curation event names in {@code prev}.
 */
public record EventId(Origin origin, Seq seq) implements Comparable<EventId> {
  public static EventId parse(String text) {
    int slash = text == null ? -1 : text.lastIndexOf('/');
    if (slash <= 0) {
      throw new EventFormatException("prev", "an event id <origin>/<seq>", text);
    }
    long seq;
    try {
      seq = Long.parseLong(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new EventFormatException("prev", "an event id <origin>/<seq>", text);
    }
    if (seq < 1 || !Origin.isValid(text.substring(0, slash))) {
      throw new EventFormatException("prev", "an event id <origin>/<seq>", text);
    }
    return new EventId(new Origin(text.substring(0, slash)), new Seq(seq));
  }

  @Override
  public int compareTo(EventId o) {
    int c = origin.compareTo(o.origin);
    return c != 0 ? c : seq.compareTo(o.seq);
  }

  @Override
  public String toString() {
    return origin.value() + "/" + seq.value();
  }
}
