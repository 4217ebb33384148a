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

  /** A ledger holding {@code events} events of the synthetic workload (all foreign to its own origin). */
  static Path ledger(Path dir, long events) {
    return ledger(dir, events, WorkloadShape.SYNTHETIC);
  }

  /** A ledger holding {@code events} events of the {@code shape} workload (all foreign to its own origin). */
  static Path ledger(Path dir, long events, WorkloadShape shape) {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    try (Ledger ledger = Ledger.open(paths, OBSERVER, PhysicalClock.SYSTEM, Duration.ofDays(36500))) {
      java.util.Iterator<Event> w = shape.events(SEED, events);
      while (w.hasNext()) {
        Event e = w.next();
        ledger.appendForeign(e);
      }
      ledger.sync();
    }
    return dir;
  }

  /** Disk bytes (allocated blocks, as {@code du} counts them: Chronicle's files are sparse) under {@code dir}. */
  static long diskBytes(Path dir) {
    try {
      Process p = new ProcessBuilder("du", "-s", "--block-size=1", dir.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      p.waitFor();
      return Long.parseLong(out.split("\\s+")[0]);
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Ledger and view bytes per event of the ledger under {@code home}. */
  static Figure storage(Path home, long events, long viewBytes) {
    long ledger = diskBytes(home.resolve("ledger"));
    return Figure.plain("storage-real-shaped", ledger / (double) events, "ledger B/event",
        String.format("ledger %.1f MB on disk, view %.1f MB (%.0f B/event) for %d events", ledger / 1e6, viewBytes / 1e6,
            viewBytes / (double) events, events));
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
