package dev.cairn.ledger;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Opens the Chronicle Queue under a ledger the same way for writers and readers. */
final class Queues {
  private Queues() {}

  static SingleChronicleQueue open(LedgerPaths paths) {
    if (!Boolean.getBoolean("chronicle.analytics.disable")) {
      // Defence in depth: the launcher, the jar and the tests all set it; never phone home.
      System.setProperty("chronicle.analytics.disable", "true");
    }
    return SingleChronicleQueueBuilder.single(paths.queue().toFile())
        .rollCycle(RollCycles.FAST_DAILY)
        .timeoutMS(2_000)
        .build();
  }
}
