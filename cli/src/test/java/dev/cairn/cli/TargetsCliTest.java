package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.command.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named targets, secrets kept apart, sync --all and sync --watch. */
class TargetsCliTest {
  @TempDir Path dir;
  private Path home;

  @BeforeEach
  void init() {
    home = dir.resolve("h");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    assertEquals(0, Cli.runWithInput(home, CliTest.LOCAL, "import", "events", "-").code());
  }

  @Test
  void namedTargetsAreKeptInConfigAndSyncByName() throws Exception {
    Files.createDirectories(dir.resolve("nas"));
    Files.createDirectories(dir.resolve("usb"));
    assertEquals(0, Cli.run(home, "target", "add", "nas", "folder:" + dir.resolve("nas")).code());
    assertEquals(0, Cli.run(home, "target", "add", "usb", dir.resolve("usb").toString()).code());
    JsonNode list = Cli.json(home, "target", "list");
    assertEquals(2, list.size());
    assertEquals("never synced", list.get(0).get("staleness").asText());
    assertTrue(Files.readString(home.resolve("config.toml")).contains("targets.nas.url = 'folder:" + dir.resolve("nas") + "'"));
    assertEquals(0, Cli.run(home, "sync", "nas").code());
    assertTrue(Files.isDirectory(dir.resolve("nas/home-aaaaaa/checkpoints")));
    Cli.Result all = Cli.run(home, "sync", "--all");
    assertEquals(0, all.code(), all.err());
    assertTrue(Files.isDirectory(dir.resolve("usb/home-aaaaaa/checkpoints")));
    assertEquals("fresh", Cli.json(home, "target", "list").get(0).get("staleness").asText());
    assertEquals(0, Cli.run(home, "target", "rm", "usb").code());
    assertEquals(1, Cli.json(home, "target", "list").size());
    assertEquals(3, Cli.run(home, "target", "add", "Bad Name", "folder:/x").code());
  }

  @Test
  void tokensGoToAPrivateSecretsFileNeverToConfig() throws Exception {
    assertEquals(0, Cli.run(home, "target", "add", "peer", "http://127.0.0.1:9", "--token", "s3cr3t-token").code());
    assertFalse(Files.readString(home.resolve("config.toml")).contains("s3cr3t"));
    assertTrue(Files.readString(home.resolve("secrets.toml")).contains("s3cr3t-token"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.toml"))));
    assertFalse(Cli.run(home, "target", "list").out().contains("s3cr3t"), "list never prints a token");
  }

  @Test
  void watchSyncsLocalChangesUntilStopped() throws Exception {
    Files.createDirectories(dir.resolve("nas"));
    assertEquals(0, Cli.run(home, "target", "add", "nas", "folder:" + dir.resolve("nas")).code());
    StringWriter out = new StringWriter();
    Thread watcher = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "sync", "nas", "--watch", "--interval", "1"},
        new Context(Map.of(), java.io.InputStream.nullInputStream(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false)));
    watcher.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("sealed 5"));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> Cli.runWithInput(home, "{\"type\":\"session.unstarred\",\"session\":\"home-aaaaaa~s1\"}\n", "import", "events", "-").code() == 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("sealed 1"));
    watcher.interrupt();
    watcher.join(20_000);
    assertFalse(watcher.isAlive());
    assertTrue(out.toString().contains("stopped watching"), out.toString());
    assertTrue(Files.exists(dir.resolve("nas/home-aaaaaa/checkpoints/0000000002.json")), out.toString());
  }

  @org.junit.jupiter.api.Test
  void concurrentTargetAddsKeepEveryTarget() throws Exception {
    java.nio.file.Path h = dir.resolve("concurrent");
    assertEquals(0, Cli.run(h, "init", "--origin", "conc-000001").code());
    for (int round = 0; round < 8; round++) {
      int r = round;
      Thread a = new Thread(() -> Cli.run(h, "target", "add", "a" + r, "folder:" + dir.resolve("a" + r)));
      Thread b = new Thread(() -> Cli.run(h, "target", "add", "b" + r, "folder:" + dir.resolve("b" + r)));
      a.start();
      b.start();
      a.join(30_000);
      b.join(30_000);
    }
    String list = java.nio.file.Files.readString(h.resolve("config.toml"));
    for (int round = 0; round < 8; round++) {
      org.junit.jupiter.api.Assertions.assertTrue(list.contains("a" + round + ".url") && list.contains("b" + round + ".url"), "round " + round + ":\n" + list);
    }
  }
}
