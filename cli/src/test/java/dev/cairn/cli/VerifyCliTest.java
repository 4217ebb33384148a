package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.output.Json;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn verify} finds every kind of damage the recovery suite injects, says what heals it,
 * exits 5, and changes nothing; a sound home and target verify clean (exit 0).
 */
class VerifyCliTest {
  @TempDir Path dir;
  private Path home;
  private Path target;

  @BeforeEach
  void aHomeWithSealedEvents() throws Exception {
    home = dir.resolve("home");
    target = Files.createDirectories(dir.resolve("target"));
    assertEquals(0, Cli.run(home, "init", "--origin", "ver-000001").code());
    StringBuilder events = new StringBuilder(
        "{\"type\":\"session.recorded\",\"session\":\"ver-000001~s\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"t\"}\n");
    for (int i = 0; i < 300; i++) {
      events.append("{\"type\":\"message.appended\",\"session\":\"ver-000001~s\",\"ordinal\":").append(i)
          .append(",\"role\":\"user\",\"text\":\"message number ").append(i).append(" of three hundred\"}\n");
    }
    assertEquals(0, Cli.runWithInput(home, events.toString(), "import", "events", "-").code());
    assertEquals(0, Cli.run(home, "sync", target.toString()).code());
  }

  private JsonNode verify(int expectedCode, String... args) throws Exception {
    String[] all = Stream.concat(Stream.of("verify", "--json"), Stream.of(args)).toArray(String[]::new);
    Cli.Result r = Cli.run(home, all);
    assertEquals(expectedCode, r.code(), r.out() + r.err());
    return Json.MAPPER.readTree(r.out());
  }

  private static void flipByteAfter(Path file, String needle) throws Exception {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] all = new byte[(int) Math.min(f.length(), 64 << 20)];
      f.readFully(all);
      for (int i = 0; i + n.length <= all.length; i++) {
        if (java.util.Arrays.equals(all, i, i + n.length, n, 0, n.length)) {
          f.seek(i + n.length - 1);
          f.write(all[i + n.length - 1] ^ 0x01);
          return;
        }
      }
    }
    throw new AssertionError(needle + " not found in " + file);
  }

  private Path one(Path root, String suffix) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }

  @Test
  void aSoundHomeAndTargetVerifyClean() throws Exception {
    JsonNode local = verify(0, "--deep");
    assertTrue(local.get("clean").asBoolean(), local.toString());
    assertEquals(301, local.get("ledger_entries").asLong());
    assertEquals(2, local.get("artifacts").asLong(), "a segment and a checkpoint");
    assertEquals(local.get("view").get("digest").asText(), local.get("view").get("rebuilt_digest").asText());
    JsonNode remote = verify(0, target.toString());
    assertTrue(remote.get("clean").asBoolean(), remote.toString());
    assertTrue(Cli.run(home, "verify").out().contains("all well"));
  }

  @Test
  void aFlippedBitInALedgerEntryIsFoundAndNamed() throws Exception {
    flipByteAfter(one(home.resolve("ledger/queue"), ".cq4"), "message number 150 of three hundre");
    JsonNode r = verify(5);
    assertEquals(1, r.get("findings").size(), r.toString());
    JsonNode f = r.get("findings").get(0);
    assertTrue(f.get("where").asText().startsWith("ledger entry at index"), f.toString());
    assertTrue(f.get("heal").asText().contains("cairn rebuild"), f.toString());
  }

  @Test
  void aDamagedSegmentInTheStoreOrOnTheTargetIsFound() throws Exception {
    Path segment = one(home.resolve("artifacts"), ".zst");
    byte[] b = Files.readAllBytes(segment);
    b[b.length / 2] ^= 0x40;
    Files.write(segment, b);
    JsonNode r = verify(5);
    assertTrue(r.get("findings").toString().contains("segments/"), r.toString());
    assertTrue(r.get("findings").toString().contains("cairn reconcile"), r.toString());

    Path remote = one(target, ".zst");
    Files.write(remote, new byte[] {1, 2, 3});
    JsonNode t = verify(5, target.toString());
    assertTrue(t.get("findings").toString().contains("segments/"), t.toString());
  }

  @Test
  void aForgedCheckpointAndAMissingSegmentAreFound() throws Exception {
    Path checkpoint = one(target.resolve("ver-000001/checkpoints"), ".json");
    String text = Files.readString(checkpoint);
    assertTrue(text.contains("\"head\":301"), text);
    Files.writeString(checkpoint, text.replace("\"head\":301", "\"head\":302")); // a claim its signature does not cover
    JsonNode forged = verify(5, target.toString());
    assertTrue(forged.get("findings").get(0).get("where").asText().contains("checkpoints/"), forged.toString());

    Files.writeString(checkpoint, text); // put it back; take the segment away
    Files.delete(one(target, ".zst"));
    JsonNode missing = verify(5, target.toString());
    assertTrue(missing.get("findings").toString().contains("missing"), missing.toString());
  }

  @Test
  void aViewThatDisagreesWithTheLedgerIsFound() throws Exception {
    Files.write(home.resolve("view.db"), "not a database".repeat(200).getBytes(StandardCharsets.UTF_8));
    JsonNode r = verify(5);
    assertEquals("view.db", r.get("findings").get(0).get("where").asText(), r.toString());
    assertEquals("cairn rebuild", r.get("findings").get(0).get("heal").asText());
  }
}
