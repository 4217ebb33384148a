package dev.cairn.ledger;

/** A foreign event would leave a hole in its origin's sequence: the ledger holds 1..expected-1. */
public final class SeqGapException extends CairnException {
  private final Origin origin;
  private final Seq expected;
  private final Seq found;

  public SeqGapException(Origin origin, Seq expected, Seq found) {
    super("events of origin " + origin + " must arrive in order: expected seq " + expected + ", found seq " + found);
    this.origin = origin;
    this.expected = expected;
    this.found = found;
  }

  public Origin origin() {
    return origin;
  }

  public Seq expected() {
    return expected;
  }

  public Seq found() {
    return found;
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
