package dev.cairn.ledger;

import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;

/**
 * One ledger entry as stored: its queue index and the canonical bytes of its event (no newline).
 * Decoding is lazy so that callers that only forward bytes (tail --json, sealing) skip it.
 * Immutable; the byte array must not be modified.
 */
public record LedgerRecord(long index, byte[] bytes) {
  public Event event() {
    try {
      return EventCodec.decode(bytes);
    } catch (EventFormatException e) {
      throw new LedgerCorruptException(index, e.getMessage(), e);
    }
  }
}
