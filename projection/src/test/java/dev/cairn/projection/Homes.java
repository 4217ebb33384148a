package dev.cairn.projection;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.clock.ManualClock;
import java.nio.file.Path;
import java.time.Duration;

/** Test helper: a ledger of an observing machine under a directory, with a clock near the scenario's time. */
final class Homes {
  static final Origin OBSERVER = new Origin("observer-000000");

  private Homes() {}

  static Ledger ledger(Path dir) {
    return Ledger.open(new LedgerPaths(dir.resolve("ledger")), OBSERVER, new ManualClock(Scenario.T0 + 60_000), Duration.ofMinutes(5));
  }
}
