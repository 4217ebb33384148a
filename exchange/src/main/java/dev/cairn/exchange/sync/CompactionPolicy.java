package dev.cairn.exchange.sync;

/**
 * When sealing compacts: once the newest checkpoint lists at least {@code minSmallSegments}
 * segments smaller than {@code smallBytes} (stored, compressed), each run of consecutive small
 * segments is merged into as few segments as the {@link SealPolicy} limits allow (at most its
 * events and uncompressed bytes per segment), and a new checkpoint lists the merged segments in
 * their place. Immutable.
 */
public record CompactionPolicy(int minSmallSegments, long smallBytes) {
  /** 16 segments under 1 MiB: about two weeks of hourly syncs of light use, or an afternoon of --watch. */
  public static final CompactionPolicy DEFAULT = new CompactionPolicy(16, 1 << 20);
  /** Never compacts. */
  public static final CompactionPolicy NEVER = new CompactionPolicy(Integer.MAX_VALUE, 0);

  public CompactionPolicy {
    if (minSmallSegments < 2 || smallBytes < 0) {
      throw new IllegalArgumentException("compaction policy out of range: " + minSmallSegments + " segments, " + smallBytes + " bytes");
    }
  }
}
