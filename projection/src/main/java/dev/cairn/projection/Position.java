package dev.cairn.projection;

/**
 * How far the view has applied the ledger: the queue index of the last applied entry (-1 for
 * none) and counters. Stored in {@code projection_position}, in the same transaction as the
 * changes, so that the view never applies an entry twice or skips one. Immutable.
 */
public record Position(long ledgerIndex, long applied, long skippedUnknown, long skippedPurged) {
  public static final Position NONE = new Position(-1, 0, 0, 0);

  /** Ledger entries this position covers: applied or skipped, each exactly once. */
  public long entries() {
    return applied + skippedUnknown + skippedPurged;
  }

  /** How many of {@code ledgerEntries} the view has not applied yet. */
  public long lag(long ledgerEntries) {
    return Math.max(0, ledgerEntries - entries());
  }
}
