package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerCorruptException;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.QueueDamage;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.SessionRenamed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoding thread hands over every entry in order across chunk boundaries, passes a failure to
 * the consumer instead of swallowing it, and stops when closed even while it waits on a full queue.
 */
class DecodingCursorTest {
  private static final SessionId S = SessionId.parse("home-000001~s");
  @TempDir Path dir;

  private LedgerPaths ledgerOf(int entries) {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    try (Ledger ledger = Ledger.open(paths, new Origin("home-000001"))) {
      for (int i = 0; i < entries; i++) {
        ledger.appendLocal(new Draft(new SessionRenamed(S, String.format("title %06d", i), null)));
      }
      ledger.sync();
    }
    return paths;
  }

  @Test
  void everyEntryComesInOrderAcrossChunksThenTheEnd() {
    int n = DecodingCursor.CHUNK * 3 + 7;
    LedgerPaths paths = ledgerOf(n);
    try (LedgerReader reader = LedgerReader.open(paths); DecodingCursor c = new DecodingCursor(reader, -1)) {
      long lastIndex = -1;
      for (int i = 0; i < n; i++) {
        DecodingCursor.Decoded d = c.next();
        assertTrue(d.index() > lastIndex, "indices grow");
        lastIndex = d.index();
        assertEquals(String.format("title %06d", i), ((SessionRenamed) d.event().body()).title());
      }
      assertNull(c.next(), "the end");
      assertNull(c.next(), "and it stays the end");
    }
  }

  @Test
  void aDamagedEntryReachesTheConsumerAfterTheEntriesBeforeIt() throws Exception {
    int n = DecodingCursor.CHUNK + 50;
    int damaged = DecodingCursor.CHUNK + 10;
    LedgerPaths paths = ledgerOf(n);
    QueueDamage.overwrite(paths.queue(), String.format("title %06d", damaged), String.format("title %06d", damaged + 1));
    try (LedgerReader reader = LedgerReader.open(paths); DecodingCursor c = new DecodingCursor(reader, -1)) {
      for (int i = 0; i < damaged; i++) {
        assertEquals(String.format("title %06d", i), ((SessionRenamed) c.next().event().body()).title());
      }
      LedgerCorruptException e = assertThrows(LedgerCorruptException.class, c::next);
      assertTrue(e.getMessage().contains("CRC32C"), e.getMessage());
    }
  }

  @Test
  void closingWhileTheDecoderWaitsOnAFullQueueStopsIt() {
    LedgerPaths paths = ledgerOf(DecodingCursor.CHUNK * (DecodingCursor.CHUNKS + 4));
    try (LedgerReader reader = LedgerReader.open(paths)) {
      DecodingCursor c = new DecodingCursor(reader, -1);
      assertEquals("title 000000", ((SessionRenamed) c.next().event().body()).title()); // the decoder has started and will fill the queue
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decoder() != null && decoder().getState() == Thread.State.TIMED_WAITING);
      Thread running = decoder();
      c.close();
      assertFalse(running.isAlive(), "close returns once the decoder has stopped");
    }
  }

  /** The decoding thread, if one is alive. */
  private static Thread decoder() {
    Set<Thread> all = Thread.getAllStackTraces().keySet();
    return all.stream().filter(t -> t.getName().equals("cairn-decoder") && t.isAlive()).findFirst().orElse(null);
  }
}
