package dev.cairn.ledger;

import dev.cairn.ledger.event.Event;
import java.util.TreeMap;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Brings a {@link LedgerState} up to the end of the queue: trusts the snapshot only if the entry
 * at its {@code lastIndex} exists with the recorded id, then scans the entries after it; falls
 * back to a full scan otherwise. A queue that yields fewer entries than the (checksummed) snapshot
 * records is damaged: {@link LedgerUnreadableException}. Stateless.
 */
final class StateScanner {
  private StateScanner() {}

  static LedgerState load(SingleChronicleQueue queue, LedgerState snapshot, Repairs repairs) {
    LedgerState base = snapshot == null ? LedgerState.EMPTY : snapshot;
    try (ExcerptTailer tailer = queue.createTailer()) {
      tailer.singleThreadedCheckDisabled(true);
      Cursor cursor = new Cursor(tailer, repairs);
      if (base.lastIndex() >= 0 && !positionAfter(tailer, cursor, base)) {
        base = LedgerState.EMPTY;
        tailer.toStart();
      }
      LedgerState state = scan(cursor, base);
      // entries recovery skipped (torn, lost) may account for a shortfall; anything more is damage
      if (snapshot != null && state.entries() + repairs.lostEntries().size() < snapshot.entries()) {
        throw new LedgerUnreadableException(queue.file().toPath(), snapshot.entries(), state.entries());
      }
      return state;
    }
  }

  private static boolean positionAfter(ExcerptTailer tailer, Cursor cursor, LedgerState base) {
    if (!tailer.moveToIndex(base.lastIndex())) {
      return false;
    }
    LedgerRecord at = cursor.next();
    return at != null && at.index() == base.lastIndex() && at.event().id().equals(base.last());
  }

  private static LedgerState scan(Cursor cursor, LedgerState base) {
    TreeMap<Origin, Seq> hw = new TreeMap<>(base.highWater());
    long lastIndex = base.lastIndex();
    EventId last = base.last();
    long entries = base.entries();
    Hlc max = base.maxHlc();
    for (LedgerRecord r = cursor.next(); r != null; r = cursor.next()) {
      Event e = r.event();
      hw.merge(e.origin(), e.seq(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      max = Hlc.max(max, e.hlc());
      lastIndex = r.index();
      last = e.id();
      entries++;
    }
    return new LedgerState(lastIndex, last, entries, max, hw);
  }
}
