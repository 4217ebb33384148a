package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.clock.ManualClock;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRenamed;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry is checksummed and verified on read; recovery cuts a torn tail, heals a damaged entry
 * from a sealed copy, or reports it lost; a damaged snapshot costs a scan, never a wrong seq
 * (issue 12, findings 1, 2 and 4).
 */
class LedgerRecoveryTest {
  private static final Origin HOME = new Origin("home-000001");
  private final ManualClock clock = new ManualClock(1_763_754_392_000L);
  @TempDir Path dir;

  private Ledger open(LedgerRecovery.EventSource source) {
    return Ledger.open(new LedgerPaths(dir), HOME, clock, Duration.ofMinutes(5), source);
  }

  private static Draft rename(int i) {
    return new Draft(new SessionRenamed(SessionId.parse("home-000001~s1"), "title number " + i + " of the test", null));
  }

  private List<byte[]> appendFive(LedgerRecovery.EventSource source) {
    List<byte[]> lines = new ArrayList<>();
    try (Ledger ledger = open(source)) {
      for (int i = 1; i <= 5; i++) {
        lines.add(EventCodec.encode(ledger.appendLocal(rename(i))));
      }
    }
    return lines;
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

  private void damage(String text, String replacement) throws Exception {
    QueueDamage.overwrite(dir.resolve("queue"), text, replacement);
  }

  @Test
  void aChangedByteInAnEntryIsDetectedOnReadNamingTheEntry() throws Exception {
    appendFive(LedgerRecovery.EventSource.NONE);
    damage("title number 3", "title number 8");
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(dir))) {
      LedgerCorruptException e = assertThrows(LedgerCorruptException.class, () -> readAll(reader));
      assertTrue(e.getMessage().contains("CRC32C"), e.getMessage());
    }
  }

  @Test
  void aDamagedEntryIsHealedFromASealedCopyAndReadAsItWas() throws Exception {
    Map<Long, byte[]> sealed = new HashMap<>();
    List<byte[]> lines = appendFive(LedgerRecovery.EventSource.NONE);
    for (byte[] l : lines) {
      sealed.put(((long) EntryFormat.crc(l, 0, l.length) << 32) | l.length, l);
    }
    damage("title number 3", "title number 8");
    try (Ledger ledger = open((crc, length) -> Optional.ofNullable(sealed.get(((long) crc << 32) | length)))) {
      assertTrue(ledger.recovered().isEmpty(), "the snapshot covers every entry: open only checks what follows it");
      List<String> done = ledger.recoverAll();
      assertEquals(1, done.size(), done.toString());
      assertTrue(done.get(0).contains("healed from a sealed artifact (home-000001/3)"), done.toString());
      List<Event> events = readAll(ledger.reader());
      assertEquals(5, events.size());
      assertArrayEquals(lines.get(2), EventCodec.encode(events.get(2)));
      assertEquals(new Seq(6), ledger.appendLocal(rename(6)).seq());
    }
    assertTrue(Files.readString(dir.resolve("recovery.log")).contains("healed"));
  }

  @Test
  void aDamagedEntryWithoutACopyIsReportedLostAndTheLedgerIsUsableWithoutIt() throws Exception {
    appendFive(LedgerRecovery.EventSource.NONE);
    damage("title number 2", "title number 9");
    try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
      List<String> done = ledger.recoverAll();
      assertEquals(1, done.size());
      assertTrue(done.get(0).contains("LOST"), done.toString());
      List<Event> events = readAll(ledger.reader());
      assertEquals(List.of(1L, 3L, 4L, 5L), events.stream().map(e -> e.seq().value()).toList());
      assertEquals(new Seq(5), ledger.highWater(HOME), "the high-water mark is the greatest seq held, not a reused one");
    }
  }

  @Test
  void aTornTailIsCutAtOpenAndTheNextAppendTakesItsPlace() throws Exception {
    appendFive(LedgerRecovery.EventSource.NONE);
    Files.delete(dir.resolve("state.json")); // as after a crash: no snapshot covers the torn append
    damage("title number 5", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
    try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
      assertEquals(1, ledger.recovered().size());
      assertTrue(ledger.recovered().get(0).contains("torn tail"), ledger.recovered().toString());
      assertEquals(new Seq(4), ledger.highWater(HOME));
      assertEquals(new Seq(5), ledger.appendLocal(rename(50)).seq(), "the torn append was never acknowledged: its seq is free");
      assertEquals(5, readAll(ledger.reader()).size());
    }
  }

  @Test
  void aDamagedSnapshotCostsAFullScanNeverAWrongSeq() throws Exception {
    try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
      for (int i = 1; i <= 3000; i++) {
        ledger.appendLocal(rename(i));
      }
    }
    Path state = dir.resolve("state.json");
    String text = Files.readString(state);
    assertTrue(text.contains("\"home-000001\":3000"), text);
    Files.writeString(state, text.replace("\"home-000001\":3000", "\"home-000001\":2000")); // one flipped digit
    try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
      assertEquals(new Seq(3000), ledger.highWater(HOME));
      assertEquals(new Seq(3001), ledger.appendLocal(rename(3001)).seq());
    }
  }

  @Test
  void aQuarantineFileWhoseContentIsNotItsNameIsSetAsideNotAHang() throws Exception {
    Origin peer = new Origin("peer-000002");
    long farFuture = 1_763_754_392_000L + Duration.ofHours(2).toMillis();
    try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
      for (long seq = 1; seq <= 2; seq++) {
        ledger.appendForeign(new Event(peer, new Seq(seq), new Hlc(farFuture + seq, 0),
            SessionFlagged.starred(SessionId.parse("peer-000002~s" + seq), null)));
      }
      assertEquals(2, ledger.quarantined());
    }
    Path first = dir.resolve("quarantine/peer-000002/00000000000000000001.json");
    Path second = dir.resolve("quarantine/peer-000002/00000000000000000002.json");
    Files.copy(second, first, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // file 1 now holds event 2
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Ledger ledger = open(LedgerRecovery.EventSource.NONE)) {
        assertEquals(1, ledger.quarantined(), "the mismatched file is set aside; the good one stays held");
      }
    });
    try (Stream<Path> aside = Files.list(dir.resolve("quarantine/.damaged"))) {
      assertEquals(1, aside.count());
    }
  }
}
