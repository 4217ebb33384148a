package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.output.Json;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every home recovers (issue 12, findings 3, 4 and 5) through the real command line: a damaged
 * queue header is reported, never shown as "0 entries", and the home is restored from sealed
 * artifacts (its own store or a target); a broken view.db is set aside and rebuilt; a rebuild never
 * shrinks the view unless forced.
 */
class RecoveryCliTest {
  @TempDir Path dir;
  private Path home;
  private Path target;
  private String digest;

  @BeforeEach
  void aHomeWithTwelveHundredEvents() throws Exception {
    home = dir.resolve("home");
    target = java.nio.file.Files.createDirectories(dir.resolve("target"));
    assertEquals(0, Cli.run(home, "init", "--origin", "rec-000001").code());
    StringBuilder events = new StringBuilder(
        "{\"type\":\"session.recorded\",\"session\":\"rec-000001~s\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"t\"}\n");
    for (int i = 0; i < 1200; i++) {
      events.append("{\"type\":\"message.appended\",\"session\":\"rec-000001~s\",\"ordinal\":").append(i)
          .append(",\"role\":\"user\",\"text\":\"message number ").append(i).append(" of twelve hundred\"}\n");
    }
    assertEquals(0, Cli.runWithInput(home, events.toString(), "import", "events", "-").code());
    digest = Cli.run(home, "digest").line();
  }

  private Path cq4() throws Exception {
    try (Stream<Path> files = Files.list(home.resolve("ledger/queue"))) {
      return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
    }
  }

  private void zeroHeader() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(cq4().toFile(), "rw")) {
      f.write(new byte[512]);
    }
  }

  @Test
  void aDamagedQueueHeaderIsReportedAndTheHomeIsRestoredFromItsOwnSealedArtifacts() throws Exception {
    assertEquals(0, Cli.run(home, "sync", target.toString()).code()); // seals every event into the home's store
    zeroHeader();
    Cli.Result status = Cli.run(home, "status");
    assertEquals(5, status.code(), status.out());
    assertTrue(status.err().contains("is damaged") && status.err().contains("records 1201 entries but the queue yields 0"), status.err());
    assertEquals(1, status.err().strip().lines().count(), status.err());

    Cli.Result rebuild = Cli.run(home, "rebuild");
    assertEquals(0, rebuild.code(), rebuild.err());
    assertTrue(rebuild.err().contains("restored 1201 sealed events"), rebuild.err());
    assertEquals(digest, Cli.run(home, "digest").line());
    assertEquals(1201, Cli.json(home, "status", "--json").get("ledger_entries").asLong());
  }

  @Test
  void reconcileRestoreBringsBackTheHomesOwnEventsFromATarget() throws Exception {
    assertEquals(0, Cli.run(home, "sync", target.toString()).code());
    try (Stream<Path> files = Files.walk(home.resolve("artifacts"))) { // the local store is gone too
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    zeroHeader();
    Cli.Result restore = Cli.run(home, "reconcile", target.toString(), "--restore", "--json");
    assertTrue(restore.err().contains("a new ledger was started"), restore.err());
    assertEquals(1201, Json.MAPPER.readTree(restore.out()).get("restored").asLong(), restore.out());
    assertEquals(digest, Cli.run(home, "digest").line());
  }

  @Test
  void aBrokenViewIsSetAsideAndRebuilt() throws Exception {
    Files.write(home.resolve("view.db"), "this is not a database, it was overwritten".repeat(100).getBytes(StandardCharsets.UTF_8));
    assertEquals(6, Cli.run(home, "sessions").code(), "other verbs say the view is unreadable");
    Cli.Result rebuild = Cli.run(home, "rebuild");
    assertEquals(0, rebuild.code(), rebuild.err());
    assertTrue(rebuild.err().contains("moved it aside"), rebuild.err());
    assertEquals(digest, Cli.run(home, "digest").line());
    try (Stream<Path> files = Files.list(home)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("view.db.broken-")));
    }
  }

  @Test
  void aRebuildThatWouldShrinkTheViewIsRefusedUnlessForced() throws Exception {
    byte[] needle = "message number 600 of twelve hundred".getBytes(StandardCharsets.UTF_8);
    try (RandomAccessFile f = new RandomAccessFile(cq4().toFile(), "rw")) {
      byte[] all = new byte[(int) Math.min(f.length(), 64 << 20)];
      f.readFully(all);
      int at = -1;
      for (int i = 0; i + needle.length <= all.length && at < 0; i++) {
        if (java.util.Arrays.equals(all, i, i + needle.length, needle, 0, needle.length)) {
          at = i;
        }
      }
      assertTrue(at > 0);
      f.seek(at + 8);
      f.write('X'); // one byte changed in an entry no sealed artifact holds
    }
    Cli.Result refused = Cli.run(home, "rebuild");
    assertEquals(4, refused.code(), refused.err());
    assertTrue(refused.err().contains("LOST"), "recovery reports the lost entry: " + refused.err());
    assertTrue(refused.err().contains("the ledger yields 1200 events but the current view holds 1201"), refused.err());
    assertEquals(digest, Cli.run(home, "digest").line(), "the current view is kept");
    Cli.Result forced = Cli.run(home, "rebuild", "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(forced.err().contains("1 fewer"), forced.err());
  }
}
