package dev.cairn.projection;

import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and decodes ledger entries after an index on a thread of its own, handing them over in
 * chunks through a bounded queue, so that decoding (JSON parsing, building records) runs on a
 * second core while the projector's thread spends its time in SQLite. It reads up to the end of
 * the ledger as it is when reached, then reports the end; memory is bounded by {@link #CHUNKS} x
 * {@link #CHUNK} entries.
 *
 * <p>Thread-safety: {@link #next()} and {@link #close()} are for the one consuming thread.
 */
final class DecodingCursor implements AutoCloseable {
  static final int CHUNK = 256;
  static final int CHUNKS = 16;

  /** One decoded entry. */
  record Decoded(long index, Event event) {}

  private record Chunk(List<Decoded> items, RuntimeException failure, boolean end) {}

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread thread;
  private volatile boolean closed;
  private List<Decoded> current = List.of();
  private int position;
  private boolean ended;
  private RuntimeException failure;

  DecodingCursor(LedgerReader reader, long afterIndex) {
    Cursor cursor = reader.after(afterIndex); // opened here: a bad index fails in the caller's thread
    thread = new Thread(() -> run(cursor), "cairn-decoder");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Cursor cursor) {
    try (cursor) {
      List<Decoded> chunk = new ArrayList<>(CHUNK);
      RuntimeException failure = null;
      try {
        for (LedgerRecord r = cursor.next(); r != null && !closed; r = cursor.next()) {
          chunk.add(new Decoded(r.index(), r.event()));
          if (chunk.size() == CHUNK) {
            put(new Chunk(chunk, null, false));
            chunk = new ArrayList<>(CHUNK);
          }
        }
      } catch (RuntimeException e) {
        failure = e; // handed to the consumer after the entries before it, who throws it
      }
      put(new Chunk(chunk, failure, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(Chunk c) throws InterruptedException {
    while (!closed) {
      if (queue.offer(c, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }

  /**
   * The next decoded entry, or null at the end of the ledger (as it was when the reader got there).
   * An entry that cannot be read is thrown here, after every entry before it was returned.
   */
  Decoded next() {
    while (position == current.size()) {
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return null;
      }
      Chunk c;
      try {
        c = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for decoded ledger entries", e);
      }
      failure = c.failure(); // thrown once the entries read before it are consumed
      current = c.items();
      position = 0;
      ended = c.end();
    }
    return current.get(position++);
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
