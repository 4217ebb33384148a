package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops a real service process cleanly: it finishes what it was doing, releases the lock, and leaves a view equal to a rebuild. */
class ServiceStopTest {
  @TempDir Path dir;

  @Test
  void sigtermWhileImportingLeavesAViewEqualToARebuild() throws Exception {
    Path home = dir.resolve("h");
    Path projects = Files.createDirectories(dir.resolve("projects"));
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    Process serve = ChildJvm.start(Main.class, "--home", home.toString(), "serve", "--port", "0", "--no-sync",
        "--claude-projects", projects.toString());
    List<String> out = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).lines().forEach(out::add));
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> out.stream().anyMatch(l -> l.startsWith("importing live")));
      List<String> lines = Files.readAllLines(Fixtures.claudeCode().resolve("representative_messages.jsonl"));
      Path transcript = Files.createDirectories(projects.resolve("-tmp")).resolve("representative_messages.jsonl");
      for (int n = 1; n <= lines.size(); n++) {
        Files.write(transcript, lines.subList(0, n)); // the agent writes on while the service stops
      }
      serve.destroy(); // SIGTERM
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "the service stops");
      assertEquals(128 + 15, serve.exitValue(), "ended by SIGTERM (what init systems count as a clean stop): " + String.join("\n", out));
    } finally {
      serve.destroyForcibly();
      reader.join(5_000);
    }
    assertEquals(0, Cli.json(home, "status").get("view_lag").asLong(), "the view holds every ledger entry");
    String digest = Cli.run(home, "digest").line();
    assertEquals(0, Cli.run(home, "rebuild", "--force").code());
    assertEquals(digest, Cli.run(home, "digest").line(), "the view equals a rebuild of the ledger");
    assertEquals(0, Cli.run(home, "import", "claude", projects.toString()).code(), "the writer lock was released");
  }
}
