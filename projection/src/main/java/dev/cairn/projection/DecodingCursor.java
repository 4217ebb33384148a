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
 * chunks through a bounded queue, so that decoding runs on a second core while the projector's
 * thread spends its time in SQLite: message lines become their row's values ({@link MessageLine}),
 * other events are decoded in full. It reads up to the end of the ledger as it is when reached,
 * then reports the end; memory is bounded by {@link #CHUNKS} chunks of at most {@link #CHUNK}
 * entries or {@link #CHUNK_BYTES} bytes (plus one entry) each.
 *
 * <p>Thread-safety: {@link #next()} and {@link #close()} are for the one consuming thread.
 */
final class DecodingCursor implements AutoCloseable {
  static final int CHUNK = 256;
  static final int CHUNKS = 16;
  /** A chunk is handed over at {@link #CHUNK} entries or this many bytes of them, whichever comes first. */
  static final int CHUNK_BYTES = 1 << 20;

  /**
   * One decoded entry: a message.appended line read straight into its row ({@code message}), or
   * any other event decoded in full ({@code event}); exactly one is set.
   */
  record Decoded(long index, Event event, MessageLine message) {}

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
      long bytes = 0;
      RuntimeException failure = null;
      try {
        for (LedgerRecord r = cursor.next(); r != null && !closed; r = cursor.next()) {
          chunk.add(decode(r));
          bytes += r.bytes().length;
          if (chunk.size() == CHUNK || bytes >= CHUNK_BYTES) {
            put(new Chunk(chunk, null, false));
            chunk = new ArrayList<>(CHUNK);
            bytes = 0;
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

  private static Decoded decode(LedgerRecord r) {
    MessageLine m;
    try {
      m = MessageLine.parse(r.bytes());
    } catch (RuntimeException e) {
      m = null; // not the shape this reader knows: the full decoder says what is wrong
    }
    return m != null ? new Decoded(r.index(), null, m) : new Decoded(r.index(), r.event(), null);
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
