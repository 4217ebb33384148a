package dev.cairn.exchange.transport;

/** What a write-once put did. */
public enum PutResult {
  /** The artifact was written. */
  CREATED,
  /** The same bytes were already there; nothing was written. */
  ALREADY_PRESENT
}
