package dev.cairn.exchange.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.Events;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCodecTest {
  static final Origin A = new Origin("alpha-aaaaaa");
  @TempDir Path dir;

  private Checkpoint checkpoint(SigningKey key) {
    Segment one = SegmentCodec.encode(Events.run(A, 1, 3), 3);
    Segment two = SegmentCodec.encode(Events.run(A, 4, 2), 3);
    return new Checkpoint(A, 2, new Seq(5), List.of(one.ref(), two.ref()), key.publicKey());
  }

  @Test
  void aSignedCheckpointVerifiesAndIsCanonicalJsonWithANewline() {
    SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys"));
    Checkpoint c = checkpoint(key);
    byte[] bytes = CheckpointCodec.encode(c, key);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\"checkpoint\":2,\"format\":\"cairn-checkpoint\",\"head\":5,\"origin\":\"alpha-aaaaaa\",\"public_key\":\"ed25519:"), text);
    assertTrue(text.endsWith("\",\"v\":1}\n"), text);
    assertEquals(c, CheckpointCodec.verify(c.name(), bytes));
    assertEquals("alpha-aaaaaa/checkpoints/0000000002.json", c.name().path());
  }

  @Test
  void theKeyFileIsPrivateAndReloads() throws Exception {
    SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/signing.key"))));
    assertEquals(key.publicKey(), SigningKey.loadOrCreate(dir.resolve("keys")).publicKey());
  }

  @Test
  void anyFlippedByteFailsVerification() {
    SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys"));
    Checkpoint c = checkpoint(key);
    byte[] good = CheckpointCodec.encode(c, key);
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      byte[] bad = good.clone();
      bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
      assertThrows(ArtifactCorruptException.class, () -> CheckpointCodec.verify(c.name(), bad));
    }
  }

  @Test
  void aCheckpointWithACoverageGapOrTheWrongNameIsRejected() {
    SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys"));
    Segment two = SegmentCodec.encode(Events.run(A, 4, 2), 3);
    Checkpoint gap = new Checkpoint(A, 1, new Seq(5), List.of(two.ref()), key.publicKey());
    ArtifactCorruptException e = assertThrows(ArtifactCorruptException.class, () -> CheckpointCodec.verify(gap.name(), CheckpointCodec.encode(gap, key)));
    assertTrue(e.getMessage().contains("covering seqs from 1"), e.getMessage());
    Checkpoint c = checkpoint(key);
    assertThrows(ArtifactCorruptException.class, () -> CheckpointCodec.verify(ArtifactName.checkpoint(A, 3), CheckpointCodec.encode(c, key)));
  }

  @Test
  void artifactNamesRejectTraversalAndOddShapes() {
    for (String bad : new String[] {"../alpha/segments/" + "a".repeat(64) + ".seg.zst", "alpha/segments/../../etc/passwd",
        "alpha/checkpoints/1.json", "alpha/segments/" + "A".repeat(64) + ".seg.zst", "Alpha/checkpoints/0000000001.json",
        "alpha/other/0000000001.json", "alpha/checkpoints/0000000001.json/x"}) {
      assertThrows(ArtifactNameException.class, () -> ArtifactName.parsePath(bad), bad);
    }
    assertEquals("alpha/checkpoints/0000000001.json", ArtifactName.parsePath("alpha/checkpoints/0000000001.json").path());
  }
}
