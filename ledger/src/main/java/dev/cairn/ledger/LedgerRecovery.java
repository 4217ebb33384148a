package dev.cairn.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Recovery of a ledger, in one place, run by the writer when opening meets an unreadable entry
 * (from the last trusted snapshot to the end) and by {@code cairn rebuild} (the whole ledger). Every entry is read and
 * checked ({@link EntryFormat}); for each unreadable one it decides:
 *
 * <ul>
 *   <li><b>a torn tail</b> — unreadable entries with no readable entry after them: an append that
 *       never completed (a kill or a full disk in the middle of a write), so it was never
 *       acknowledged. Skipped ({@code .lost}, "torn tail").
 *   <li><b>healed</b> — an unreadable entry in the middle whose event a sealed artifact still holds:
 *       the {@link EventSource} finds the canonical line with the entry's stored CRC32C and length;
 *       it is read in place of the entry from then on ({@code .healed}).
 *   <li><b>lost</b> — an unreadable entry in the middle that no sealed copy matches: skipped and
 *       reported, so the ledger is usable again without it.
 * </ul>
 *
 * Decisions go to {@link Repairs} (the queue is never rewritten, so stored indices stay valid),
 * one line each to {@code ledger/recovery.log}, and are returned for the caller to print once.
 * Runs under the writer lock; not thread-safe.
 */
public final class LedgerRecovery {
  /** Where an unreadable entry's event may still exist: the sealed artifacts of this home. */
  @FunctionalInterface
  public interface EventSource {
    /** The canonical line of {@code length} bytes whose CRC32C is {@code crc}, if a sealed artifact holds one. */
    Optional<byte[]> find(int crc, int length);

    EventSource NONE = (crc, length) -> Optional.empty();
  }

  private LedgerRecovery() {}

  /** What one unreadable entry was: its index, its stored checksum and length if it had them. */
  private record Damaged(long index, Integer crc, long length, String problem) {}

  /**
   * Checks the entries after queue index {@code fromIndex} ({@code -1}: all) and repairs what is
   * unreadable; returns one line per decision (empty when all is well).
   */
  static List<String> run(LedgerPaths paths, SingleChronicleQueue queue, long fromIndex, EventSource source) {
    Repairs repairs = Repairs.load(paths);
    List<Damaged> damaged = new ArrayList<>();
    long lastGood = -1;
    try (ExcerptTailer tailer = queue.createTailer()) {
      tailer.singleThreadedCheckDisabled(true);
      if (fromIndex >= 0 && !tailer.moveToIndex(fromIndex)) {
        tailer.toStart();
      }
      while (true) {
        try (DocumentContext dc = tailer.readingDocument()) {
          if (!dc.isPresent()) {
            break;
          }
          long index = dc.index();
          if (repairs.lost(index) || repairs.healed(index).isPresent()) {
            continue;
          }
          Bytes<?> bytes = dc.wire().bytes();
          Integer crc = EntryFormat.storedCrc(bytes);
          long length = bytes.readRemaining();
          try {
            EntryFormat.read(bytes, index);
            lastGood = index;
          } catch (LedgerCorruptException e) {
            damaged.add(new Damaged(index, crc, length, e.getMessage()));
          }
        }
      }
    }
    List<String> done = new ArrayList<>();
    for (Damaged d : damaged) {
      if (d.index() > lastGood) {
        Repairs.recordLost(paths, d.index(), "torn tail: an append that never completed, so never acknowledged (" + d.problem() + ")");
        done.add("ledger entry " + d.index() + ": cut off as a torn tail (an append that never completed; it was never acknowledged)");
        continue;
      }
      Optional<byte[]> copy = d.crc() == null ? Optional.empty() : source.find(d.crc(), (int) (d.length() - EntryFormat.HEADER));
      if (copy.isPresent()) {
        Repairs.recordHealed(paths, d.index(), copy.get());
        done.add("ledger entry " + d.index() + ": unreadable, healed from a sealed artifact (" + EventIdText.of(copy.get()) + ")");
      } else {
        Repairs.recordLost(paths, d.index(), "unreadable and no sealed copy matches (" + d.problem() + ")");
        done.add("ledger entry " + d.index() + ": unreadable and no sealed artifact holds its event: that event is LOST (skipped from now on;"
            + " a peer that has it restores it with 'cairn reconcile TARGET --restore')");
      }
    }
    log(paths, done);
    return done;
  }

  /**
   * Moves a damaged queue (and what recovery recorded about it, and the snapshot) aside to {@code
   * ledger/damaged-<time>/} for inspection, so that a new queue can start; returns the line to report.
   */
  static String setAside(LedgerPaths paths, LedgerUnreadableException damage) {
    java.nio.file.Path aside = paths.root().resolve("damaged-" + Instant.now().toString().replace(":", ""));
    try {
      Files.createDirectories(aside);
      Files.move(paths.queue(), aside.resolve("queue"));
      if (Files.exists(paths.repairs())) {
        Files.move(paths.repairs(), aside.resolve("repairs"));
      }
      if (Files.exists(paths.state())) {
        Files.move(paths.state(), aside.resolve("state.json"));
      }
      DurableFile.fsyncDirectory(paths.root());
    } catch (IOException e) {
      throw new LedgerIoException("move the damaged ledger aside to", aside, e);
    }
    String line = "the ledger queue was damaged (" + damage.readable() + " of " + damage.recorded() + " entries readable): moved aside to "
        + aside + "; a new ledger was started and sealed events are restored into it";
    log(paths, List.of(line));
    return line;
  }

  private static void log(LedgerPaths paths, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    Instant now = Instant.now();
    lines.forEach(l -> sb.append(now).append(' ').append(l).append('\n'));
    try {
      Files.createDirectories(paths.root());
      Files.write(paths.recoveryLog(), sb.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new LedgerIoException("append to", paths.recoveryLog(), e);
    }
  }

  /** "origin/seq" of a canonical event line, for messages. */
  private static final class EventIdText {
    static String of(byte[] line) {
      try {
        var env = dev.cairn.ledger.event.Envelope.scan(line);
        return env.origin() + "/" + env.seq().value();
      } catch (EventFormatException e) {
        return "an event";
      }
    }
  }
}
