package dev.cairn.ledger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.clock.ManualClock;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.SessionFlagged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final Origin HOME = new Origin("home-000001");
  private static final Origin PEER = new Origin("peer-000002");
  private static final long NOW = 1_763_754_392_000L;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(NOW);

  private Ledger open() {
    return Ledger.open(new LedgerPaths(dir), HOME, clock, Duration.ofMinutes(5));
  }

  private static Draft star(String session) {
    return new Draft(SessionFlagged.starred(SessionId.parse(session), null));
  }

  private static Event peerEvent(long seq, long wall) {
    return new Event(PEER, new Seq(seq), new Hlc(wall, 0), SessionFlagged.starred(SessionId.parse("peer-000002~s" + seq), null));
  }

  private static List<Event> readAll(LedgerReader reader) {
    List<Event> out = new ArrayList<>();
    try (Cursor c = reader.fromStart()) {
      for (LedgerRecord r = c.next(); r != null; r = c.next()) {
        out.add(r.event());
      }
    }
    return out;
  }

  @Test
  void localAppendsGetConsecutiveSeqsAndIncreasingHlcs() {
    try (Ledger ledger = open()) {
      Event a = ledger.appendLocal(star("home-000001~a"));
      Event b = ledger.appendLocal(star("home-000001~b"));
      assertEquals(new Seq(1), a.seq());
      assertEquals(new Seq(2), b.seq());
      assertTrue(b.hlc().isAfter(a.hlc()));
      assertEquals(List.of(a, b), readAll(ledger.reader()));
    }
  }

  @Test
  void eventsSeqsAndClockSurviveCloseAndReopen() {
    Event last;
    try (Ledger ledger = open()) {
      for (int i = 0; i < 5; i++) {
        ledger.appendLocal(star("home-000001~s" + i));
      }
      last = ledger.appendLocal(star("home-000001~s5"));
    }
    clock.set(NOW - 60_000); // the machine's clock went back while cairn was down
    try (Ledger ledger = open()) {
      assertEquals(new Seq(6), ledger.highWater(HOME));
      Event next = ledger.appendLocal(star("home-000001~s6"));
      assertEquals(new Seq(7), next.seq());
      assertTrue(next.hlc().isAfter(last.hlc()), "clock went back across a restart");
      assertEquals(7, readAll(ledger.reader()).size());
    }
  }

  @Test
  void highWaterMarksComeFromTheSnapshotPlusTheEntriesAfterIt() throws Exception {
    try (Ledger ledger = open()) {
      ledger.appendLocal(star("home-000001~a"));
    }
    // entries appended after the snapshot was written are found by the tail scan
    try (Ledger ledger = open()) {
      ledger.appendForeign(peerEvent(1, NOW));
      ledger.appendForeign(peerEvent(2, NOW));
      Files.copy(new LedgerPaths(dir).state(), dir.resolve("old-state.json"));
    }
    Files.copy(dir.resolve("old-state.json"), new LedgerPaths(dir).state(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Ledger ledger = open()) {
      assertEquals(new Seq(2), ledger.highWater(PEER));
      assertEquals(3, ledger.state().entries());
    }
    // a snapshot that claims an entry the queue does not hold is ignored (full scan)
    Files.writeString(new LedgerPaths(dir).state(),
        "{\"entries\":99,\"high_water\":{\"peer-000002\":40},\"last\":\"peer-000002/40\",\"last_index\":12345,\"max_hlc\":\"20251121T194632.123Z-000000\"}");
    try (Ledger ledger = open()) {
      assertEquals(new Seq(2), ledger.highWater(PEER));
      assertEquals(new Seq(1), ledger.highWater(HOME));
      assertEquals(3, ledger.state().entries());
    }
  }

  @Test
  void foreignEventsAreDedupedAndMustBeContiguous() {
    try (Ledger ledger = open()) {
      assertEquals(AppendResult.APPENDED, ledger.appendForeign(peerEvent(1, NOW)));
      assertEquals(AppendResult.DUPLICATE, ledger.appendForeign(peerEvent(1, NOW)));
      SeqGapException gap = assertThrows(SeqGapException.class, () -> ledger.appendForeign(peerEvent(3, NOW)));
      assertEquals(new Seq(2), gap.expected());
      assertEquals(new Seq(3), gap.found());
      assertEquals(AppendResult.APPENDED, ledger.appendForeign(peerEvent(2, NOW)));
      assertEquals(2, readAll(ledger.reader()).size());
    }
  }

  @Test
  void farFutureForeignEventsWaitInQuarantineAndAreAppendedWhenTimeCatchesUp() {
    long future = NOW + Duration.ofMinutes(30).toMillis();
    try (Ledger ledger = open()) {
      assertEquals(AppendResult.APPENDED, ledger.appendForeign(peerEvent(1, NOW)));
      Hlc before = ledger.clockNow();
      assertEquals(AppendResult.QUARANTINED, ledger.appendForeign(peerEvent(2, future)));
      assertEquals(AppendResult.QUARANTINED, ledger.appendForeign(peerEvent(3, NOW)), "must wait behind seq 2");
      assertEquals(AppendResult.DUPLICATE, ledger.appendForeign(peerEvent(2, future)));
      assertEquals(before, ledger.clockNow(), "quarantined events must not move the clock");
      assertEquals(1, readAll(ledger.reader()).size());
      assertEquals(2, ledger.quarantined());
    }
    clock.set(future - 1_000);
    try (Ledger ledger = open()) { // retried on open
      assertEquals(new Seq(3), ledger.highWater(PEER));
      assertEquals(0, ledger.quarantined());
      assertEquals(3, readAll(ledger.reader()).size());
    }
  }

  @Test
  void admissionPredictsAppendsWithoutWriting() {
    try (Ledger ledger = open()) {
      ledger.appendForeign(peerEvent(1, NOW));
      Admission check = ledger.admission();
      assertEquals(AppendResult.DUPLICATE, check.check(peerEvent(1, NOW)));
      assertEquals(AppendResult.APPENDED, check.check(peerEvent(2, NOW)));
      assertEquals(AppendResult.APPENDED, check.check(peerEvent(3, NOW)));
      assertThrows(SeqGapException.class, () -> check.check(peerEvent(5, NOW)));
      assertEquals(new Seq(1), ledger.highWater(PEER));
      assertEquals(1, readAll(ledger.reader()).size());
    }
  }

  @Test
  void aSecondWriterIsRefusedWithAClearError() {
    try (Ledger first = open()) {
      LedgerLockedException e = assertThrows(LedgerLockedException.class, this::open);
      assertTrue(e.getMessage().contains("another cairn process"), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      first.appendLocal(star("home-000001~a"));
    }
    try (Ledger again = open()) {
      assertEquals(new Seq(1), again.highWater(HOME));
    }
  }

  @Test
  void readersNeedNoLockAndSeeWhatTheWriterAppended() {
    try (Ledger ledger = open(); LedgerReader reader = LedgerReader.open(new LedgerPaths(dir))) {
      ledger.appendLocal(star("home-000001~a"));
      assertEquals(1, readAll(reader).size());
      assertEquals(new Seq(1), reader.state().highWater(HOME));
      assertTrue(reader.headIndex() >= 0);
    }
  }

  @Test
  void cursorsStartFromAnIndexOrAfterIt() {
    try (Ledger ledger = open()) {
      List<Long> indexes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ledger.appendLocal(star("home-000001~s" + i));
        indexes.add(ledger.state().lastIndex());
      }
      LedgerReader reader = ledger.reader();
      try (Cursor from = reader.from(indexes.get(2)); Cursor after = reader.after(indexes.get(2))) {
        assertEquals(new Seq(3), from.next().event().seq());
        assertEquals(new Seq(4), after.next().event().seq());
        assertNull(after.next());
      }
      assertThrows(IndexNotFoundException.class, () -> reader.from(indexes.get(3) + 1000));
    }
  }

  @Test
  void aNamedCursorResumesWhereItStoppedAcrossReopen() {
    try (Ledger ledger = open()) {
      for (int i = 0; i < 5; i++) {
        ledger.appendLocal(star("home-000001~s" + i));
      }
      try (Cursor c = ledger.reader().named("indexer")) {
        assertEquals(new Seq(1), c.next().event().seq());
        assertEquals(new Seq(2), c.next().event().seq());
      }
    }
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(dir)); Cursor c = reader.named("indexer")) {
      assertEquals(new Seq(3), c.next().event().seq());
    }
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(dir)); Cursor other = reader.named("another")) {
      assertEquals(new Seq(1), other.next().event().seq(), "names are independent");
    }
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(dir))) {
      CursorNameException e = assertThrows(CursorNameException.class, () -> reader.named("../x"));
      assertTrue(e.getMessage().contains("found '../x'"), e.getMessage());
      assertEquals(CairnException.Kind.BAD_INPUT, e.kind());
    }
  }

  @Test
  void nextOfSkipsOtherOriginsAndRemembersWhereItGot() {
    try (Ledger ledger = open()) {
      ledger.appendLocal(star("home-000001~a"));
      ledger.appendForeign(peerEvent(1, NOW));
      ledger.appendLocal(new Draft(new dev.cairn.ledger.event.SessionRenamed(SessionId.parse("home-000001~a"), "x".repeat(480), null)));
      ledger.appendForeign(peerEvent(2, NOW));
      try (Cursor c = ledger.reader().fromStart()) {
        assertEquals(new Seq(1), c.nextOf(HOME).event().seq());
        assertEquals(new Seq(2), c.nextOf(HOME).event().seq());
        assertNull(c.nextOf(HOME));
        assertEquals(ledger.state().lastIndex(), c.lastIndex(), "skipped entries count as read");
      }
      try (Cursor c = ledger.reader().fromStart()) {
        assertEquals(new Seq(1), c.nextOf(PEER).event().seq());
        assertEquals(new Seq(2), c.nextOf(PEER).event().seq());
      }
    }
  }

  @Test
  void followModeSeesAppendsFromAnotherThread() throws Exception {
    try (Ledger ledger = open()) {
      List<Seq> seen = new CopyOnWriteArrayList<>();
      Thread follower = new Thread(() -> {
        try (Cursor c = ledger.reader().fromStart()) {
          while (seen.size() < 50) {
            LedgerRecord r = c.next(Duration.ofSeconds(10));
            if (r == null) {
              return;
            }
            seen.add(r.event().seq());
          }
        }
      });
      follower.start();
      for (int i = 0; i < 50; i++) {
        ledger.appendLocal(star("home-000001~s" + i));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 50);
      follower.join();
      for (int i = 0; i < 50; i++) {
        assertEquals(new Seq(i + 1), seen.get(i));
      }
    }
  }

  @Test
  void openingAMissingLedgerForReadingSaysToInit() {
    LedgerMissingException e = assertThrows(LedgerMissingException.class, () -> LedgerReader.open(new LedgerPaths(dir.resolve("nope"))));
    assertTrue(e.getMessage().contains("cairn init"));
  }
}
