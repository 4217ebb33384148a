package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.bench.Workload;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * {@code append}: ledger appends of canonical events (foreign events whose canonical bytes are at
 * hand, as sync appends them), events/s, beside raw Chronicle appends of the same bytes into a
 * fresh queue. {@code append-local}: local appends (stamp + encode), same ceiling.
 */
public final class AppendFigure {
  private AppendFigure() {}

  public static List<Figure> run(Path dir, int count) {
    List<Event> events = new ArrayList<>(count);
    List<byte[]> bytes = new ArrayList<>(count);
    Workload w = new Workload(7, count);
    while (w.hasNext()) {
      Event e = w.next();
      events.add(e);
      bytes.add(EventCodec.encode(e));
    }
    double raw = raw(dir.resolve("raw"), bytes);
    double ledger;
    try (Ledger l = Ledger.open(new LedgerPaths(dir.resolve("ledger")), new Origin("bench-append"), PhysicalClock.SYSTEM, Duration.ofDays(36500))) {
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        l.appendForeign(events.get(i), bytes.get(i));
      }
      ledger = count / ((System.nanoTime() - t0) / 1e9);
    }
    double local;
    try (Ledger l = Ledger.open(new LedgerPaths(dir.resolve("local")), new Origin("bench-local"), PhysicalClock.SYSTEM, Duration.ofDays(36500))) {
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        l.appendLocal(new Draft(events.get(i).body(), events.get(i).unknown()));
      }
      local = count / ((System.nanoTime() - t0) / 1e9);
    }
    return List.of(
        Figure.throughput("append", ledger, "events/s", "raw Chronicle appends of the same bytes", raw, count + " events"),
        Figure.throughput("append-local", local, "events/s", "raw Chronicle appends of the same bytes", raw,
            "stamp + canonical encode included"));
  }

  private static double raw(Path dir, List<byte[]> bytes) {
    try (SingleChronicleQueue q = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).build();
        ExcerptAppender a = q.createAppender()) {
      long t0 = System.nanoTime();
      for (byte[] b : bytes) {
        try (DocumentContext dc = a.writingDocument()) {
          dc.wire().bytes().write(b);
        }
      }
      return bytes.size() / ((System.nanoTime() - t0) / 1e9);
    }
  }
}
