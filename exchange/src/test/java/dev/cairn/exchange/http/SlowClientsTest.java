package dev.cairn.exchange.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.Artifacts;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.exchange.trust.Door;
import dev.cairn.ledger.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and hostile clients cannot stall {@code cairn serve}, and a hostile server cannot hang or
 * exhaust a client (issue 11, findings 4 and 5). Real sockets on loopback, bounded loops.
 */
class SlowClientsTest {
  private static final Origin A = new Origin("alpha-aaaaaa");
  @TempDir Path dir;
  private final BearerToken token = BearerToken.of("serve-token-0123456789abcdef");

  @Test
  void aHundredSlowConnectionsNeitherFreezeHealthzNorAnHonestClient() throws Exception {
    FolderTransport store = new FolderTransport(dir.resolve("served"));
    try (ArtifactServer server = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), null, store, token, ServerLimits.DEFAULT,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Door.verifyOnly(), name -> { })) {
      int port = server.address().getPort();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 100; i++) {
          Socket s = new Socket("127.0.0.1", port);
          slow.add(s);
          OutputStream out = s.getOutputStream();
          String request = switch (i % 4) {
            case 0 -> "PUT /v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst HTTP/1.1\r\nHost: x\r\n"; // headers never end
            case 1 -> "PUT /v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"; // no token, stalled body
            case 2 -> "PUT /v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst HTTP/1.1\r\nHost: x\r\nAuthorization: " + token.header()
                + "\r\nContent-Length: 1000000\r\n\r\nabc"; // a body that stalls after three bytes
            default -> ""; // connects and says nothing
          };
          out.write(request.getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 5; i++) {
          // the request's 1 s timeout is the bound: a slower answer is an HttpTimeoutException
          HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
              .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(200, health.statusCode());
        }
        HttpTransport honest = new HttpTransport(URI.create("http://127.0.0.1:" + port), token);
        Artifacts.Named seg = Artifacts.segment(A, 5, 0);
        honest.putIfAbsent(seg.name(), seg.bytes());
        assertEquals(1, honest.list(A, ArtifactKind.SEGMENT, null).size());
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void aBodyThatStallsIsCutOffAtTheIdleTimeout() throws Exception {
    FolderTransport store = new FolderTransport(dir.resolve("served"));
    ServerLimits quick = ServerLimits.DEFAULT.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));
    try (ArtifactServer server = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), null, store, token, quick,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Door.verifyOnly(), name -> { });
        Socket s = new Socket("127.0.0.1", server.address().getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("PUT /v1/artifacts/alpha-aaaaaa/segments/" + "0".repeat(64) + ".seg.zst HTTP/1.1\r\nHost: x\r\nAuthorization: "
          + token.header() + "\r\nContent-Length: 1000\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
      // returns only once the server closes the connection; a server that kept waiting for the body would
      // make this read fail with our 10 s socket timeout instead
      byte[] rest = s.getInputStream().readAllBytes();
      assertTrue(store.origins().isEmpty(), "nothing stored: " + new String(rest, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aListingCursorThatNeverAdvancesIsAnError() throws Exception {
    HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    hostile.createContext("/", ex -> {
      byte[] body = "{\"items\":[{\"name\":\"0000000001.json\",\"bytes\":10}],\"next\":\"0000000001.json\"}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    hostile.start();
    try {
      HttpTransport t = new HttpTransport(URI.create("http://127.0.0.1:" + hostile.getAddress().getPort()), token);
      TransportException e = assertThrows(TransportException.class, () -> t.list(A, ArtifactKind.CHECKPOINT, null));
      assertTrue(e.getMessage().contains("did not advance"), e.getMessage());
    } finally {
      hostile.stop(0);
    }
  }

  @Test
  void anEndlessOrHugeArtifactIsCutAtTheLimitNotBuffered() throws Exception {
    HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    long[] sent = {0};
    hostile.createContext("/v1/artifacts/alpha-aaaaaa/segments/", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked, no length: an endless body
      byte[] mb = new byte[1 << 20];
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 200; i++) { // bounded: 200 MB at most, far over the 64 MiB limit
          out.write(mb);
          sent[0] += mb.length;
        }
      } catch (java.io.IOException clientGaveUp) {
        // expected: the client stops reading at the limit
      }
    });
    hostile.start();
    try {
      HttpTransport t = new HttpTransport(URI.create("http://127.0.0.1:" + hostile.getAddress().getPort()), token);
      TransportException endless = assertThrows(TransportException.class, () -> t.get(ArtifactName.segment(A, dev.cairn.exchange.artifact.Sha256.of(new byte[1]))));
      assertTrue(endless.getMessage().contains("more than the limit"), endless.getMessage());
    } finally {
      hostile.stop(0);
    }
    // a server that announces 4 GB (a raw socket: an HTTP server library would not send a length it cannot honour)
    try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 8, java.net.InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try (Socket c = raw.accept()) {
          c.getInputStream().read(new byte[8192]);
          c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + (4L << 30) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          c.getOutputStream().write(new byte[1 << 16]);
          c.getOutputStream().flush();
          c.getInputStream().read(); // hold the connection until the client gives up
        } catch (java.io.IOException done) {
          // the client closed: expected
        }
      });
      server.setDaemon(true);
      server.start();
      HttpTransport t = new HttpTransport(URI.create("http://127.0.0.1:" + raw.getLocalPort()), token);
      TransportException huge = assertThrows(TransportException.class, () -> t.get(ArtifactName.checkpoint(A, 1)));
      assertTrue(huge.getMessage().contains("over the limit"), huge.getMessage());
    }
    assertTrue(Transport.MAX_ARTIFACT_BYTES < 100L << 20);
  }

  @Test
  void aHugeFileInAFolderIsNotRead() throws Exception {
    FolderTransport folder = new FolderTransport(dir.resolve("f"));
    Artifacts.Named seg = Artifacts.segment(A, 3, 0);
    folder.putIfAbsent(seg.name(), seg.bytes());
    Path file = dir.resolve("f").resolve(seg.name().path());
    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(Transport.MAX_ARTIFACT_BYTES + 1); // sparse: costs no disk
    }
    ArtifactCorruptException e = assertThrows(ArtifactCorruptException.class, () -> folder.get(seg.name()));
    assertTrue(e.getMessage().contains("at most"), e.getMessage());
  }
}
