package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.output.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never enter the ledger (issue 15): a transcript carrying a fake secret of every format
 * the importer knows, in every field (user text, assistant text, thinking, tool input, tool
 * result), is imported and synced; then no byte of any secret is in the home's files (ledger,
 * view, state), in the target's segments (decompressed with the real zstd), or in {@code tail
 * --json}; ordinary look-alikes (hashes, uuids, base64 of plain text, a weak password, an env
 * reference) are untouched.
 */
class RedactionTest {
  /** Fake secrets, one per rule, built from parts so that no whole secret lies in this source file. */
  static final Map<String, String> SECRETS = new LinkedHashMap<>();
  /** What each secret's text in the transcript looks like around it (the secret is the part that must vanish). */
  static final Map<String, String> CONTEXT = new LinkedHashMap<>();

  static {
    secret("aws-access-key-id", "AKIA" + "Q3EXAMPLE7ZZTEST", "%s");
    secret("aws-secret-access-key", "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzEXAMPLEKE", "aws_secret_access_key = %s");
    secret("github-token", "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "%s");
    secret("github-token-fine", "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789AB", "%s");
    secret("gitlab-token", "glpat-" + "xY3zAbCdEfGhIjKlMnOp", "%s");
    secret("slack-token", "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "%s");
    secret("stripe-live-key", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "%s");
    secret("openai-api-key", "sk-proj-" + "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34", "%s");
    secret("anthropic-api-key", "sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7Zx6Yw5Vu4Ts3Rq2Po1Nm0Lk9Ji8Hg7Fe6Dc5Ba4-AA", "%s");
    secret("google-api-key", "AIza" + "SyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tUvW", "%s");
    secret("jwt", "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "Bearer %s");
    secret("private-key", "MIIEpAIBAAKCAQEA7bq" + "Yh2KfXzT9wLmN3pQrS8vU1xZ4aB6cD0eF2gH5iJ7kL9mN", "-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----");
    secret("url-credentials", "Sup3rS3cret" + "Passw0rd9", "postgres://admin:%s@db.example.com:5432/app");
    secret("assignment", "Zq8vK2mP9x" + "L4wR7tN3bY", "password=%s");
  }

  /** Look-alikes that must survive import unchanged. */
  static final List<String> ORDINARY = List.of(
      "3f9a1c2b7d4e5f60718293a4b5c6d7e8f9012345",
      "0b6c6a9e-1f2d-4c3b-9a8e-7d6c5b4a3f21",
      "SGVsbG8sIHdvcmxkISBUaGlzIGlzIGp1c3QgdGV4dC4=",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "password=changeme",
      "apiKey: process.env.API_KEY",
      "token_count=123456789012",
      "https://example.com/docs?page=2");

  private static void secret(String rule, String value, String context) {
    SECRETS.put(rule, value);
    CONTEXT.put(rule, context.formatted(value));
  }

  @TempDir Path dir;
  Path home;
  Path projects;

  @BeforeEach
  void transcript() throws Exception {
    home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    projects = dir.resolve("projects");
    Path file = projects.resolve("-home-dev-app").resolve("sess-1.jsonl");
    Files.createDirectories(file.getParent());
    List<String> contexts = new ArrayList<>(CONTEXT.values());
    // spread the secrets over the five fields, several in each
    List<List<String>> fields = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < contexts.size(); i++) {
      fields.get(i % 5).add(contexts.get(i));
    }
    String ordinary = String.join("\n", ORDINARY);
    List<String> lines = new ArrayList<>();
    lines.add(line("user", "u1", null, Json.MAPPER.valueToTree("Please deploy. " + String.join("\n", fields.get(0)) + "\n" + ordinary)));
    ObjectNode assistant = Json.object().put("role", "assistant").put("id", "msg_1").put("model", "claude-sonnet-4-5");
    var content = assistant.putArray("content");
    content.addObject().put("type", "thinking").put("thinking", "I see " + String.join(" and ", fields.get(1)));
    content.addObject().put("type", "text").put("text", "Deploying with " + String.join("\n", fields.get(2)) + "\n" + ordinary);
    ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "Bash");
    use.putObject("input").put("command", "deploy " + String.join(" ", fields.get(3)));
    lines.add(envelope("assistant", "a1", assistant));
    ObjectNode result = Json.object().put("role", "user");
    result.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_1")
        .put("content", "output:\n" + String.join("\n", fields.get(4)) + "\n" + ordinary);
    lines.add(envelope("user", "u2", result));
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static String line(String type, String uuid, String unused, JsonNode content) {
    ObjectNode message = Json.object().put("role", type);
    message.set("content", content);
    return envelope(type, uuid, message);
  }

  private static String envelope(String type, String uuid, ObjectNode message) {
    ObjectNode n = Json.object().put("type", type).put("uuid", uuid).put("sessionId", "sess-1").put("cwd", "/home/dev/app")
        .put("timestamp", "2025-11-20T10:00:0" + uuid.charAt(1) + ".000Z");
    n.set("message", message);
    return Json.write(n);
  }

  @Test
  void noSecretReachesTheLedgerTheViewTheSegmentsOrTheFeed() throws Exception {
    Cli.Result dry = Cli.run(home, "import", "claude", projects.toString(), "--dry-run");
    assertEquals(0, dry.code(), dry.err());
    for (String rule : SECRETS.keySet()) {
      String name = rule.equals("github-token-fine") ? "github-token" : rule;
      assertTrue(dry.out().contains("would redact " + name + " in lap-000001~sess-1 message"), rule + ": " + dry.out());
    }
    assertEquals(0, Cli.json(home, "sessions").size(), "a dry run stores nothing");

    JsonNode summary = Cli.json(home, "import", "claude", projects.toString());
    assertEquals(2, summary.get("redactions").get("github-token").asLong(), summary.toString());
    assertEquals(SECRETS.size() + 1, summary.get("redactions").properties().stream().mapToLong(e -> e.getValue().asLong()).sum(),
        "each secret once, and the AWS key id of the first prompt again in the title: " + summary);
    Path target = java.nio.file.Files.createDirectories(dir.resolve("shared"));
    Files.createDirectories(target);
    Cli.Result sync = Cli.run(home, "sync", "folder:" + target);
    assertEquals(0, sync.code(), sync.err());

    List<String> places = new ArrayList<>();
    byte[] everything = bytesUnder(home, places);
    byte[] segments = segmentsUnder(target, places);
    Cli.Result tail = Cli.run(home, "tail", "--json");
    assertEquals(0, tail.code(), tail.err());
    String show = Cli.run(home, "show", "lap-000001~sess-1", "--json", "--thinking").out();
    for (Map.Entry<String, String> s : SECRETS.entrySet()) {
      byte[] secret = s.getValue().getBytes(StandardCharsets.UTF_8);
      assertFalse(contains(everything, secret), s.getKey() + " is in the home's files " + places);
      assertFalse(contains(segments, secret), s.getKey() + " is in a sealed segment");
      assertFalse(tail.out().contains(s.getValue()), s.getKey() + " is in tail --json");
      assertFalse(show.contains(s.getValue()), s.getKey() + " is in show --json");
    }
    assertTrue(segments.length > 0 && contains(segments, "[redacted:jwt]".getBytes(StandardCharsets.UTF_8)), "the segments hold the redacted events");
    for (String rule : SECRETS.keySet()) {
      String name = rule.equals("github-token-fine") ? "github-token" : rule;
      assertTrue(show.contains("[redacted:" + name + "]"), name + ": " + show);
    }
    for (String plain : ORDINARY) {
      String asJson = Json.write(Json.MAPPER.valueToTree(plain));
      assertTrue(show.contains(asJson.substring(1, asJson.length() - 1)), "left alone: " + plain + " in " + show);
    }
    assertTrue(show.contains("postgres://admin:[redacted:url-credentials]@db.example.com"), "only the password of a URL goes: " + show);
    assertTrue(show.contains("password=[redacted:assignment]"), show);
  }

  @Test
  void configTurnsRulesOffAllowsValuesAndAddsRules() throws Exception {
    Files.writeString(home.resolve("config.toml"), Files.readString(home.resolve("config.toml"))
        + "\n[redact]\noff = [\"jwt\"]\nallow = [\"AKIA" + "Q3EXAMPLE7ZZTEST\"]\n[redact.rules]\ninternal-id = \"SGVsbG8s[A-Za-z0-9+/=]+\"\n");
    JsonNode summary = Cli.json(home, "import", "claude", projects.toString());
    assertFalse(summary.get("redactions").has("jwt"), summary.toString());
    assertFalse(summary.get("redactions").has("aws-access-key-id"), "allowed: " + summary);
    assertEquals(3, summary.get("redactions").get("internal-id").asLong(), "an added rule, in the three fields that hold it: " + summary);
    String show = Cli.run(home, "show", "lap-000001~sess-1", "--json").out();
    assertTrue(show.contains(SECRETS.get("jwt")) && show.contains(SECRETS.get("aws-access-key-id")), show);
    assertFalse(show.contains(SECRETS.get("github-token")), show);

    Files.writeString(home.resolve("config.toml"), Files.readString(home.resolve("config.toml")).replace("off = [\"jwt\"]", "off = [\"jwtt\"]"));
    Cli.Result bad = Cli.run(home, "import", "claude", projects.toString());
    assertEquals(3, bad.code(), bad.err());
    assertTrue(bad.err().contains("[redact] off: expected names of built-in rules") && bad.err().contains("found 'jwtt'"), bad.err());
  }

  private static byte[] bytesUnder(Path root, List<String> places) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        places.add(root.relativize(f).toString());
        out.write(Files.readAllBytes(f));
      }
    }
    return out.toByteArray();
  }

  private static byte[] segmentsUnder(Path root, List<String> places) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".seg.zst")).toList()) {
        Process p = new ProcessBuilder("zstd", "-dc", f.toString()).redirectErrorStream(false).start();
        out.write(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "zstd -dc " + f);
        places.add(f.toString());
      }
    }
    return out.toByteArray();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
