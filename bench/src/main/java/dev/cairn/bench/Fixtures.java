package dev.cairn.bench;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.ledger.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Builds the data figures run on: ledgers filled from the {@link Workload}. Stateless. */
final class Fixtures {
  static final Origin OBSERVER = new Origin("bench-observer");
  static final long SEED = 20261121L;

  private Fixtures() {}

  /** A ledger holding {@code events} events of the workload (all foreign to its own origin). */
  static Path ledger(Path dir, long events) {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    try (Ledger ledger = Ledger.open(paths, OBSERVER, PhysicalClock.SYSTEM, Duration.ofDays(36500))) {
      Workload w = new Workload(SEED, events);
      while (w.hasNext()) {
        Event e = w.next();
        ledger.appendForeign(e);
      }
      ledger.sync();
    }
    return dir;
  }

  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
