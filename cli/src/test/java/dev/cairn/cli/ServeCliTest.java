package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three homes converge through one of them running {@code cairn serve}, over real HTTP on loopback. */
class ServeCliTest {
  @TempDir Path dir;
  private Thread server;
  private final StringWriter serverOut = new StringWriter();

  private Path home(String name, String origin, String nativeId) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    String events = "{\"type\":\"session.recorded\",\"session\":\"" + origin + "~" + nativeId + "\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"" + name + "\"}\n"
        + "{\"type\":\"message.appended\",\"session\":\"" + origin + "~" + nativeId + "\",\"ordinal\":0,\"role\":\"user\",\"text\":\"hello from " + name + "\"}\n";
    assertEquals(0, Cli.runWithInput(h, events, "import", "events", "-").code());
    return h;
  }

  private String serve(Path home) {
    server = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "serve", "--port", "0"},
        new Context(Map.of(), java.io.InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    Pattern p = Pattern.compile("serving .* on (http://[0-9.]+:[0-9]+)");
    await().atMost(Duration.ofSeconds(30)).until(() -> p.matcher(serverOut.toString()).find());
    Matcher m = p.matcher(serverOut.toString());
    assertTrue(m.find());
    return m.group(1);
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.interrupt();
      server.join(10_000);
    }
  }

  @Test
  void threeHomesConvergeThroughAServingPeer() throws Exception {
    Path a = home("a", "alpha-aaaaaa", "s-a");
    Path b = home("b", "bravo-bbbbbb", "s-b");
    Path c = home("c", "charlie-cccccc", "s-c");
    String url = serve(a);
    String token = Files.readString(a.resolve("keys/serve.token")).strip();
    for (Path h : List.of(b, c, b)) {
      Cli.Result r = Cli.run(h, "sync", url, "--token", token);
      assertEquals(0, r.code(), r.err());
    }
    String digestB = Cli.run(b, "digest").line();
    assertEquals(digestB, Cli.run(c, "digest").line());
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> Cli.run(a, "digest").line().equals(digestB)); // the server absorbs pushes in the background
    assertEquals(3, Cli.json(a, "sessions").size());
    assertTrue(serverOut.toString().contains("absorbed"), serverOut.toString());
    var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/metrics"))
        .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    for (String m : List.of("cairn_events_imported_total", "cairn_events_sealed_total", "cairn_events_projected_total",
        "cairn_ledger_entries", "cairn_view_lag", "cairn_artifacts_stored_total", "cairn_http_requests_seconds_count")) {
      assertTrue(metrics.contains(m), m + " missing from /metrics:\n" + metrics);
    }
    assertTrue(metrics.contains("cairn_ledger_entries 6.0"), metrics);
  }

  @Test
  void aWrongTokenIsRefusedAndNothingIsStored() throws Exception {
    Path a = home("a", "alpha-aaaaaa", "s-a");
    Path b = home("b", "bravo-bbbbbb", "s-b");
    String url = serve(a);
    Cli.Result r = Cli.run(b, "sync", url, "--token", "wrong");
    assertEquals(4, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("401 unauthorized"), r.err());
    assertTrue(Files.notExists(a.resolve("artifacts/bravo-bbbbbb")), "nothing stored");
    Cli.Result none = Cli.run(b, "sync", url);
    assertEquals(3, none.code());
    assertTrue(none.err().contains("expected a token"), none.err());
  }

  @Test
  void servesHttpsWithAPkcs12Keystore() throws Exception {
    Path a = home("a", "alpha-aaaaaa", "s-a");
    Path ks = dir.resolve("peer.p12");
    Files.writeString(dir.resolve("pw"), "changeit-123");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "peer",
        "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
        "-storepass", "changeit-123", "-keypass", "changeit-123").redirectErrorStream(true).start();
    assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
    server = new Thread(() -> Main.run(new String[] {"--home", a.toString(), "serve", "--port", "0", "--tls-keystore", ks.toString(),
        "--tls-password-file", dir.resolve("pw").toString()},
        new Context(Map.of(), java.io.InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    Pattern p = Pattern.compile("serving .* on (https://[0-9.]+:[0-9]+)");
    await().atMost(Duration.ofSeconds(30)).until(() -> p.matcher(serverOut.toString()).find());
    Matcher m = p.matcher(serverOut.toString());
    assertTrue(m.find());
    String token = Files.readString(a.resolve("keys/serve.token")).strip();
    Process curl = new ProcessBuilder("curl", "-sk", "-H", "Authorization: Bearer " + token, m.group(1) + "/v1/origins").redirectErrorStream(true).start();
    String body = new String(curl.getInputStream().readAllBytes());
    assertEquals(0, curl.waitFor(), body);
    assertTrue(body.contains("alpha-aaaaaa"), body);
  }

  @Test
  void plainHttpOnANonLoopbackAddressIsRefused() {
    Path a = home("a", "alpha-aaaaaa", "s-a");
    Cli.Result r = Cli.run(a, "serve", "--bind", "0.0.0.0", "--port", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--allow-insecure"), r.err());
  }

  @Test
  void aForgedPushIsRefusedAndTheServingHomeReportsTheKeyConflict() throws Exception {
    Path a = home("a", "alpha-aaaaaa", "s-a");
    Path b = home("b", "bravo-bbbbbb", "s-b");
    String url = serve(a);
    String token = Files.readString(a.resolve("keys/serve.token")).strip();
    assertEquals(0, Cli.run(b, "sync", url, "--token", token).code());
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> Cli.run(a, "peers").out().contains("bravo-bbbbbb")); // the server pinned bravo's key when it absorbed

    dev.cairn.exchange.Forger.Forged forged = new dev.cairn.exchange.Forger(dir.resolve("mallory"))
        .checkpoint(new dev.cairn.ledger.Origin("bravo-bbbbbb"), 5, 9);
    var http = java.net.http.HttpClient.newHttpClient();
    for (var seg : forged.segments()) {
      http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/artifacts/" + seg.name().path()))
          .header("Authorization", "Bearer " + token).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(seg.bytes())).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/artifacts/" + forged.name().path()))
        .header("Authorization", "Bearer " + token).PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(forged.checkpointBytes())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(Files.notExists(a.resolve("artifacts").resolve(forged.name().path())), "never stored");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> Cli.run(a, "status").code() == 5);
    assertTrue(Cli.run(a, "status").out().contains("KEY CONFLICT bravo-bbbbbb"));
  }
}
