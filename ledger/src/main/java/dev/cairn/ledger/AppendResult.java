package dev.cairn.ledger;

/** What {@code Ledger.appendForeign} did with an event. */
public enum AppendResult {
  /** Appended to the ledger. */
  APPENDED,
  /** The ledger already holds this (origin, seq); nothing was written. */
  DUPLICATE,
  /**
   * Held back: its HLC is too far in the future, or an earlier event of its origin is held
   * back. Kept on disk and retried on later appends and when the ledger opens.
   */
  QUARANTINED
}
