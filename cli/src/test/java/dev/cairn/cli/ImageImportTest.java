package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images (issue 15): an image block is kept as a reference (media type, size, SHA-256) and its
 * bytes are stored once per distinct image as a blob.stored event, which syncs like any other;
 * a type cairn does not show (SVG) keeps its reference and no bytes.
 */
class ImageImportTest {
  @TempDir Path dir;

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
  static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);

  private static String image(String type, byte[] bytes) {
    return "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"" + type + "\",\"data\":\"" + Base64.getEncoder().encodeToString(bytes)
        + "\"}}";
  }

  private static String line(String type, int n, String message) {
    return "{\"type\":\"" + type + "\",\"uuid\":\"u" + n + "\",\"sessionId\":\"img1\",\"cwd\":\"/tmp\",\"timestamp\":\"2025-11-20T10:00:0" + n + "Z\","
        + "\"message\":" + message + "}";
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void eachDistinctImageIsStoredOnceAndTravelsWithTheArchive() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, Cli.run(a, "init", "--origin", "lap-000001").code());
    assertEquals(0, Cli.run(b, "init", "--origin", "desk-000002").code());
    Path file = dir.resolve("projects/-tmp/img1.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", List.of(
        line("user", 1, "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is wrong here?\"}," + image("image/png", PNG) + "]}"),
        line("assistant", 2, "{\"role\":\"assistant\",\"id\":\"m1\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Read\",\"input\":{\"file_path\":\"/tmp/a.jpg\"}}]}"),
        line("user", 3, "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":[" + image("image/jpeg", JPEG) + "]}]}"),
        line("user", 4, "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Same screenshot again, and a drawing\"}," + image("image/png", PNG) + ","
            + image("image/svg+xml", SVG) + "]}"))) + "\n");

    JsonNode first = Cli.json(a, "import", "claude", dir.resolve("projects").toString());
    assertEquals(2, first.get("image_events").asLong(), "the PNG once (it is in two messages) and the JPEG; not the SVG: " + first);
    JsonNode again = Cli.json(a, "import", "claude", dir.resolve("projects").toString());
    assertEquals(0, again.get("image_events").asLong());
    assertEquals(0, again.get("message_events").asLong());
    Files.writeString(file, Files.readString(file) + line("assistant", 5, "{\"role\":\"assistant\",\"id\":\"m2\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}") + "\n");
    assertEquals(0, Cli.json(a, "import", "claude", dir.resolve("projects").toString()).get("image_events").asLong(),
        "a grown file does not store its images again");

    JsonNode show = Cli.json(a, "show", "img1");
    JsonNode m0 = show.get("messages").get(0);
    assertEquals("What is wrong here?\n\n[image png 16 B]", m0.get("text").asText());
    assertEquals(sha(PNG), m0.get("images").get(0).get("sha256").asText());
    assertEquals(16, m0.get("images").get(0).get("bytes").asLong());
    JsonNode m1 = show.get("messages").get(1);
    assertEquals("[image jpeg 11 B]", m1.get("tool_calls").get(0).get("output").asText());
    assertEquals(sha(JPEG), m1.get("images").get(0).get("sha256").asText(), "a tool result's image belongs to the message that made the call");
    JsonNode m2 = show.get("messages").get(2);
    assertEquals(2, m2.get("images").size());
    assertEquals("image/svg+xml", m2.get("images").get(1).get("media_type").asText(), "the reference says what was there");
    assertTrue(Cli.run(a, "show", "img1").out().contains("[image png 16 B]"));

    Cli.Result tail = Cli.run(a, "tail", "--json");
    assertEquals(2, tail.out().lines().filter(l -> l.contains("\"type\":\"blob.stored\"")).count(), tail.out());

    Path shared = java.nio.file.Files.createDirectories(dir.resolve("shared"));
    Files.createDirectories(shared);
    assertEquals(0, Cli.run(a, "sync", "folder:" + shared).code());
    Cli.Result pulled = Cli.run(b, "sync", "folder:" + shared);
    assertEquals(0, pulled.code(), pulled.err());
    assertEquals(2, Cli.json(b, "show", "lap-000001~img1").get("messages").get(2).get("images").size());
    Process q = new ProcessBuilder("sqlite3", b.resolve("view.db").toString(),
        "SELECT sha256 || ' ' || media_type || ' ' || bytes || ' ' || hex(data) FROM blobs ORDER BY media_type").start();
    String rows = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, q.waitFor());
    assertEquals(sha(JPEG) + " image/jpeg 11 " + HexFormat.of().withUpperCase().formatHex(JPEG) + "\n"
        + sha(PNG) + " image/png 16 " + HexFormat.of().withUpperCase().formatHex(PNG) + "\n", rows, "the other machine holds the bytes");
  }
}
