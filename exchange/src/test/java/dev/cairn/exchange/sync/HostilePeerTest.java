package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.Forger;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.http.ArtifactServer;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.exchange.http.HttpTransport;
import dev.cairn.exchange.http.ServerLimits;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.exchange.trust.HomeDoor;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of a serve-token holder on a home running {@code cairn serve}, each as it was found
 * (issue 11, findings 1-3 and 7): the server is a real {@link ArtifactServer} with the home's
 * {@link HomeDoor} on loopback; the attacker signs with a key of its own.
 */
class HostilePeerTest {
  @TempDir Path dir;
  private final BearerToken token = BearerToken.of("serve-token-0123456789abcdef");
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private TestHome server;
  private ArtifactServer http;
  private Forger forger;

  @BeforeEach
  void start() throws Exception {
    server = new TestHome(dir.resolve("s"), "server-ssssss");
    FolderSyncTest.record(server, "s1", 3);
    server.sync.sealOnly();
    http = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), null, server.store, token, ServerLimits.DEFAULT, metrics,
        new HomeDoor(server.origin, server.store, () -> PinnedKeys.load(server.dir.resolve("state/peers.json")), Clock.systemUTC(), "pushed"),
        name -> { });
    forger = new Forger(dir.resolve("attacker-keys"));
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + http.address().getPort());
  }

  private HttpResponse<String> put(ArtifactName name, byte[] bytes) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/" + name.path()))
        .header("Authorization", token.header()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.header("Authorization", token.header()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void pushForged(Forger.Forged f, int expectCheckpointStatus) throws Exception {
    for (Segment s : f.segments()) {
      put(s.name(), s.bytes());
    }
    HttpResponse<String> r = put(f.name(), f.checkpointBytes());
    assertEquals(expectCheckpointStatus, r.statusCode(), r.body());
    if (expectCheckpointStatus >= 400) {
      assertTrue(r.body().contains("\"error\""), "a JSON reason: " + r.body());
    }
  }

  @Test
  void aTokenHolderCannotWriteTheServersOwnOriginAndPeersGetOnlyWhatTheServerWrote() throws Exception {
    Forger.Forged forged = forger.checkpoint(server.origin, 2, 5);
    assertEquals(403, put(forged.segments().get(0).name(), forged.segments().get(0).bytes()).statusCode(), "own-origin segment refused");
    pushForged(forged, 403);
    assertTrue(server.store.head(forged.name()).isEmpty(), "nothing stored");

    FolderSyncTest.record(server, "s2", 1);
    server.sync.sealOnly();
    try (TestHome peer = new TestHome(dir.resolve("p"), "peer-pppppp")) {
      SyncReport r = peer.sync(new HttpTransport(base(), token));
      assertEquals(0, r.forged() + r.quarantined(), r.problems().toString());
      assertEquals(server.digest(), peer.digest());
      assertEquals(6, peer.ledger.highWater(server.origin).value(), "the server's own six events, its real seq 1 among them");
    }
  }

  @Test
  void aCheckpointOfTheHomesOwnOriginSignedByAnotherKeyIsMovedAsideNeverBuiltOn() {
    // written straight into the home's store (by an older version, or by hand): the sealer must not take it as its previous
    Forger.Forged forged = forger.checkpoint(server.origin, 2, 7);
    forged.segments().forEach(s -> server.store.putIfAbsent(s.name(), s.bytes()));
    server.store.putIfAbsent(forged.name(), forged.checkpointBytes());

    FolderSyncTest.record(server, "s2", 1);
    Sealer.Result sealed = server.sync.sealOnly();
    assertEquals(server.key.publicKey(), sealed.checkpoint().orElseThrow().publicKey());
    assertEquals(6, sealed.checkpoint().get().head().value());
    try (TestHome peer = new TestHome(dir.resolve("p"), "peer-pppppp")) {
      peer.sync(new HttpTransport(base(), token));
      assertEquals(server.digest(), peer.digest(), "the peer holds exactly the server's own events");
    }
  }

  @Test
  void aCheckpointNumberedNearTheLimitCannotStopTheServer() throws Exception {
    pushForged(forger.checkpoint(server.origin, 9_999_999_999L, 3), 403);
    Origin x = new Origin("xray-xxxxxx");
    Forger.Forged far = forger.checkpoint(x, 9_999_999_999L, 3);
    pushForged(far, 400);
    assertTrue(server.store.head(far.name()).isEmpty());

    FolderSyncTest.record(server, "s2", 2);
    Sealer.Result sealed = server.sync.sealOnly();
    assertEquals(2, sealed.checkpoint().orElseThrow().number(), "sealing goes on: checkpoint 2 follows 1");
    try (TestHome peer = new TestHome(dir.resolve("p"), "peer-pppppp")) {
      SyncReport sync = peer.sync(new HttpTransport(base(), token));
      assertEquals(0, sync.quarantined() + sync.forged());
      assertEquals(server.digest(), peer.digest());
    }
  }

  @Test
  void aForgedCheckpointForAPinnedOriginIsRefusedCountedAndNeverRelayed() throws Exception {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome x = new TestHome(dir.resolve("x"), "xray-xxxxxx"); TestHome peer = new TestHome(dir.resolve("p"), "peer-pppppp")) {
      FolderSyncTest.record(x, "real", 4);
      x.sync(folder);
      server.sync(folder); // the server pins x's real key
      Forger.Forged forged = forger.checkpoint(x.origin, 3, 12);
      pushForged(forged, 409);
      assertTrue(server.store.head(forged.name()).isEmpty(), "never stored");
      HttpResponse<String> m = send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).GET());
      assertTrue(m.body().contains("cairn_artifacts_forged_total 1.0"), m.body());

      SyncReport r = peer.sync(new HttpTransport(base(), token));
      assertEquals(0, r.forged(), r.problems().toString());
      assertEquals(x.ledger.highWater(x.origin), peer.ledger.highWater(x.origin));
      assertEquals(server.digest(), peer.digest());
      assertEquals(x.key.publicKey(), peer.pins.get(x.origin).orElseThrow().key(), "the peer pinned the real key");
    }
  }

  @Test
  void aCheckpointOfAnUnpinnedOriginMustMatchTheKeyOfWhatIsStored() throws Exception {
    Origin x = new Origin("xray-xxxxxx");
    Forger honest = new Forger(dir.resolve("x-keys"));
    pushForged(honest.checkpoint(x, 1, 3), 201);
    pushForged(forger.checkpoint(x, 2, 4), 409);
  }

  @Test
  void checkpointZeroAndCheckpointsListingSegmentsTheServerLacksAreRefused() throws Exception {
    Origin x = new Origin("xray-xxxxxx");
    HttpResponse<String> zero = send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/xray-xxxxxx/checkpoints/0000000000.json"))
        .PUT(HttpRequest.BodyPublishers.ofString("{}\n")));
    assertEquals(400, zero.statusCode(), zero.body());
    Forger.Forged f = forger.checkpoint(x, 1, 3);
    HttpResponse<String> r = put(f.name(), f.checkpointBytes()); // segments not pushed first
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(r.body().contains("push the segments first"), r.body());
    assertTrue(server.store.origins().stream().noneMatch(x::equals));
  }

  @Test
  void aSyncTokenCannotDelete() throws Exception {
    ArtifactName cp = server.store.list(server.origin, ArtifactKind.CHECKPOINT, null).get(0).name();
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/" + cp.path())).DELETE());
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(server.store.head(cp).isPresent());
  }

  @Test
  void encodedSlashesAre400() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/v1/artifacts/server-ssssss%2Fcheckpoints%2F0000000001.json")).GET());
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().startsWith("{\"error\":"), r.body());
  }

  @Test
  void aNonNumericContentLengthGetsAJson400() throws Exception {
    String answer = raw("PUT /v1/artifacts/xray-xxxxxx/checkpoints/0000000001.json HTTP/1.1\r\nHost: x\r\nAuthorization: " + token.header()
        + "\r\nContent-Length: lots\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("application/json") && answer.contains("{\"error\":"), answer);
  }

  @Test
  void aRefusalIsAnsweredWithoutWaitingForTheBodyAndTheConnectionClosed() throws Exception {
    // no body is ever sent: raw() reads until the server closes, and its 5 s read timeout is shorter than the
    // server's 10 s idle timeout, so a server that waited for the body would fail this test with a timeout
    String answer = raw("PUT /v1/artifacts/xray-xxxxxx/checkpoints/0000000001.json HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    assertTrue(answer.toLowerCase().contains("connection: close"), answer);
  }

  /** Sends {@code request} on a raw socket and reads the answer until the server closes (bounded by a 5 s read timeout). */
  private String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", http.address().getPort())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aRefusedConnectionSaysSoAndATokenInTheUrlIsNeverShown() throws Exception {
    try (dev.cairn.exchange.ReservedPort nobody = dev.cairn.exchange.ReservedPort.reserve()) {
      HttpTransport t = new HttpTransport(URI.create("http://someone:s3cr3t-token@127.0.0.1:" + nobody.port()), token);
      assertFalse(t.describe().contains("s3cr3t"), t.describe());
      TransportException e = assertThrows(TransportException.class, t::origins);
      assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
      assertFalse(e.getMessage().contains("null"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }
  }

  @Test
  void everyRefusalLeavesTheServersDigestAlone() throws Exception {
    String before = server.digest();
    pushForged(forger.checkpoint(server.origin, 2, 5), 403);
    server.sync.absorbLocal();
    assertEquals(before, server.digest());
    assertTrue(server.store.list(server.origin, ArtifactKind.CHECKPOINT, null).stream().allMatch(i -> i.name().checkpointNumber() == 1),
        "only the server's own checkpoint 1 is in its store");
  }
}
