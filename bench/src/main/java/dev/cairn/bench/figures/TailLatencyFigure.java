package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.bench.Workload;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.ledger.event.Event;
import dev.cairn.projection.View;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code tail-latency}: from an append returning to the entry being delivered to a follower
 * thread (p50/p99/p99.9, µs), and from an append to its event being committed in the view by a
 * follower that catches up as entries arrive (p50/p99, ms). Appends are paced (one every 200 µs for
 * delivery, one per millisecond for the view) so the figure is latency, not queueing.
 */
public final class TailLatencyFigure {
  private TailLatencyFigure() {}

  public static List<Figure> run(Path dir, int samples) throws Exception {
    List<Event> events = new ArrayList<>();
    Workload w = new Workload(3, samples * 2L);
    while (w.hasNext()) {
      events.add(w.next());
    }
    try (Ledger ledger = Ledger.open(new LedgerPaths(dir.resolve("ledger")), new Origin("bench-tail"), PhysicalClock.SYSTEM, Duration.ofDays(36500))) {
      long[] appended = new long[samples];
      long[] delivered = new long[samples];
      Thread follower = new Thread(() -> {
        try (Cursor c = ledger.reader().fromStart()) {
          for (int i = 0; i < samples; i++) {
            LedgerRecord r = c.next(Duration.ofSeconds(30));
            if (r == null) {
              return;
            }
            delivered[i] = System.nanoTime();
          }
        }
      });
      follower.start();
      for (int i = 0; i < samples; i++) {
        ledger.appendForeign(events.get(i));
        appended[i] = System.nanoTime();
        pause(200_000);
      }
      follower.join();
      long[] deliveryNanos = new long[samples];
      for (int i = 0; i < samples; i++) {
        deliveryNanos[i] = Math.max(0, delivered[i] - appended[i]);
      }
      Arrays.sort(deliveryNanos);

      int viewSamples = Math.min(samples, 1000);
      long[] visible = view(dir, ledger, events.subList(samples, samples + viewSamples));
      Arrays.sort(visible);
      return List.of(
          Figure.cost("tail-latency-p50", deliveryNanos[samples / 2] / 1e3, "µs", "goal p99 < 1000 µs", 1000, samples + " paced appends"),
          Figure.cost("tail-latency-p99", deliveryNanos[(int) (samples * 0.99)] / 1e3, "µs", "goal < 1000 µs", 1000, ""),
          Figure.cost("tail-latency-p999", deliveryNanos[Math.min(samples - 1, (int) (samples * 0.999))] / 1e3, "µs", "-", Double.NaN, ""),
          Figure.cost("view-latency-p50", visible[viewSamples / 2] / 1e6, "ms", "goal < 50 ms", 50, viewSamples + " appends, 1 per ms"),
          Figure.cost("view-latency-p99", visible[(int) (viewSamples * 0.99)] / 1e6, "ms", "goal < 50 ms", 50, ""));
    }
  }

  /** Appends one event per millisecond while a follower catches the view up; returns append-to-commit nanos. */
  private static long[] view(Path dir, Ledger ledger, List<Event> events) throws Exception {
    int n = events.size();
    long[] appended = new long[n];
    long[] visible = new long[n];
    long base = ledger.state().entries();
    try (View view = View.open(dir.resolve("view.db"))) {
      view.catchUp(ledger.reader());
      Thread follower = new Thread(() -> {
        try (Cursor c = ledger.reader().after(ledger.state().lastIndex())) {
          int seen = 0;
          while (seen < n) {
            if (c.next(Duration.ofSeconds(30)) == null) {
              return;
            }
            view.catchUp(ledger.reader());
            long now = System.nanoTime();
            long applied = view.position().entries() - base;
            while (seen < Math.min(applied, n)) {
              visible[seen++] = now;
            }
            while (c.next() != null) {
              // drained: those entries were just applied
            }
          }
        }
      });
      follower.start();
      for (int i = 0; i < n; i++) {
        ledger.appendForeign(events.get(i));
        appended[i] = System.nanoTime();
        pause(1_000_000);
      }
      follower.join();
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.max(0, visible[i] - appended[i]);
    }
    return out;
  }

  private static void pause(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      LockSupport.parkNanos(Math.min(50_000, until - System.nanoTime()));
    }
  }
}
