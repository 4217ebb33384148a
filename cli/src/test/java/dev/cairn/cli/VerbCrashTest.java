package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.output.Json;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.ChildJvm;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during every writing verb that talks to a target (issue 12): {@code sync} to a folder,
 * to an S3 bucket (a real S3Proxy), to a serving peer over HTTP, {@code reconcile}, {@code gc}, and {@code serve} itself
 * while a client pushes. A child JVM runs the verb and is SIGKILLed only once it has proved it is
 * working (its target gained an artifact); after every kill the home opens, no acknowledged event is
 * lost, every checkpoint on the target lists segments that are present and verify, and in the end a
 * fresh home converges to the writer's digest. 20 kills per verb ({@code -Dcairn.crash.rounds=1000}
 * for a long run, see docs/operations.md).
 */
class VerbCrashTest {
  private static final int ROUNDS = Integer.getInteger("cairn.crash.rounds", 20);
  @TempDir Path dir;
  private int batch;

  private static Cli.Result cli(Path home, String... args) {
    return Cli.run(home, args);
  }

  /** Appends 300 new local events to {@code home} (what the next sync has to carry). */
  private void moreEvents(Path home, String origin) {
    StringBuilder sb = new StringBuilder("{\"type\":\"session.recorded\",\"session\":\"" + origin + "~b" + batch
        + "\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"batch " + batch + "\"}\n");
    for (int i = 0; i < 300; i++) {
      sb.append("{\"type\":\"message.appended\",\"session\":\"").append(origin).append("~b").append(batch).append("\",\"ordinal\":").append(i)
          .append(",\"role\":\"user\",\"text\":\"batch ").append(batch).append(" message ").append(i).append(' ').append("words ".repeat(30)).append("\"}\n");
    }
    batch++;
    assertEquals(0, Cli.runWithInput(home, sb.toString(), "import", "events", "-").code());
  }

  private static long files(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // a file vanished while walking (a move aside): count again next time
    }
  }

  private static long entries(Path home) throws Exception {
    return Json.MAPPER.readTree(cli(home, "status", "--json").out()).get("ledger_entries").asLong();
  }

  /** Every checkpoint under {@code root} verifies and lists segments that are there and verify. */
  private static void consistent(Path root) {
    FolderTransport t = new FolderTransport(root);
    for (Origin o : t.origins()) {
      for (ArtifactInfo cp : t.list(o, ArtifactKind.CHECKPOINT, null)) {
        var c = CheckpointCodec.verify(cp.name(), t.get(cp.name()));
        for (var seg : c.segmentNames()) {
          SegmentCodec.verify(seg, t.get(seg));
        }
      }
    }
  }

  /** Runs the verb in a child JVM, kills it once {@code working} holds; returns whether it was still running then. */
  private static boolean killWhen(BooleanSupplier working, String... args) throws Exception {
    return killWhen(Map.of(), working, args);
  }

  private static boolean killWhen(Map<String, String> env, BooleanSupplier working, String... args) throws Exception {
    Process child = ChildJvm.start(env, Main.class, args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!working.getAsBoolean() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2); // each poll walks a folder or lists a bucket: do not hammer it
    }
    boolean alive = child.isAlive();
    child.toHandle().destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    return alive;
  }

  private void finalConvergence(Path writer, String target) {
    assertEquals(0, cli(writer, "sync", target).code());
    Path fresh = dir.resolve("fresh-" + System.nanoTime());
    assertEquals(0, cli(fresh, "init", "--origin", "fresh-000009").code());
    assertEquals(0, cli(fresh, "sync", target).code());
    assertEquals(cli(writer, "digest").line(), cli(fresh, "digest").line());
  }

  @Test
  void syncToAFolderKilledMidPush() throws Exception {
    Path home = dir.resolve("a");
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("folder"));
    assertEquals(0, cli(home, "init", "--origin", "alpha-000001").code());
    int interrupted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      moreEvents(home, "alpha-000001");
      long before = entries(home);
      long filesBefore = files(folder);
      if (killWhen(() -> files(folder) > filesBefore, "--home", home.toString(), "sync", folder.toString())) {
        interrupted++;
      }
      assertTrue(entries(home) >= before, "round " + round + ": no acknowledged event lost");
      consistent(folder);
    }
    assertTrue(interrupted >= ROUNDS * 3 / 4, "kills must land in real work: " + interrupted + " of " + ROUNDS);
    finalConvergence(home, folder.toString());
  }

  @Test
  void syncOverHttpKilledMidPushAndServeKilledMidAbsorb() throws Exception {
    Path server = dir.resolve("s");
    Path client = dir.resolve("c");
    assertEquals(0, cli(server, "init", "--origin", "server-000001").code());
    assertEquals(0, cli(client, "init", "--origin", "client-000002").code());
    String token = Files.readString(server.resolve("keys/serve.token")).strip();
    dev.cairn.exchange.ReservedPort reserved = dev.cairn.exchange.ReservedPort.reserve();
    int port = reserved.port();
    reserved.release(); // held until now; every round's server binds it again
    String url = "http://127.0.0.1:" + port;
    int interrupted = 0;
    Path served = server.resolve("artifacts");
    for (int round = 0; round < ROUNDS; round++) {
      // the server runs as a child too; every other round it is the one killed, while the client pushes
      Process serve = ChildJvm.start(Main.class, "--home", server.toString(), "serve", "--port", Integer.toString(port));
      await().atMost(Duration.ofSeconds(60)).until(() -> cli(client, "status").code() == 0 && healthy(url));
      moreEvents(client, "client-000002");
      long before = entries(client);
      long filesBefore = files(served);
      boolean killServer = round % 2 == 1;
      if (killServer) {
        Thread pusher = new Thread(() -> cli(client, "sync", url, "--token", token, "--max-elapsed", "0"));
        pusher.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files(served) <= filesBefore && serve.isAlive() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        if (serve.isAlive()) {
          interrupted++;
        }
        serve.toHandle().destroyForcibly();
        pusher.join(120_000);
      } else {
        if (killWhen(() -> files(served) > filesBefore, "--home", client.toString(), "sync", url, "--token", token)) {
          interrupted++;
        }
        serve.toHandle().destroyForcibly();
      }
      assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
      assertTrue(entries(client) >= before, "round " + round + ": no acknowledged event lost");
      assertEquals(0, cli(server, "status").code(), "round " + round + ": the serving home opens after a kill");
      consistent(served);
    }
    assertTrue(interrupted >= ROUNDS * 3 / 4, "kills must land in real work: " + interrupted + " of " + ROUNDS);
    Process serve = ChildJvm.start(Main.class, "--home", server.toString(), "serve", "--port", Integer.toString(port));
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> healthy(url));
      assertEquals(0, cli(client, "sync", url, "--token", token).code());
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
          .until(() -> cli(server, "digest").line().equals(cli(client, "digest").line()));
    } finally {
      serve.toHandle().destroyForcibly();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static boolean healthy(String url) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/healthz"))
          .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void reconcileAndGcKilledMidWork() throws Exception {
    Path home = dir.resolve("a");
    Path folder = java.nio.file.Files.createDirectories(dir.resolve("folder"));
    assertEquals(0, cli(home, "init", "--origin", "alpha-000001").code());
    int interrupted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      moreEvents(home, "alpha-000001");
      long before = entries(home);
      if (round % 2 == 0) {
        long filesBefore = files(folder); // reconcile has to upload this round's segment and checkpoint
        if (killWhen(() -> files(folder) > filesBefore, "--home", home.toString(), "reconcile", folder.toString())) {
          interrupted++;
        }
      } else {
        assertEquals(0, cli(home, "sync", folder.toString()).code()); // leaves superseded checkpoints for gc
        long filesBefore = files(folder);
        if (killWhen(() -> files(folder) < filesBefore, "--home", home.toString(), "gc", folder.toString(), "--grace", "0")) {
          interrupted++;
        }
      }
      assertTrue(entries(home) >= before, "round " + round + ": no acknowledged event lost");
      consistent(folder);
    }
    assertTrue(interrupted >= ROUNDS / 2, "kills must land in real work: " + interrupted + " of " + ROUNDS);
    finalConvergence(home, folder.toString());
  }

  @Test
  void syncToAnS3BucketKilledMidPush() throws Exception {
    try (dev.cairn.exchange.s3.S3ProxyServer s3 = dev.cairn.exchange.s3.S3ProxyServer.start(dir.resolve("s3"))) {
      var client = s3.settings().client();
      client.createBucket(b -> b.bucket("crash"));
      Map<String, String> env = Map.of("AWS_ENDPOINT_URL", s3.endpoint().toString(), "AWS_REGION", "us-east-1",
          "AWS_ACCESS_KEY_ID", dev.cairn.exchange.s3.S3ProxyServer.IDENTITY, "AWS_SECRET_ACCESS_KEY", dev.cairn.exchange.s3.S3ProxyServer.CREDENTIAL);
      Path home = dir.resolve("a");
      assertEquals(0, cli(home, "init", "--origin", "alpha-000001").code());
      BooleanSupplier objects = () -> client.listObjectsV2(r -> r.bucket("crash")).keyCount() > 0;
      int interrupted = 0;
      for (int round = 0; round < ROUNDS; round++) {
        moreEvents(home, "alpha-000001");
        long before = entries(home);
        int keysBefore = client.listObjectsV2(r -> r.bucket("crash")).keyCount();
        BooleanSupplier grew = () -> client.listObjectsV2(r -> r.bucket("crash")).keyCount() > keysBefore;
        if (killWhen(env, grew, "--home", home.toString(), "sync", "s3://crash/team", "--max-elapsed", "0")) {
          interrupted++;
        }
        assertTrue(entries(home) >= before, "round " + round + ": no acknowledged event lost");
        var t = new dev.cairn.exchange.s3.S3Transport(client, dev.cairn.exchange.s3.S3Location.parse("s3://crash/team"));
        for (Origin o : t.origins()) {
          for (ArtifactInfo cp : t.list(o, ArtifactKind.CHECKPOINT, null)) {
            for (var seg : CheckpointCodec.verify(cp.name(), t.get(cp.name())).segmentNames()) {
              SegmentCodec.verify(seg, t.get(seg));
            }
          }
        }
      }
      assertTrue(objects.getAsBoolean());
      assertTrue(interrupted >= ROUNDS * 3 / 4, "kills must land in real work: " + interrupted + " of " + ROUNDS);
      assertEquals(0, Cli.runWithEnv(home, env, java.io.InputStream.nullInputStream(), "sync", "s3://crash/team").code());
      Path fresh = dir.resolve("fresh");
      assertEquals(0, cli(fresh, "init", "--origin", "fresh-000009").code());
      assertEquals(0, Cli.runWithEnv(fresh, env, java.io.InputStream.nullInputStream(), "sync", "s3://crash/team").code());
      assertEquals(cli(home, "digest").line(), cli(fresh, "digest").line());
    }
  }
}
