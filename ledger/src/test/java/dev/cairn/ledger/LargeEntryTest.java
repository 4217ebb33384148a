package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.Usage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader maps smaller blocks than a writer ({@link Queues}): entries as large as an event may be
 * (8 MB), written across several of a reader's blocks, read back whole and verified.
 */
class LargeEntryTest {
  @TempDir Path dir;

  @Test
  void eventsOfTheLargestSizeReadBackThroughTheReadersSmallerBlocks() {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    Origin o = new Origin("lap-000001");
    int size = dev.cairn.ledger.json.JsonInput.MAX_DOCUMENT_BYTES - 300;
    try (Ledger ledger = Ledger.open(paths, o)) {
      for (int i = 0; i < 5; i++) {
        ledger.appendLocal(new Draft(new MessageAppended(new SessionId(o, "s"), i, "user", Character.toString('a' + i).repeat(size), null,
            null, null, List.of(), Usage.NONE)));
      }
    }
    try (LedgerReader reader = LedgerReader.open(paths); Cursor c = reader.fromStart()) {
      int n = 0;
      for (LedgerRecord r = c.next(); r != null; r = c.next()) {
        MessageAppended m = (MessageAppended) r.event().body();
        assertEquals(Character.toString('a' + n).repeat(size), m.text());
        n++;
      }
      assertEquals(5, n);
    }
  }
}
