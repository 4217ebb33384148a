package dev.cairn.ledger;

import dev.cairn.ledger.event.Envelope;
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
  private static final int WINDOW = 512;
  private final ExcerptTailer tailer;
  private final Repairs repairs;
  private final byte[] window = new byte[WINDOW];
  private long lastIndex = -1;

  /** What {@link #repaired} returns for an entry recovery skips. */
  private static final byte[] SKIP = new byte[0];

  /** {@link #SKIP} for an entry recovery skips, the restored bytes of a healed one, null for one to read as stored. */
  private byte[] repaired(long index) {
    if (repairs.isEmpty()) {
      return null; // the usual case: no map lookup, no allocation per entry
    }
    return repairs.lost(index) ? SKIP : repairs.healed(index).orElse(null);
  }

  Cursor(ExcerptTailer tailer, Repairs repairs) {
    this.tailer = tailer;
    this.repairs = repairs;
  }

  /** The queue index of the last entry this cursor read or skipped, or -1. */
  public long lastIndex() {
    return lastIndex;
  }

  /**
   * The next entry of {@code origin}, or null at the end. Entries of other origins are skipped
   * after reading only their envelope from a small window in place, without copying them out.
   */
  public LedgerRecord nextOf(Origin origin) {
    while (true) {
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return null;
        }
        long index = dc.index();
        lastIndex = index;
        byte[] repaired = repaired(index);
        if (repaired == SKIP || repaired != null && !Envelope.scan(repaired).origin().equals(origin)) {
          continue;
        }
        if (repaired != null) {
          return new LedgerRecord(index, repaired);
        }
        Bytes<?> bytes = dc.wire().bytes();
        long start = bytes.readPosition();
        long length = bytes.readRemaining();
        byte first = length > 0 ? bytes.readByte(start) : 0;
        int header = first == EntryFormat.CHECKSUMMED ? EntryFormat.HEADER : 0;
        Envelope env = null;
        if ((first == '{' || first == EntryFormat.CHECKSUMMED) && length > header) {
          int n = (int) Math.min(length - header, WINDOW);
          bytes.readSkip(header);
          bytes.read(window, 0, n);
          bytes.readPosition(start);
          try {
            env = Envelope.scan(window, n);
          } catch (EventFormatException e) {
            env = null; // envelope not within the window: decide on the whole entry
          }
          if (env != null && !env.origin().equals(origin)) {
            continue; // another origin's entry: its checksum is verified by whoever reads it
          }
        }
        byte[] data = EntryFormat.read(bytes, index);
        if (env == null && !Envelope.scan(data).origin().equals(origin)) {
          continue;
        }
        return new LedgerRecord(index, data);
      }
    }
  }

  /** The next entry (verified against its checksum, or as recovery repaired it), or null if none has been appended yet. */
  public LedgerRecord next() {
    while (true) {
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return null;
        }
        long index = dc.index();
        lastIndex = index;
        byte[] repaired = repaired(index);
        if (repaired == SKIP) {
          continue;
        }
        return new LedgerRecord(index, repaired != null ? repaired : EntryFormat.read(dc.wire().bytes(), index));
      }
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
