package dev.cairn.exchange.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.http.ArtifactServer;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.exchange.http.HttpTransport;
import dev.cairn.exchange.http.ServerLimits;
import dev.cairn.exchange.trust.Door;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport contract over HTTP, against a real {@link ArtifactServer} on loopback, and the server's own rules. */
class HttpTransportTest extends TransportContract {
  private static final long LIMIT = 64L << 20;
  @TempDir Path dir;
  private ArtifactServer server;
  private FolderTransport store;
  private final BearerToken token = BearerToken.of("test-token-0123456789abcdef");

  @Override
  protected Transport create() throws Exception {
    store = new FolderTransport(dir.resolve("served"));
    server = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), null, store, token, ServerLimits.DEFAULT.withMaxBodyBytes(LIMIT),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Door.verifyOnly(), name -> { });
    return new HttpTransport(base(), token);
  }

  @Override
  protected boolean deletes() {
    return false;
  }

  @Override
  protected void plant(String path, byte[] bytes) throws Exception {
    plantInFolder(dir.resolve("served"), path, bytes);
  }

  @Override
  protected boolean movesAside() {
    return false;
  }

  @Test
  void aDeleteIsRefusedWithTheReasonAndNothingIsRemoved() {
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    HttpTransport t = new HttpTransport(base(), token);
    t.putIfAbsent(seg.name(), seg.bytes());
    dev.cairn.exchange.transport.TransportException e = assertThrows(dev.cairn.exchange.transport.TransportException.class, () -> t.delete(seg.name()));
    assertTrue(e.getMessage().contains("403") && e.getMessage().contains("cannot delete"), e.getMessage());
    assertTrue(store.head(seg.name()).isPresent());
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.address().getPort());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest r) throws Exception {
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWrongTokenIs401AndNothingIsStored() {
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    HttpTransport intruder = new HttpTransport(base(), BearerToken.of("wrong"));
    HttpTransport.UnauthorizedException e = assertThrows(HttpTransport.UnauthorizedException.class, () -> intruder.putIfAbsent(seg.name(), seg.bytes()));
    assertTrue(e.getMessage().contains("401"), e.getMessage());
    assertTrue(store.list(A, ArtifactKind.SEGMENT, null).isEmpty());
  }

  @Test
  void anOversizedBodyIs413BeforeAnyOfItIsRead() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(("PUT /v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst HTTP/1.1\r\nHost: x\r\nAuthorization: "
          + token.header() + "\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("over the limit"), answer);
    }
  }

  @Test
  void invalidArtifactsAndNamesAre400AndNotStored() throws Exception {
    HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst"))
        .header("Authorization", token.header()).PUT(HttpRequest.BodyPublishers.ofString("not a segment")).build());
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("SHA-256"), bad.body());
    HttpResponse<String> traversal = send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/..%2F..%2Fetc/segments/x.seg.zst"))
        .header("Authorization", token.header()).GET().build());
    assertEquals(400, traversal.statusCode());
    assertTrue(store.origins().isEmpty());
  }

  @Test
  void healthzNeedsNoTokenAndMetricsDoes() throws Exception {
    assertEquals(200, send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).GET().build()).statusCode());
    assertEquals(401, send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).GET().build()).statusCode());
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    new HttpTransport(base(), token).putIfAbsent(seg.name(), seg.bytes());
    HttpResponse<String> m = send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).header("Authorization", token.header()).GET().build());
    assertEquals(200, m.statusCode());
    assertTrue(m.body().contains("cairn_artifacts_stored_total 1.0"), m.body());
    assertTrue(m.body().contains("cairn_http_requests_seconds_count{method=\"PUT\",route=\"artifact\",status=\"201\"}"), m.body());
  }

  @Test
  void curlReadsWhatCairnWrote() throws Exception {
    Artifacts.Named seg = Artifacts.segment(A, 4, 0);
    new HttpTransport(base(), token).putIfAbsent(seg.name(), seg.bytes());
    Path out = dir.resolve("fetched.seg.zst");
    Process p = new ProcessBuilder("curl", "-sf", "-H", "Authorization: " + token.header(), "-o", out.toString(),
        base() + "/v1/artifacts/" + seg.name().path()).redirectErrorStream(true).start();
    String curlOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "curl: " + curlOut);
    assertArrayEquals(seg.bytes(), Files.readAllBytes(out));
    Process jq = new ProcessBuilder("bash", "-c", "zstdcat '" + out + "' | jq -c -r 'select(.format == null) | .seq'").start();
    assertEquals("1\n2\n3\n4\n", new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
