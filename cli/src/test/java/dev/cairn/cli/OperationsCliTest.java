package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.output.Json;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead letters, paused targets, reconcile and gc through the command line. */
class OperationsCliTest {
  @TempDir Path dir;

  private Path home(String name, String origin) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    importOne(h, origin, 0);
    return h;
  }

  private static void importOne(Path h, String origin, int n) {
    String events = (n == 0 ? "{\"type\":\"session.recorded\",\"session\":\"" + origin + "~s\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"t\"}\n" : "")
        + "{\"type\":\"message.appended\",\"session\":\"" + origin + "~s\",\"ordinal\":" + n + ",\"role\":\"user\",\"text\":\"m" + n + "\"}\n";
    assertEquals(0, Cli.runWithInput(h, events, "import", "events", "-").code());
  }

  private static final java.util.regex.Pattern SERVING = java.util.regex.Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ");

  /** The port a 'serve --port 0' bound, from its first line. */
  private static int servedPort(StringWriter serverOut) {
    java.util.regex.Matcher m = SERVING.matcher(serverOut.toString());
    assertTrue(m.find(), serverOut.toString());
    return Integer.parseInt(m.group(1));
  }

  @Test
  void anUnreachablePeerIsDeadLetteredAndReconcileRetriesItOnceItIsBack() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path s = home("s", "server-ssssss");
    dev.cairn.exchange.ReservedPort reserved = dev.cairn.exchange.ReservedPort.reserve(); // refused until serve binds it
    int port = reserved.port();
    String url = "http://127.0.0.1:" + port;
    String token = Files.readString(s.resolve("keys/serve.token")).strip();
    Cli.Result down = Cli.run(a, "sync", url, "--token", token, "--max-elapsed", "0");
    assertEquals(6, down.code(), down.out() + down.err());
    assertEquals(1, down.err().strip().lines().count(), "one line: " + down.err());
    JsonNode status = Cli.json(a, "status");
    assertEquals(1, status.get("dead_letters").size(), status.toString());
    assertEquals("retryable", status.get("dead_letters").get(0).get("kind").asText());
    assertEquals(url, status.get("dead_letters").get(0).get("target").asText());
    assertTrue(Cli.run(a, "status").out().contains("dead letters 1"), Cli.run(a, "status").out());

    StringWriter serverOut = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", s.toString(), "serve", "--port", Integer.toString(port)},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    reserved.release();
    server.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("serving"));
      Cli.Result rec = Cli.run(a, "reconcile", url, "--token", token, "--json");
      assertEquals(0, rec.code(), rec.out() + rec.err());
      JsonNode r = Json.MAPPER.readTree(rec.out());
      assertEquals(2, r.get("uploaded").asLong(), r.toString());
      assertEquals(1, r.get("dead_letters_cleared").asLong(), r.toString());
      assertEquals(0, Cli.json(a, "status").get("dead_letters").size());
      JsonNode again = Json.MAPPER.readTree(Cli.run(a, "reconcile", url, "--token", token, "--json").out());
      assertTrue(again.get("nothing_to_do").asBoolean(), again.toString());
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("absorbed")); // let the server finish its work
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }

  @Test
  void aRefusedTokenPausesTheTargetAndUnattendedSyncsSkipItUntilItIsFixed() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path s = home("s", "server-ssssss");
    StringWriter serverOut = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", s.toString(), "serve", "--port", "0"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("serving"));
      String url = "http://127.0.0.1:" + servedPort(serverOut);
      assertEquals(0, Cli.run(a, "target", "add", "peer", url, "--token", "wrong").code());
      Cli.Result first = Cli.run(a, "sync", "--all");
      assertTrue(first.out().contains("paused: "), first.out());
      JsonNode t = Cli.json(a, "status").get("targets").get(url);
      assertTrue(t.get("paused").asText().contains("401"), t.toString());
      Cli.Result skipped = Cli.run(a, "sync", "--all");
      assertTrue(skipped.out().contains("paused (") && skipped.out().contains("cairn sync peer"), skipped.out());
      String token = Files.readString(s.resolve("keys/serve.token")).strip();
      assertEquals(0, Cli.run(a, "target", "add", "peer", url, "--token", token).code());
      Cli.Result named = Cli.run(a, "sync", "peer");
      assertEquals(0, named.code(), named.err());
      assertTrue(Cli.json(a, "status").get("targets").get(url).get("paused").isNull(), "a successful sync by name resumes it");
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("absorbed")); // let the server finish its work
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }

  @Test
  void gcRemovesSupersededCheckpointsAndItsDryRunListsExactlyThose() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path folder = Files.createDirectories(dir.resolve("shared"));
    for (int i = 1; i <= 3; i++) {
      importOne(a, "alpha-aaaaaa", i);
      assertEquals(0, Cli.run(a, "sync", folder.toString()).code());
    }
    JsonNode dry = Json.MAPPER.readTree(Cli.run(a, "gc", "--grace", "0", "--dry-run", "--json").out());
    List<String> wouldDelete = new ArrayList<>();
    dry.get("deleted").forEach(n -> wouldDelete.add(n.asText()));
    assertEquals(List.of("alpha-aaaaaa/checkpoints/0000000001.json", "alpha-aaaaaa/checkpoints/0000000002.json"), wouldDelete);
    assertTrue(Files.exists(a.resolve("artifacts/alpha-aaaaaa/checkpoints/0000000001.json")), "dry run deleted nothing");
    JsonNode real = Json.MAPPER.readTree(Cli.run(a, "gc", "--grace", "0", "--json").out());
    assertEquals(dry.get("deleted"), real.get("deleted"));
    assertFalse(Files.exists(a.resolve("artifacts/alpha-aaaaaa/checkpoints/0000000001.json")));
    assertEquals(0, Json.MAPPER.readTree(Cli.run(a, "gc", "--grace", "7d", folder.toString(), "--json").out()).get("deleted_count").asInt(),
        "nothing on the target is older than a week");
    Cli.Result bad = Cli.run(a, "gc", "--grace", "soon");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("expected a duration"), bad.err());
    Path b = home("b", "bravo-bbbbbb");
    assertEquals(0, Cli.run(b, "sync", folder.toString()).code());
    assertEquals(0, Cli.run(a, "sync", folder.toString()).code());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line(), "after gc the archive is still whole");
  }
}
