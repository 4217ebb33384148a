package dev.cairn.exchange.sync;

/**
 * When sealing cuts a segment: at most {@code maxEvents} events or {@code maxBytes} bytes of
 * canonical NDJSON (before compression), whichever comes first; a sync seals everything pending,
 * so the last segment may be small. {@code level} is the zstd level. Immutable.
 */
public record SealPolicy(int maxEvents, int maxBytes, int level) {
  public static final SealPolicy DEFAULT = new SealPolicy(10_000, 4 << 20, 3);

  public SealPolicy {
    if (maxEvents < 1 || maxBytes < 1024 || level < 1 || level > 19) {
      throw new IllegalArgumentException("seal policy out of range: " + maxEvents + " events, " + maxBytes + " bytes, level " + level);
    }
  }
}
