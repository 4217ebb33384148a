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
   * yields, then parks for growing intervals (at most 1 ms), so a follower sees an append within
   * microseconds when busy and costs little CPU when idle.
   *
   * @return the entry, or null if the timeout passed first
   */
  public LedgerRecord next(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
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
        parkNanos = Math.min(parkNanos * 2, 1_000_000);
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
