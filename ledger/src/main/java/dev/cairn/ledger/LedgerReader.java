package dev.cairn.ledger;

import java.nio.file.Files;
import java.util.regex.Pattern;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Read access to a ledger, for any number of processes at once (no lock is taken): cursors from
 * the start, from an index, after an index, or by name; the head index; the current state.
 *
 * <p>Thread-safety: the reader may be shared; each {@link Cursor} it hands out is for one thread.
 */
public final class LedgerReader implements AutoCloseable {
  private static final Pattern TAILER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final LedgerPaths paths;
  private final SingleChronicleQueue queue;
  private final boolean ownsQueue;
  private final Repairs repairs;

  LedgerReader(LedgerPaths paths, SingleChronicleQueue queue, boolean ownsQueue) {
    this.paths = paths;
    this.queue = queue;
    this.ownsQueue = ownsQueue;
    this.repairs = Repairs.load(paths);
  }

  /** Opens the ledger under {@code paths} for reading; it must exist. */
  public static LedgerReader open(LedgerPaths paths) {
    if (!Files.isDirectory(paths.queue())) {
      throw new LedgerMissingException(paths.root());
    }
    return new LedgerReader(paths, Queues.openForReading(paths), true);
  }

  public Cursor fromStart() {
    return new Cursor(tailer(), repairs);
  }

  /** A cursor whose first entry is the one at {@code index} (inclusive). */
  public Cursor from(long index) {
    ExcerptTailer t = tailer();
    if (!t.moveToIndex(index)) {
      t.close();
      throw new IndexNotFoundException(index, headIndex());
    }
    return new Cursor(t, repairs);
  }

  /** A cursor whose first entry is the one after {@code index}; {@code -1} means from the start. */
  public Cursor after(long index) {
    if (index < 0) {
      return fromStart();
    }
    Cursor c = from(index);
    LedgerRecord at = c.next();
    if (at == null || at.index() != index) {
      c.close();
      throw new IndexNotFoundException(index, headIndex());
    }
    return c;
  }

  /**
   * A durable cursor: its position is stored in the queue's metadata after each read and a new
   * cursor of the same name (in this or another process) resumes there. Names are 1-64 of
   * {@code [A-Za-z0-9_-]}.
   */
  public Cursor named(String name) {
    if (name == null || !TAILER_NAME.matcher(name).matches()) {
      throw new CursorNameException(name);
    }
    ExcerptTailer t = queue.createTailer(name);
    t.singleThreadedCheckDisabled(true);
    return new Cursor(t, repairs);
  }

  private ExcerptTailer tailer() {
    ExcerptTailer t = queue.createTailer();
    t.singleThreadedCheckDisabled(true);
    return t;
  }

  /** The index of the last entry, or -1 if the ledger is empty. */
  public long headIndex() {
    long last = queue.lastIndex();
    return last < 0 || last == Long.MAX_VALUE || queue.firstIndex() == Long.MAX_VALUE ? -1 : last;
  }

  /** The ledger's state (high-water marks, entries, max HLC) as of now. */
  public LedgerState state() {
    return StateScanner.load(queue, LedgerState.read(paths.state()), repairs);
  }

  public int quarantined() {
    return Quarantine.count(paths);
  }

  public LedgerPaths paths() {
    return paths;
  }

  @Override
  public void close() {
    if (ownsQueue) {
      queue.close();
    }
  }
}
