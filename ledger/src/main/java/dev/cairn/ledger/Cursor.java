package dev.cairn.ledger;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A forward position in the ledger. {@link #next()} returns the next entry or null at the end;
 * {@link #next(Duration)} waits for one (follow mode). A named cursor persists its position in the
 * queue's metadata after every read, so a new cursor of the same name resumes where it stopped,
 * also in another process.
 *
 * <p>Thread-safety: not thread-safe; use a cursor from one thread at a time.
 */
public final class Cursor implements AutoCloseable {
  private static final int SPINS = 2_000;
  private static final int YIELDS = 200;
  /** While a stream is active (idle less than this), parks stay short so delivery stays fast. */
  private static final long ACTIVE_NANOS = 50_000_000;
  private static final long ACTIVE_PARK_MAX_NANOS = 50_000;
  private static final long IDLE_PARK_MAX_NANOS = 1_000_000;
  private final ExcerptTailer tailer;

  Cursor(ExcerptTailer tailer) {
    this.tailer = tailer;
  }

  /** The next entry, or null if none has been appended yet. */
  public LedgerRecord next() {
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return null;
      }
      Bytes<?> bytes = dc.wire().bytes();
      byte[] data = new byte[(int) bytes.readRemaining()];
      bytes.read(data);
      return new LedgerRecord(dc.index(), data);
    }
  }

  /**
   * The next entry, waiting up to {@code timeout} for one to be appended: spins briefly, then
   * yields, then parks for growing intervals — at most 50 µs during the first 50 ms of waiting (a
   * stream that is active is followed within tens of microseconds), then at most 1 ms (an idle
   * follower costs little CPU).
   *
   * @return the entry, or null if the timeout passed first
   */
  public LedgerRecord next(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long parkNanos = 10_000;
    for (int i = 0; ; i++) {
      LedgerRecord r = next();
      if (r != null) {
        return r;
      }
      if (System.nanoTime() - deadline >= 0) {
        return null;
      }
      if (i < SPINS) {
        Thread.onSpinWait();
      } else if (i < SPINS + YIELDS) {
        Thread.yield();
      } else {
        LockSupport.parkNanos(parkNanos);
        long cap = System.nanoTime() - start < ACTIVE_NANOS ? ACTIVE_PARK_MAX_NANOS : IDLE_PARK_MAX_NANOS;
        parkNanos = Math.min(parkNanos * 2, cap);
      }
      if (Thread.currentThread().isInterrupted()) {
        return null;
      }
    }
  }

  @Override
  public void close() {
    tailer.close();
  }
}
