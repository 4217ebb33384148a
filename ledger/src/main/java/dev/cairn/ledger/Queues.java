package dev.cairn.ledger;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Opens the Chronicle Queue under a ledger the same way for writers and readers, but for the size
 * of the blocks it maps: a writer maps 64 MB at a time (an entry may be up to a quarter of a
 * block, and an event up to 8 MB), a reader 16 MB (it reads entries of any size across blocks,
 * and two mapped blocks are most of a reading verb's resident memory: 240 MB instead of 340 MB
 * for a rebuild, measured).
 */
final class Queues {
  static final long WRITER_BLOCK = 64L << 20;
  static final long READER_BLOCK = 16L << 20;

  private Queues() {}

  static SingleChronicleQueue open(LedgerPaths paths) {
    return open(paths, WRITER_BLOCK);
  }

  static SingleChronicleQueue openForReading(LedgerPaths paths) {
    return open(paths, READER_BLOCK);
  }

  private static SingleChronicleQueue open(LedgerPaths paths, long blockSize) {
    if (!Boolean.getBoolean("chronicle.analytics.disable")) {
      // Defence in depth: the launcher, the jar and the tests all set it; never phone home.
      System.setProperty("chronicle.analytics.disable", "true");
    }
    return SingleChronicleQueueBuilder.single(paths.queue().toFile())
        .rollCycle(RollCycles.FAST_DAILY)
        .blockSize(blockSize)
        .timeoutMS(2_000)
        .build();
  }
}
