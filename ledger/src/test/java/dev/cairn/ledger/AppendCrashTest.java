package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends to a ledger and is killed with SIGKILL at random moments, 20 times over the
 * same ledger. After every kill, every append the child acknowledged is in the ledger exactly
 * once, and the origin's seqs are exactly 1..high-water with no gap and no repeat.
 */
class AppendCrashTest {
  private static final Origin ORIGIN = new Origin("crash-000001");
  @TempDir Path dir;

  @Test
  void everyAcknowledgedAppendSurvivesSigkillExactlyOnce() throws Exception {
    Random random = new Random(42);
    Set<Long> acked = new HashSet<>();
    for (int round = 0; round < 20; round++) {
      Process child = ChildJvm.start(AppendingChild.class, dir.toString());
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      assertTrue(ready != null && ready.startsWith("ready"), "child did not start: " + ready);
      int killAfter = 1 + random.nextInt(3000);
      String line;
      int seen = 0;
      while (seen < killAfter && (line = out.readLine()) != null) {
        acked.add(Long.parseLong(line.substring(4)));
        seen++;
      }
      child.toHandle().destroyForcibly(); // SIGKILL on Linux; unlike Process.destroyForcibly it keeps the pipe open
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      while ((line = out.readLine()) != null) { // acks already in the pipe were acknowledged too
        if (line.startsWith("ack ")) {
          acked.add(Long.parseLong(line.substring(4)));
        }
      }
      verify(acked, round);
      assertEquals(java.util.OptionalLong.empty(), LedgerHead.ifIdle(new LedgerPaths(dir)),
          "round " + round + ": a killed writer leaves no closed head, so readers ask the queue");
    }
  }

  private void verify(Set<Long> acked, int round) {
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(dir)); Cursor c = reader.fromStart()) {
      Set<Long> present = new HashSet<>();
      long expected = 1;
      for (LedgerRecord r = c.next(); r != null; r = c.next()) {
        long seq = r.event().seq().value();
        assertEquals(expected++, seq, "round " + round + ": seqs must be 1..n without gap or repeat");
        present.add(seq);
      }
      for (long seq : acked) {
        assertTrue(present.contains(seq), "round " + round + ": acknowledged seq " + seq + " lost");
      }
      assertEquals(present.size(), reader.state().highWater(ORIGIN).value());
    }
  }
}
