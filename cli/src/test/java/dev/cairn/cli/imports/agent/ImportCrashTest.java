package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.Main;
import dev.cairn.ledger.ChildJvm;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn import claude} is exactly-once across kills (issue 12, finding 7): a child JVM
 * importing 150 transcripts is SIGKILLed once it has proved it is appending, then the import is run
 * again to the end; the ledger then holds exactly as many entries as a clean import, never a
 * duplicate. Eight rounds, each on a fresh home.
 */
class ImportCrashTest {
  private static final int FILES = 150;
  private static final int MESSAGES = 12;
  @TempDir Path dir;

  private static int run(Path home, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    var sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
    return Main.run(all, new dev.cairn.cli.command.Context(java.util.Map.of(), java.io.InputStream.nullInputStream(), sink, sink, false));
  }

  private static long entries(Path home) {
    try (LedgerReader r = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      return r.state().entries();
    } catch (RuntimeException e) {
      return 0; // not created yet
    }
  }

  @Test
  void aReRunAfterAKillAppendsNothingTwice() throws Exception {
    Path projects = dir.resolve("projects");
    for (int f = 0; f < FILES; f++) {
      TranscriptFile t = new TranscriptFile(String.format("sess-%04d", f));
      for (int m = 0; m < MESSAGES / 2; m++) {
        t.user("question " + m + " in file " + f + " " + "padding ".repeat(40)).assistantText("msg_" + f + "_" + m, "answer " + m + " " + "words ".repeat(60));
      }
      t.write(projects.resolve("-home-ana-p" + (f % 7)).resolve(String.format("sess-%04d.jsonl", f)));
    }
    Path reference = dir.resolve("reference");
    assertEquals(0, run(reference, "init", "--origin", "crash-000001"));
    assertEquals(0, run(reference, "import", "claude", projects.toString()));
    long total = entries(reference);
    assertEquals(FILES * (1 + MESSAGES), total);

    int interrupted = 0;
    for (int round = 0; round < 8; round++) {
      Path home = dir.resolve("home-" + round);
      assertEquals(0, run(home, "init", "--origin", "crash-000001"));
      Process child = ChildJvm.start(Main.class, "--home", home.toString(), "import", "claude", projects.toString());
      long threshold = total * (round + 1) / 10; // kill at a different depth each round
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (entries(home) < Math.max(1, threshold) && child.isAlive() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      long atKill = entries(home);
      if (atKill > 0 && atKill < total) {
        interrupted++;
      }
      assertEquals(0, run(home, "import", "claude", projects.toString()), "round " + round);
      assertEquals(total, entries(home), "round " + round + ": killed at " + atKill + " entries; the re-run must append each event once");
      assertTrue(Files.exists(home.resolve("state/claude-import.json")));
    }
    assertTrue(interrupted >= 6, "the kills must land in the middle of real work: " + interrupted + " of 8 did");
  }
}
