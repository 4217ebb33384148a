package dev.cairn.ledger;

/**
 * The total order of events: {@code (hlc.wall, hlc.logical, origin, seq)}. Last-writer-wins
 * registers keep the event with the greatest order key, whatever order events arrive in.
 */
public record OrderKey(Hlc hlc, Origin origin, Seq seq) implements Comparable<OrderKey> {
  @Override
  public int compareTo(OrderKey o) {
    int c = hlc.compareTo(o.hlc);
    if (c != 0) {
      return c;
    }
    c = origin.compareTo(o.origin);
    return c != 0 ? c : seq.compareTo(o.seq);
  }

  public EventId eventId() {
    return new EventId(origin, seq);
  }
}
