package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import dev.cairn.exchange.s3.S3ProxyServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted targets end to end: homes converge through a folder, a serving peer and an S3 bucket
 * that hold only age files; a machine that is not a recipient gets a clear error and applies
 * nothing.
 */
class EncryptedSyncCliTest {
  private static S3ProxyServer s3;
  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    s3 = S3ProxyServer.start(work);
    s3.settings().client().createBucket(b -> b.bucket("vault"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  private Path home(String name, String origin) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    String events = "{\"type\":\"session.recorded\",\"session\":\"" + origin + "~s\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"secret plans of " + name + "\"}\n"
        + "{\"type\":\"message.appended\",\"session\":\"" + origin + "~s\",\"ordinal\":0,\"role\":\"user\",\"text\":\"hi from " + name + "\"}\n";
    assertEquals(0, Cli.runWithInput(h, events, "import", "events", "-").code());
    return h;
  }

  private static String recipient(Path home) throws Exception {
    return Cli.json(home, "status").get("age_recipient").asText();
  }

  private static void ok(Cli.Result r) {
    assertEquals(0, r.code(), r.out() + r.err());
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void twoRecipientsConvergeThroughAFolderThatHoldsOnlyAgeFilesAndAStrangerIsRefused() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    Path vault = java.nio.file.Files.createDirectories(dir.resolve("vault"));
    ok(Cli.run(a, "target", "add", "vault", "folder:" + vault, "--encrypt-to", recipient(b)));
    ok(Cli.run(b, "target", "add", "vault", "folder:" + vault, "--encrypt-to", recipient(a)));
    for (Path h : List.of(a, b, a)) {
      ok(Cli.run(h, "sync", "vault"));
    }
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    assertEquals(2, Cli.json(b, "sessions").size());
    List<Path> stored = files(vault);
    assertFalse(stored.isEmpty());
    assertTrue(Files.readString(vault.resolve("cairn-target.json")).contains("\"encryption\":\"age-x25519\""), "the target says it is encrypted");
    for (Path f : stored) {
      if (f.getFileName().toString().equals("cairn-target.json")) {
        continue; // the marker: public recipients only
      }
      assertTrue(f.toString().endsWith(".age"), "only age files: " + f);
      assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("secret plans"), f.toString());
    }
    String list = Cli.run(a, "target", "list").out();
    assertTrue(list.contains("encrypted"), list);
    var listed = Cli.json(a, "target", "list").get(0);
    assertEquals("fresh", listed.get("staleness").asText(), "an encrypted target that just synced is fresh: " + listed);
    assertTrue(Cli.json(a, "status").get("targets").has("folder:" + vault),
        "status keys the target by its identity, whatever its encryption: " + Cli.json(a, "status").get("targets"));

    Path c = home("c", "charlie-cccccc");
    String before = Cli.run(c, "digest").line();
    ok(Cli.run(c, "target", "add", "vault", "folder:" + vault, "--encrypt-to", recipient(a)));
    Cli.Result refused = Cli.run(c, "sync", "vault");
    assertEquals(4, refused.code(), refused.out() + refused.err());
    assertTrue(refused.err().contains("cannot decrypt") && refused.err().contains(vault.toString()), refused.err());
    assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
    assertEquals(before, Cli.run(c, "digest").line(), "nothing applied");
  }

  @Test
  void aPassphraseTargetOnS3ConvergesAndTheBucketHoldsOnlyAgeObjects() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "correct horse battery staple\n");
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL", s3.endpoint().toString(), "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
    for (Path h : List.of(a, b)) {
      ok(Cli.run(h, "target", "add", "bucket", "s3://vault/team", "--encrypt-passphrase-file", pass.toString(), "--scrypt-work-factor", "10"));
      assertFalse(Files.readString(h.resolve("config.toml")).contains("correct horse"), "the passphrase stays out of config.toml");
    }
    for (Path h : List.of(a, b, a)) {
      ok(Cli.runWithEnv(h, env, InputStream.nullInputStream(), "sync", "bucket"));
    }
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
    var keys = s3.settings().client().listObjectsV2(r -> r.bucket("vault").prefix("team/")).contents();
    assertFalse(keys.isEmpty());
    keys.forEach(o -> assertTrue(o.key().endsWith(".age") || o.key().equals("team/cairn-target.json"), o.key()));
  }

  @Test
  void homesConvergeThroughAServingPeerThatCannotReadWhatItStores() throws Exception {
    Path s = home("s", "server-ssssss");
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    StringWriter serverOut = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", s.toString(), "serve", "--port", "0"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    try {
      Pattern p = Pattern.compile("serving .* on (http://[0-9.]+:[0-9]+)");
      await().atMost(Duration.ofSeconds(30)).until(() -> p.matcher(serverOut.toString()).find());
      Matcher m = p.matcher(serverOut.toString());
      assertTrue(m.find());
      String token = Files.readString(s.resolve("keys/serve.token")).strip();
      ok(Cli.run(a, "target", "add", "peer", m.group(1), "--token", token, "--encrypt-to", recipient(b)));
      ok(Cli.run(b, "target", "add", "peer", m.group(1), "--token", token, "--encrypt-to", recipient(a)));
      for (Path h : List.of(a, b, a)) {
        ok(Cli.run(h, "sync", "peer"));
      }
      assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
      assertEquals(2, Cli.json(a, "sessions").size());
      for (Path f : files(s.resolve("artifacts/alpha-aaaaaa"))) {
        assertTrue(f.toString().endsWith(".age"), f.toString());
      }
      assertEquals(1, Cli.json(s, "sessions").size(), "the server holds the files but cannot read them");
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }
}
