package dev.cairn.exchange.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.Artifacts;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.trust.Door;
import dev.cairn.ledger.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving side's own rules, spoken to in raw HTTP: methods, the token, caps, paging, and a GET racing a delete. */
class ArtifactServerTest {
  private static final Origin A = new Origin("alpha-aaaaaa");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "server-test-token-0123456789";
  private final BearerToken token = BearerToken.of(SECRET);
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  private FolderTransport store;
  private ArtifactServer server;

  @BeforeEach
  void start() throws Exception {
    store = new FolderTransport(dir.resolve("served"));
    server = ArtifactServer.start(new InetSocketAddress("127.0.0.1", 0), null, store, token, ServerLimits.DEFAULT,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Door.verifyOnly(), name -> { });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> send(String method, String path, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> authorized(String method, String path) throws Exception {
    return send(method, path, token.header());
  }

  private static String error(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body()).get("error").asText();
  }

  @Test
  void everyRouteButHealthzNeedsTheBearerToken() throws Exception {
    assertEquals(200, send("GET", "/healthz", null).statusCode());
    for (String path : List.of("/v1/origins", "/metrics", "/v1/marker", "/v1/list/alpha-aaaaaa/checkpoints",
        "/v1/artifacts/alpha-aaaaaa/checkpoints/0000000001.json")) {
      for (String auth : new String[] {null, "Bearer wrong-token-0123456789", "Basic " + SECRET, SECRET}) {
        HttpResponse<byte[]> r = send("GET", path, auth);
        assertEquals(401, r.statusCode(), path + " with " + auth);
        assertTrue(error(r).contains("token"), error(r));
      }
    }
    assertEquals(200, authorized("GET", "/v1/origins").statusCode());
  }

  @Test
  void methodsOtherThanTheApisAreRefusedWithJson() throws Exception {
    String artifact = "/v1/artifacts/alpha-aaaaaa/checkpoints/0000000001.json";
    assertEquals(405, authorized("POST", artifact).statusCode());
    assertTrue(error(authorized("PATCH", artifact)).contains("PATCH"), "says which method");
    assertEquals(403, authorized("DELETE", artifact).statusCode());
    assertEquals(405, authorized("DELETE", "/v1/marker").statusCode());
    HttpResponse<byte[]> unknown = authorized("GET", "/v2/anything");
    assertEquals(404, unknown.statusCode());
    assertTrue(error(unknown).contains("no route"), error(unknown));
    assertEquals(400, authorized("GET", "/v1/artifacts/alpha-aaaaaa/checkpoints/%2e%2e%2f0000000001.json").statusCode(),
        "a percent-escape is never a name");
    assertEquals(404, authorized("HEAD", artifact).statusCode());
  }

  @Test
  void listingsArePagedAtAThousandAndFollowingNextReachesEveryName() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("served/alpha-aaaaaa/checkpoints"));
    int n = 1_005;
    for (int i = 1; i <= n; i++) {
      Files.write(folder.resolve(String.format("%010d.json", i)), new byte[] {'x'});
    }
    JsonNode first = JSON.readTree(authorized("GET", "/v1/list/alpha-aaaaaa/checkpoints").body());
    assertEquals(1_000, first.get("items").size(), "one page is capped at 1,000");
    assertEquals(String.format("%010d.json", 1_000), first.get("next").asText());
    JsonNode capped = JSON.readTree(authorized("GET", "/v1/list/alpha-aaaaaa/checkpoints?limit=5000").body());
    assertEquals(1_000, capped.get("items").size(), "a larger limit is capped too");
    JsonNode rest = JSON.readTree(authorized("GET", "/v1/list/alpha-aaaaaa/checkpoints?after=" + first.get("next").asText()).body());
    assertEquals(5, rest.get("items").size());
    assertTrue(rest.get("next").isNull());
    JsonNode small = JSON.readTree(authorized("GET", "/v1/list/alpha-aaaaaa/checkpoints?limit=3").body());
    assertEquals(3, small.get("items").size());
    assertEquals(String.format("%010d.json", 3), small.get("next").asText());
    HttpResponse<byte[]> bad = authorized("GET", "/v1/list/alpha-aaaaaa/checkpoints?limit=many");
    assertEquals(400, bad.statusCode());
    assertTrue(error(bad).contains("found many"), error(bad));
    HttpTransport client = new HttpTransport(URI.create("http://127.0.0.1:" + server.address().getPort()), token);
    assertEquals(n, client.list(A, ArtifactKind.CHECKPOINT, null).size(), "the transport follows every page");
  }

  @Test
  void aGetRacingADeleteIsEitherTheWholeArtifactOr404() throws Exception {
    Artifacts.Named seg = Artifacts.segment(A, 50, 1);
    ArtifactName name = seg.name();
    String path = "/v1/artifacts/" + name.path();
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < 60; round++) {
      store.putIfAbsent(name, seg.bytes());
      CompletableFuture<HttpResponse<byte[]>> get = CompletableFuture.supplyAsync(() -> {
        try {
          return authorized("GET", path);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      store.delete(name); // what 'cairn gc' on the serving machine does
      HttpResponse<byte[]> r = get.join();
      statuses.add(r.statusCode());
      if (r.statusCode() == 200) {
        assertArrayEquals(seg.bytes(), r.body(), "never a part of the artifact");
      } else {
        assertEquals(404, r.statusCode(), "round " + round + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(error(r).contains("no artifact"), error(r));
      }
    }
    assertEquals(60, statuses.size());
  }
}
