package dev.cairn.exchange.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The transport contract against a real S3 API server (S3Proxy), in a fresh bucket per test, listing 5 keys per page. */
class S3TransportTest extends TransportContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3ProxyServer server;
  @TempDir Path dir;
  private String bucket;

  @BeforeAll
  static void startServer(@TempDir Path work) throws Exception {
    server = S3ProxyServer.start(work);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Override
  protected Transport create() {
    S3Client client = server.settings().client();
    bucket = "cairn-test-" + BUCKETS.incrementAndGet();
    client.createBucket(b -> b.bucket(bucket));
    return new S3Transport(client, S3Location.parse("s3://" + bucket + "/team/cairn"), 5);
  }

  @Override
  protected void plant(String path, byte[] bytes) {
    server.settings().client().putObject(b -> b.bucket(bucket).key("team/cairn/" + path), software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
  }

  @Test
  void locationsRejectTraversalAndBadBuckets() {
    assertThrows(S3Location.S3LocationException.class, () -> S3Location.parse("s3://b/../x"));
    assertThrows(S3Location.S3LocationException.class, () -> S3Location.parse("s3://B!/x"));
    assertThrows(S3Location.S3LocationException.class, () -> S3Location.parse("http://b/x"));
    assertEquals("team/cairn/a/segments/x", S3Location.parse("s3://bucket/team/cairn/").key("a/segments/x"));
  }

  @Test
  void aMovedAsideObjectIsKeptUnderQuarantineWithItsReason() {
    S3Transport t = new S3Transport(server.settings().client(), S3Location.parse("s3://" + bucket + "/team/cairn"));
    dev.cairn.exchange.artifact.ArtifactName n = dev.cairn.exchange.artifact.ArtifactName.checkpoint(A, 1);
    t.putIfAbsent(n, "bad".getBytes(StandardCharsets.UTF_8));
    assertTrue(t.moveAside(n, "corrupt: expected a checkpoint"));
    var keys = server.settings().client().listObjectsV2(b -> b.bucket(bucket).prefix("team/cairn/.quarantine/")).contents().stream()
        .map(o -> o.key()).sorted().toList();
    assertEquals(2, keys.size(), keys.toString());
    assertTrue(keys.get(0).startsWith("team/cairn/.quarantine/alpha-aaaaaa/checkpoints/0000000001.json."), keys.toString());
    assertEquals(keys.get(0) + ".reason", keys.get(1));
    String reason = server.settings().client().getObjectAsBytes(b -> b.bucket(bucket).key(keys.get(1))).asUtf8String();
    assertEquals("corrupt: expected a checkpoint\n", reason);
  }

  @Test
  void s3cmdReadsWhatCairnWrote() throws Exception {
    S3Transport t = new S3Transport(server.settings().client(), S3Location.parse("s3://" + bucket + "/team/cairn"));
    var seg = SegmentCodec.encode(dev.cairn.exchange.Events.run(A, 1, 3), 3);
    t.putIfAbsent(seg.name(), seg.bytes());
    String[] base = {"s3cmd", "--host=127.0.0.1:" + server.port(), "--host-bucket=", "--no-ssl", "--access_key=" + S3ProxyServer.IDENTITY,
        "--secret_key=" + S3ProxyServer.CREDENTIAL, "--config=/dev/null"};
    String ls = run(concat(base, "ls", "s3://" + bucket + "/team/cairn/alpha-aaaaaa/segments/"));
    assertTrue(ls.contains(seg.name().fileName()), ls);
    Path out = dir.resolve("got.seg.zst");
    run(concat(base, "get", "s3://" + bucket + "/team/cairn/" + seg.name().path(), out.toString()));
    assertArrayEquals(seg.bytes(), Files.readAllBytes(out));
    assertEquals(1, t.list(A, ArtifactKind.SEGMENT, null).size());
    assertTrue(t.moveAside(seg.name(), "test"));
    assertTrue(t.head(seg.name()).isEmpty());
    assertTrue(run(concat(base, "ls", "-r", "s3://" + bucket + "/team/cairn/.quarantine/")).contains(seg.name().fileName()));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    return out;
  }

}
