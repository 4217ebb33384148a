package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two homes, each with its service running, converge through a shared folder without a manual command; one service per home. */
class ServiceTest {
  @TempDir Path dir;

  private Path home(String name, String origin) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    try {
      java.nio.file.Files.createDirectories(dir.resolve("shared"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(0, Cli.run(h, "target", "add", "shared", "folder:" + dir.resolve("shared")).code());
    return h;
  }

  private static Thread serve(Path home, StringWriter out) {
    Thread t = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "serve", "--port", "0", "--no-import", "--sync-interval", "1s"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(out, true), new PrintWriter(out, true), false)));
    t.start();
    return t;
  }

  @Test
  void twoServicesConvergeThroughASharedFolderByThemselves() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    StringWriter outA = new StringWriter();
    StringWriter outB = new StringWriter();
    Thread serveA = serve(a, outA);
    Thread serveB = serve(b, outB);
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> outA.toString().contains("syncing the named targets")
          && outB.toString().contains("syncing the named targets"));
      Cli.Result second = Cli.run(a, "serve", "--port", "0");
      assertEquals(4, second.code(), second.err());
      assertTrue(second.err().contains("already runs on " + a), second.err());
      assertEquals(1, second.err().strip().lines().count(), second.err());

      // a session recorded and starred on A (by CLI verbs, beside A's service) reaches B with nobody running sync
      assertEquals(0, Cli.runWithInput(a, "{\"type\":\"session.recorded\",\"session\":\"alpha-aaaaaa~s1\",\"agent\":\"claude-code\","
          + "\"source\":\"/x\",\"title\":\"made on A\"}\n", "import", "events", "-").code());
      assertEquals(0, Cli.run(a, "star", "alpha-aaaaaa~s1").code());
      await("B has A's starred session").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .until(() -> Cli.json(b, "sessions", "--starred").size() == 1);
      // and back: a tag on B reaches A
      assertEquals(0, Cli.run(b, "tag", "alpha-aaaaaa~s1", "from-b").code());
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .until(() -> Cli.json(a, "sessions", "--tag", "from-b").size() == 1);
      assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    } finally {
      serveA.interrupt();
      serveB.interrupt();
      serveA.join(40_000);
      serveB.join(40_000);
    }
  }
}
