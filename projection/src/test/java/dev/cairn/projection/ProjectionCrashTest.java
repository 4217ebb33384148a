package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.ChildJvm;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRenamed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM catches up a view of a 30k-event ledger and is SIGKILLed at random moments, 20
 * times. After every kill the view's counters match exactly the ledger entries up to its stored
 * position (nothing applied twice, nothing skipped), and a copy of it, caught up to the end,
 * has the digest of a fresh rebuild.
 */
class ProjectionCrashTest {
  private static final int SESSIONS = 300;
  private static final int MESSAGES = 100;
  @TempDir Path dir;

  @Test
  void aKilledProjectionResumesToTheRebuildDigest() throws Exception {
    Path home = Files.createDirectory(dir.resolve("home"));
    fill(home);
    String expected;
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      Rebuild.run(reader, dir.resolve("reference.db"), ProgressListener.NONE);
    }
    try (View reference = View.open(dir.resolve("reference.db"))) {
      expected = reference.digest();
    }
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Process child = ChildJvm.start(ProjectingChild.class, home.toString(), "50");
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());
      int batches = 1 + random.nextInt(25);
      for (int i = 0; i < batches; i++) {
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("batch"), "round " + round + ": child finished early: " + line);
      }
      Thread.sleep(random.nextInt(20));
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      verify(home, expected, round);
    }
  }

  private void verify(Path home, String expected, int round) throws Exception {
    Path copy = Files.createDirectories(dir.resolve("copy-" + round));
    for (String name : new String[] {"view.db", "view.db-wal"}) {
      if (Files.exists(home.resolve(name))) {
        Files.copy(home.resolve(name), copy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")));
        View view = View.open(copy.resolve("view.db"))) {
      Position p = view.position();
      long entries = 0;
      try (Cursor c = reader.fromStart()) {
        for (LedgerRecord r = c.next(); r != null && r.index() <= p.ledgerIndex(); r = c.next()) {
          entries++;
        }
      }
      assertTrue(entries > 0, "round " + round + ": nothing was committed");
      assertEquals(entries, p.entries(), "round " + round + ": applied twice or skipped");
      view.catchUp(reader);
      assertEquals(expected, view.digest(), "round " + round + ": resumed view differs from rebuild");
    }
  }

  private static void fill(Path home) {
    try (Ledger ledger = Homes.ledger(home)) {
      for (int s = 0; s < SESSIONS; s++) {
        SessionId id = SessionId.parse("observer-000000~session-" + s);
        ledger.appendLocal(new Draft(Scenario.recorded(id, "session " + s, null)));
        for (int m = 0; m < MESSAGES; m++) {
          ledger.appendLocal(new Draft(Scenario.message(id, m, "message " + m + " of session " + s + " about topic " + (m * s % 17))));
        }
        ledger.appendLocal(new Draft(SessionFlagged.starred(id, null)));
        ledger.appendLocal(new Draft(new SessionRenamed(id, "renamed " + s, null)));
      }
    }
  }
}
