package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.SessionFlagged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closed head is believed only after a writer closed the ledger and while none holds it. */
class LedgerHeadTest {
  @TempDir Path dir;

  @Test
  void knownAfterACloseUnknownWhileAWriterHoldsTheLedger() {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    Origin o = new Origin("lap-000001");
    long last;
    try (Ledger ledger = Ledger.open(paths, o, PhysicalClock.SYSTEM, Duration.ofDays(1))) {
      assertEquals(OptionalLong.empty(), LedgerHead.ifIdle(paths), "a fresh ledger has no closed head");
      ledger.appendLocal(new Draft(SessionFlagged.starred(new SessionId(o, "s"), null)));
      last = ledger.state().lastIndex();
    }
    assertEquals(OptionalLong.of(last), LedgerHead.ifIdle(paths));
    try (Ledger ledger = Ledger.open(paths, o, PhysicalClock.SYSTEM, Duration.ofDays(1))) {
      assertFalse(Files.exists(paths.closedHead()), "a writer removes it as it opens");
      assertTrue(LedgerHead.lockHeld(paths.writerLock()), "the lock table shows the writer");
      assertEquals(OptionalLong.empty(), LedgerHead.ifIdle(paths));
      ledger.appendLocal(new Draft(SessionFlagged.unstarred(new SessionId(o, "s"), null)));
      last = ledger.state().lastIndex();
    }
    assertFalse(LedgerHead.lockHeld(paths.writerLock()));
    assertEquals(OptionalLong.of(last), LedgerHead.ifIdle(paths));
  }

  @Test
  void aDamagedHeadIsNotBelieved() throws Exception {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    try (Ledger ledger = Ledger.open(paths, new Origin("lap-000001"), PhysicalClock.SYSTEM, Duration.ofDays(1))) {
      ledger.sync();
    }
    Files.writeString(paths.closedHead(), "12x\n");
    assertEquals(OptionalLong.empty(), LedgerHead.ifIdle(paths));
  }
}
