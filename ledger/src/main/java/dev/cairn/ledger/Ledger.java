package dev.cairn.ledger;

import dev.cairn.ledger.clock.ClockDriftException;
import dev.cairn.ledger.clock.HybridClock;
import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.TreeMap;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The append side of a home's ledger: a Chronicle Queue of canonical event lines, local and
 * foreign, in the order this machine learned of them.
 *
 * <ul>
 *   <li>{@link #appendLocal} stamps a draft with this origin, the next seq and an HLC tick.
 *   <li>{@link #appendForeign} appends another origin's event: a seq it already holds is a
 *       duplicate (nothing written); a seq beyond the next one is a {@link SeqGapException}; an
 *       HLC more than the maximum drift ahead is held in {@link Quarantine} and retried later.
 * </ul>
 *
 * <p>Only one process may hold a {@code Ledger} for a home at a time ({@link WriterLock}); a
 * second gets {@link LedgerLockedException}. Readers ({@link LedgerReader}) need no lock.
 *
 * <p>Durability: an append returns once its bytes are in the queue's memory-mapped file, which
 * the kernel owns: they survive the process being killed (SIGKILL included) at any later moment.
 * They survive power loss or a kernel crash only after {@link #sync()} (an msync of the current
 * cycle file), which importers call once per batch, not per event.
 *
 * <p>High-water marks and the clock survive restarts through {@link LedgerState}: a snapshot
 * written every {@value #SNAPSHOT_EVERY} appends and on close, plus a scan of what came after.
 * The clock is restored to at least the greatest HLC in the ledger, so it never goes back.
 *
 * <p>Thread-safety: all public methods are synchronized; one instance may be shared by threads.
 */
public final class Ledger implements AutoCloseable {
  static final int SNAPSHOT_EVERY = 10_000;

  private final LedgerPaths paths;
  private final Origin local;
  private final WriterLock lock;
  private final SingleChronicleQueue queue;
  private final HybridClock clock;
  private final Quarantine quarantine;
  private final TreeMap<Origin, Seq> highWater;
  private final ThreadLocal<ExcerptAppender> appenders;
  private long lastIndex;
  private EventId last;
  private long entries;
  private Hlc maxHlc;
  private int sinceSnapshot;
  private boolean closed;
  private final LedgerRecovery.EventSource source;
  private final java.util.List<String> recovered;
  private final DiskSpace space;
  /** Whether open found the queue damaged and started a new one (the caller restores sealed events into it). */
  private boolean replaced;
  /** Set when an append faulted halfway: the queue's tail is torn, so nothing more is appended until reopened (recovery cuts it). */
  private boolean torn;

  private Ledger(LedgerPaths paths, Origin local, WriterLock lock, SingleChronicleQueue queue,
      PhysicalClock physical, Duration maxDrift, LedgerRecovery.EventSource source, java.util.List<String> recovered) {
    this.paths = paths;
    this.local = local;
    this.lock = lock;
    this.queue = queue;
    this.source = source;
    this.recovered = java.util.List.copyOf(recovered);
    this.space = new DiskSpace(paths.queue());
    LedgerState state = StateScanner.load(queue, LedgerState.read(paths.state()), Repairs.load(paths));
    this.highWater = new TreeMap<>(state.highWater());
    this.lastIndex = state.lastIndex();
    this.last = state.last();
    this.entries = state.entries();
    this.maxHlc = state.maxHlc();
    this.clock = new HybridClock(physical, maxDrift, state.maxHlc());
    this.quarantine = new Quarantine(paths.quarantine());
    this.appenders = ThreadLocal.withInitial(() -> {
      ExcerptAppender a = queue.createAppender();
      a.singleThreadedCheckDisabled(true);
      return a;
    });
  }

  /**
   * Opens (creating if needed) the ledger under {@code paths} for appending as {@code local}.
   *
   * @throws LedgerLockedException if another process is appending to it
   */
  public static Ledger open(LedgerPaths paths, Origin local, PhysicalClock physical, Duration maxDrift) {
    return open(paths, local, physical, maxDrift, LedgerRecovery.EventSource.NONE);
  }

  /**
   * As {@link #open(LedgerPaths, Origin, PhysicalClock, Duration)}, with where recovery may find a
   * sealed copy of an unreadable entry's event. Opening reads every entry after the last trusted
   * snapshot; if one is unreadable, recovery ({@link LedgerRecovery}) repairs that stretch before
   * anything else; what it did is {@link #recovered()}.
   */
  public static Ledger open(LedgerPaths paths, Origin local, PhysicalClock physical, Duration maxDrift, LedgerRecovery.EventSource source) {
    try {
      Files.createDirectories(paths.queue());
    } catch (IOException e) {
      throw new LedgerIoException("create", paths.queue(), e);
    }
    WriterLock lock = WriterLock.acquire(paths.writerLock());
    SingleChronicleQueue queue = null;
    try {
      LedgerHead.clear(paths); // from here the queue may move: readers must not trust the last close
      queue = Queues.open(paths);
      Ledger ledger;
      try {
        try {
          // the state scan reads (and verifies) every entry after the snapshot: recovery runs only if one is unreadable
          ledger = new Ledger(paths, local, lock, queue, physical, maxDrift, source, java.util.List.of());
        } catch (LedgerCorruptException unreadable) {
          LedgerState snapshot = LedgerState.read(paths.state());
          java.util.List<String> recovered = LedgerRecovery.run(paths, queue, snapshot == null ? -1 : snapshot.lastIndex(), source);
          ledger = new Ledger(paths, local, lock, queue, physical, maxDrift, source, recovered);
        }
      } catch (LedgerUnreadableException damaged) {
        queue.close();
        queue = null;
        String line = LedgerRecovery.setAside(paths, damaged);
        queue = Queues.open(paths);
        ledger = new Ledger(paths, local, lock, queue, physical, maxDrift, source, java.util.List.of(line));
        ledger.replaced = true;
      }
      ledger.retryQuarantine();
      return ledger;
    } catch (RuntimeException e) {
      if (queue != null) {
        queue.close();
      }
      lock.close();
      throw e;
    }
  }

  public static Ledger open(LedgerPaths paths, Origin local) {
    return open(paths, local, PhysicalClock.SYSTEM, HybridClock.DEFAULT_MAX_DRIFT);
  }

  public Origin localOrigin() {
    return local;
  }

  /**
   * Whether this open found the queue damaged beyond entry repair (it yielded fewer entries than
   * its snapshot records), moved it aside and started a new, empty one: the caller restores the
   * sealed events (this home's artifact store, then targets) into it.
   */
  public boolean replacedDamagedQueue() {
    return replaced;
  }

  /** What recovery did when this ledger was opened: one line per unreadable entry healed, cut or lost (usually none). */
  public java.util.List<String> recovered() {
    return recovered;
  }

  /**
   * Checks every entry of the ledger (not only those after the last snapshot) and repairs what is
   * unreadable, as {@link LedgerRecovery} says; then recomputes the high-water marks. Returns one
   * line per decision. What {@code cairn rebuild} runs before replaying.
   */
  public synchronized java.util.List<String> recoverAll() {
    checkOpen();
    java.util.List<String> done = LedgerRecovery.run(paths, queue, -1, source);
    if (!done.isEmpty()) {
      LedgerState state = StateScanner.load(queue, null, Repairs.load(paths));
      highWater.clear();
      highWater.putAll(state.highWater());
      lastIndex = state.lastIndex();
      last = state.last();
      entries = state.entries();
      maxHlc = Hlc.max(maxHlc, state.maxHlc());
      snapshot();
    }
    return done;
  }

  /** Stamps {@code draft} as this origin's next event and appends it. */
  public synchronized Event appendLocal(Draft draft) {
    checkOpen();
    Event event = new Event(local, highWater(local).next(), clock.tick(), draft.body(), draft.unknown());
    write(event, draft.canonical() != null ? draft.canonical().line(event.origin(), event.seq(), event.hlc()) : EventCodec.encode(event));
    return event;
  }

  /**
   * Appends another origin's event (or one of this origin's own, when restoring a machine).
   *
   * @return {@link AppendResult#APPENDED}, {@link AppendResult#DUPLICATE} or {@link
   *     AppendResult#QUARANTINED}
   * @throws SeqGapException if events of the origin before this one are missing
   */
  public synchronized AppendResult appendForeign(Event event) {
    return appendForeign(event, null);
  }

  /**
   * As {@link #appendForeign(Event)}, with the event's canonical bytes already at hand (for
   * example a line of a verified segment, whose verification re-encoded it), so they are not
   * encoded again. {@code canonical} must be {@code EventCodec.encode(event)}; null means "encode it".
   */
  public synchronized AppendResult appendForeign(Event event, byte[] canonical) {
    checkOpen();
    Origin origin = event.origin();
    retryQuarantine(origin);
    Seq held = highWater(origin);
    if (event.seq().compareTo(held) <= 0) {
      return AppendResult.DUPLICATE;
    }
    if (quarantine.holds(origin)) {
      Seq lastHeld = quarantine.last(origin);
      if (event.seq().compareTo(lastHeld) <= 0) {
        return AppendResult.DUPLICATE;
      }
      if (!event.seq().equals(lastHeld.next())) {
        throw new SeqGapException(origin, lastHeld.next(), event.seq());
      }
      quarantine.put(event);
      return AppendResult.QUARANTINED;
    }
    if (!event.seq().equals(held.next())) {
      throw new SeqGapException(origin, held.next(), event.seq());
    }
    try {
      clock.receive(event.hlc());
    } catch (ClockDriftException e) {
      quarantine.put(event);
      return AppendResult.QUARANTINED;
    }
    write(event, canonical != null ? canonical : EventCodec.encode(event));
    return AppendResult.APPENDED;
  }

  /** Retries every quarantined origin; returns how many events were appended from quarantine. */
  public synchronized int retryQuarantine() {
    int appended = 0;
    for (Origin origin : quarantine.origins()) {
      appended += retryQuarantine(origin);
    }
    return appended;
  }

  private int retryQuarantine(Origin origin) {
    int appended = 0;
    for (Event held = quarantine.first(origin); held != null; held = quarantine.first(origin)) {
      Seq hw = highWater(origin);
      if (held.seq().compareTo(hw) <= 0) {
        quarantine.remove(held);
        continue;
      }
      if (!held.seq().equals(hw.next())) {
        break;
      }
      try {
        clock.receive(held.hlc());
      } catch (ClockDriftException e) {
        break;
      }
      write(held, EventCodec.encode(held));
      quarantine.remove(held);
      appended++;
    }
    return appended;
  }

  /** A checker that predicts, without writing, what {@link #appendForeign} would do with a batch. */
  public synchronized Admission admission() {
    TreeMap<Origin, Seq> heldBack = new TreeMap<>();
    for (Origin o : quarantine.origins()) {
      heldBack.put(o, quarantine.last(o));
    }
    return new Admission(local, highWater, heldBack, clock);
  }

  private void write(Event event, byte[] bytes) {
    if (torn) {
      throw DiskFullException.torn(paths.queue());
    }
    space.secure(bytes.length + EntryFormat.HEADER + 64L);
    ExcerptAppender appender = appenders.get();
    try (DocumentContext dc = appender.writingDocument()) {
      EntryFormat.write(dc.wire().bytes(), bytes);
    } catch (InternalError e) {
      // the mapped page could not be backed (the file system filled up under us, past the reserve):
      // this entry is torn; it was not acknowledged, and recovery cuts it when the ledger reopens
      torn = true;
      throw DiskFullException.torn(paths.queue());
    }
    lastIndex = appender.lastIndexAppended();
    last = event.id();
    entries++;
    highWater.put(event.origin(), event.seq());
    maxHlc = Hlc.max(maxHlc, event.hlc());
    if (++sinceSnapshot >= SNAPSHOT_EVERY) {
      try {
        snapshot();
      } catch (LedgerIoException e) {
        sinceSnapshot = 0; // the append itself succeeded; a missing snapshot only costs a longer scan at open
      }
    }
  }

  /**
   * Makes every acknowledged append durable against power loss (msync of the current cycle
   * file). Call once per batch.
   */
  public synchronized void sync() {
    checkOpen();
    appenders.get().sync();
  }

  public synchronized Seq highWater(Origin origin) {
    return highWater.getOrDefault(origin, Seq.NONE);
  }

  public synchronized LedgerState state() {
    return new LedgerState(lastIndex, last, entries, maxHlc, highWater);
  }

  /** The clock's current value (the greatest HLC handed out or merged). */
  public Hlc clockNow() {
    return clock.current();
  }

  public synchronized int quarantined() {
    return quarantine.size();
  }

  /** A reader over the same queue (closing it does not close the ledger). */
  public LedgerReader reader() {
    return new LedgerReader(paths, queue, false);
  }

  private void snapshot() {
    state().write(paths.state());
    sinceSnapshot = 0;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ledger is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!torn) {
        snapshot();
        LedgerHead.write(paths, lastIndex);
      }
    } catch (LedgerIoException e) {
      // the snapshot and the head are derived: without them the next open scans more and readers open the queue
    } finally {
      queue.close();
      lock.close();
    }
  }
}
