package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync, peers and target status through the real command line. */
class SyncCliTest {
  @TempDir Path dir;
  private Path a;
  private Path b;
  private String target;

  @BeforeEach
  void twoHomes() throws Exception {
    a = dir.resolve("a");
    b = dir.resolve("b");
    assertEquals(0, Cli.run(a, "init", "--origin", "home-aaaaaa").code());
    assertEquals(0, Cli.run(b, "init", "--origin", "desk-bbbbbb").code());
    assertEquals(0, Cli.runWithInput(a, CliTest.LOCAL, "import", "events", "-").code());
    target = "folder:" + Files.createDirectories(dir.resolve("shared"));
  }

  private static JsonNode json(Path home, String... args) throws Exception {
    return Cli.json(home, args);
  }

  @Test
  void twoHomesConvergeAndASecondSyncMovesNothing() throws Exception {
    JsonNode first = json(a, "sync", target, "--json");
    assertEquals(5, first.get("sealed_events").asLong());
    assertEquals(2, first.get("pushed").asLong());
    JsonNode pulled = json(b, "sync", target, "--json");
    assertEquals(5, pulled.get("applied").asLong());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    JsonNode again = json(b, "sync", target, "--json");
    assertEquals(0, again.get("pushed").asLong() + again.get("pulled").asLong());
    assertEquals(0, again.get("bytes").asLong());
    assertEquals("Python decorators", json(b, "sessions", "--json").get(0).get("title").asText());
  }

  @Test
  void aPlainPathIsAFolderTarget() throws Exception {
    assertEquals(0, Cli.run(a, "sync", dir.resolve("plain").toString(), "--create").code());
    assertTrue(Files.isDirectory(dir.resolve("plain/home-aaaaaa/segments")));
    assertTrue(Files.isDirectory(dir.resolve("plain/home-aaaaaa/checkpoints")));
  }

  @Test
  void aDryRunSaysWhatWouldMoveAndChangesNothing() throws Exception {
    JsonNode dry = json(a, "sync", target, "--dry-run", "--json");
    assertTrue(dry.get("dry_run").asBoolean());
    assertEquals(5, dry.get("sealed_events").asLong());
    try (var files = Files.list(dir.resolve("shared"))) {
      assertEquals(0, files.count(), "nothing written to the target");
    }
    String text = Cli.run(a, "sync", target, "--dry-run").out();
    assertTrue(text.startsWith("dry run with folder:"), text);
    json(a, "sync", target);
    JsonNode pull = json(b, "sync", target, "--dry-run");
    assertEquals("pull home-aaaaaa/checkpoints/0000000001.json (and the segments it lists that are not here)", pull.get("planned").get(0).asText());
    assertTrue(Cli.run(b, "sync", target, "--dry-run").out().contains("would pull home-aaaaaa/checkpoints/0000000001.json"));
    assertTrue(!json(b, "status").get("high_water").has("home-aaaaaa"), "the dry run appended nothing");
  }

  @Test
  void peersListsPinnedKeysAndTrustAndForgetChangeThem() throws Exception {
    json(a, "sync", target);
    json(b, "sync", target);
    JsonNode peers = json(b, "peers", "--json");
    assertEquals(2, peers.size());
    JsonNode home = peers.get(1);
    assertEquals("home-aaaaaa", home.get("origin").asText());
    assertEquals(5, home.get("head").asLong());
    assertEquals(5, home.get("local_high_water").asLong());
    String keyOfA = Files.readString(a.resolve("keys/signing.pub")).strip();
    assertEquals(keyOfA, home.get("key").asText());
    assertTrue(json(b, "peers", "--json").get(0).get("this_machine").asBoolean());
    Cli.Result forget = Cli.run(b, "peers", "forget", "home-aaaaaa");
    assertTrue(forget.out().contains("forgot the pinned key"), forget.out());
    assertEquals(1, json(b, "peers", "--json").size());
    assertEquals(0, Cli.run(b, "peers", "trust", "home-aaaaaa", "--key", keyOfA).code());
    assertEquals(keyOfA, json(b, "peers", "--json").get(1).get("key").asText());
    Cli.Result bad = Cli.run(b, "peers", "trust", "home-aaaaaa", "--key", "rsa:xyz");
    assertEquals(3, bad.code());
    assertTrue(bad.err().contains("ed25519:<base64 of 32 bytes>"), bad.err());
  }

  @Test
  void aForgedCheckpointIsReportedWithExitCode5AndNothingApplied() throws Exception {
    json(a, "sync", target);
    json(b, "sync", target);
    String digest = Cli.run(b, "digest").line();
    // pin another key for a: every checkpoint of a now looks forged to b
    Path other = dir.resolve("other");
    assertEquals(0, Cli.run(other, "init", "--origin", "other-cccccc").code());
    String otherKey = Files.readString(other.resolve("keys/signing.pub")).strip();
    assertEquals(0, Cli.run(b, "peers", "trust", "home-aaaaaa", "--key", otherKey).code());
    Cli.runWithInput(a, "{\"type\":\"session.unstarred\",\"session\":\"home-aaaaaa~s1\"}\n", "import", "events", "-");
    json(a, "sync", target);
    Cli.Result r = Cli.run(b, "sync", target);
    assertEquals(5, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("rejected as forged"), r.err());
    assertEquals(digest, Cli.run(b, "digest").line());
  }

  @Test
  void statusShowsTargetsWithStaleness() throws Exception {
    json(a, "sync", target);
    JsonNode t = json(a, "status", "--json").get("targets").get("folder:" + dir.resolve("shared"));
    assertEquals("fresh", t.get("staleness").asText());
    assertTrue(Cli.run(a, "status").out().contains("fresh"));
  }

  @Test
  void unsupportedTargetsAreBadInput() {
    Cli.Result r = Cli.run(a, "sync", "ftp://example/x");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("found scheme 'ftp'"), r.err());
  }
}
