package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.ChildJvm;
import dev.cairn.ledger.Origin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM records and syncs to a folder in a loop and is SIGKILLed at random moments, 20
 * times, each time only once it has proved it is working (it has reported a completed sync), so
 * every kill lands in the middle of real work (appending, sealing or pushing), however busy the
 * machine. After every kill, every artifact under its final name (in the target and in the child's
 * own store) verifies in full, and every checkpoint's segments are present: no partial artifact is
 * ever visible. At the end the child's home re-syncs and a fresh home pulling from the folder
 * reaches the same digest.
 */
class SyncCrashTest {
  @TempDir Path dir;

  @Test
  void killingASyncAtAnyMomentNeverExposesAPartialArtifact() throws Exception {
    Path home = dir.resolve("home");
    Path shared = dir.resolve("shared");
    Random random = new Random(99);
    for (int round = 0; round < 20; round++) {
      Process child = ChildJvm.start(SyncingChild.class, home.toString(), shared.toString());
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", out.readLine());
      int proofs = 1 + random.nextInt(2);
      for (int i = 0; i < proofs; i++) {
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("synced"), "round " + round + ": the child stopped working: " + line);
      }
      Thread.sleep(random.nextInt(150)); // then anywhere in the next round's appends, seal or push
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      verifyAll(new FolderTransport(shared), round);
      verifyAll(new FolderTransport(home.resolve("artifacts")), round);
    }
    try (TestHome writer = new TestHome(home, "crash-000001"); TestHome reader = new TestHome(dir.resolve("reader"), "reader-000002")) {
      FolderTransport folder = new FolderTransport(shared);
      writer.sync(folder);
      reader.sync(folder);
      assertEquals(writer.digest(), reader.digest());
      assertTrue(writer.ledger.highWater(writer.origin).value() > 0);
    }
  }

  private static void verifyAll(FolderTransport t, int round) {
    for (Origin o : t.origins()) {
      for (ArtifactInfo seg : t.list(o, ArtifactKind.SEGMENT, null)) {
        SegmentCodec.verify(seg.name(), t.get(seg.name())); // throws on any partial or corrupt file
      }
      for (ArtifactInfo cp : t.list(o, ArtifactKind.CHECKPOINT, null)) {
        var c = CheckpointCodec.verify(cp.name(), t.get(cp.name()));
        for (var s : c.segmentNames()) {
          assertTrue(t.head(s).isPresent(), "round " + round + ": " + cp.name() + " lists missing " + s + " in " + t.describe());
        }
      }
    }
    try (var files = Files.walk(t.root())) {
      files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".")) // temporary files of an interrupted write: never under a final name
          .forEach(name -> assertTrue(name.endsWith(".seg.zst") || name.endsWith(".json"), "round " + round + ": stray file " + name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
