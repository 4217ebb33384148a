package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.output.Json;
import dev.cairn.exchange.s3.S3ProxyServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three homes converge through an S3 bucket on a real S3 API server (S3Proxy), configured like the AWS tools. */
class S3SyncCliTest {
  private static S3ProxyServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    server = S3ProxyServer.start(work);
    server.settings().client().createBucket(b -> b.bucket("cairn-team"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private Map<String, String> env() {
    return Map.of("AWS_ENDPOINT_URL", server.endpoint().toString(), "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
  }

  private Path home(String name, String origin) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    String events = "{\"type\":\"session.recorded\",\"session\":\"" + origin + "~s\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"" + name + "\"}\n"
        + "{\"type\":\"message.appended\",\"session\":\"" + origin + "~s\",\"ordinal\":0,\"role\":\"user\",\"text\":\"hi from " + name + "\"}\n";
    assertEquals(0, Cli.runWithInput(h, events, "import", "events", "-").code());
    return h;
  }

  @Test
  void threeHomesConvergeThroughABucketAndANoOpSyncMovesNothing() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    Path c = home("c", "charlie-cccccc");
    String target = "s3://cairn-team/archive";
    for (Path h : List.of(a, b, c, a, b)) {
      Cli.Result r = Cli.runWithEnv(h, env(), InputStream.nullInputStream(), "sync", target);
      assertEquals(0, r.code(), r.out() + r.err());
    }
    String digest = Cli.run(a, "digest").line();
    assertEquals(digest, Cli.run(b, "digest").line());
    assertEquals(digest, Cli.run(c, "digest").line());
    assertEquals(3, Cli.json(c, "sessions").size());
    Cli.Result again = Cli.runWithEnv(c, env(), InputStream.nullInputStream(), "sync", target, "--json");
    JsonNode r = Json.MAPPER.readTree(again.out());
    assertEquals(0, r.get("bytes").asLong());
    assertEquals(1 + 3, r.get("list_calls").asLong(), "one origins listing and one checkpoint listing per origin: " + r);
  }

  @Test
  void refusedCredentialsAreExit4AsForAnHttpPeer() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Map<String, String> wrong = new java.util.HashMap<>(env());
    wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    Cli.Result r = Cli.runWithEnv(a, wrong, InputStream.nullInputStream(), "sync", "s3://cairn-team/refused", "--max-elapsed", "0");
    assertEquals(4, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("403"), r.err());
    assertTrue(!r.err().contains("null"), r.err());
  }

  @Test
  void credentialsCanLiveInSecretsTomlAndAreRequired() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Cli.Result none = Cli.run(a, "sync", "s3://cairn-team/other");
    assertEquals(3, none.code());
    assertTrue(none.err().contains("expected S3 credentials"), none.err());
    Files.writeString(a.resolve("secrets.toml"), "[s3]\nendpoint = \"" + server.endpoint() + "\"\naccess_key_id = \"" + S3ProxyServer.IDENTITY
        + "\"\nsecret_access_key = \"" + S3ProxyServer.CREDENTIAL + "\"\n");
    Cli.Result ok = Cli.run(a, "sync", "s3://cairn-team/other");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("pushed 2 artifacts"), ok.out());
  }
}
