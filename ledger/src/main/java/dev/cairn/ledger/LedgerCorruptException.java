package dev.cairn.ledger;

/** A stored ledger entry could not be decoded; names the index and what was wrong. */
public final class LedgerCorruptException extends CairnException {
  private final long index;

  public LedgerCorruptException(long index, String problem, Throwable cause) {
    super("ledger entry at index " + index + " is unreadable: " + problem, cause);
    this.index = index;
  }

  public LedgerCorruptException(long index, String expected, String found, Throwable cause) {
    this(index, "expected " + expected + ", found " + found
        + " (a writing verb or 'cairn rebuild' recovers: heals it from sealed artifacts or reports what is lost)", cause);
  }

  public long index() {
    return index;
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }
}
