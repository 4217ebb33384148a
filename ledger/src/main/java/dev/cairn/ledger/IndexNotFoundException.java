package dev.cairn.ledger;

/** A ledger index that holds no entry was asked for. */
public final class IndexNotFoundException extends CairnException {
  public IndexNotFoundException(long index, long head) {
    super("the ledger has no entry at index " + index + (head < 0 ? " (the ledger is empty)" : " (head is " + head + ")"));
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
