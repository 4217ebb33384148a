package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reconcile: uploads what is missing, heals corrupt target copies, reports orphans, restores, never deletes, and is idempotent. */
class ReconcilerTest {
  @TempDir Path dir;

  private static void fill(TestHome h, String nativeId, int messages) {
    h.append(new SessionRecorded(h.session(nativeId), "claude-code", "p", nativeId, Instant.parse("2025-11-20T10:00:00Z"), null, "/x", null, null, null));
    for (int i = 0; i < messages; i++) {
      h.append(new MessageAppended(h.session(nativeId), i, "user", "text " + i, null, null, null, List.of(), null));
    }
  }

  private static Reconciler reconciler(TestHome h) {
    return new Reconciler(h.origin, h.store, h.sync, h.pins);
  }

  @Test
  void uploadsWhatIsMissingHealsCorruptionReportsOrphansAndASecondRunHasNothingToDo() throws Exception {
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa", new SealPolicy(4, 1 << 20, 3))) {
      fill(a, "s", 10);
      Path root = dir.resolve("t");
      FolderTransport target = new FolderTransport(root);
      ReconcileReport first = reconciler(a).reconcile(target, false);
      assertTrue(first.uploaded() >= 4, "3 segments and a checkpoint: " + first.uploaded());
      assertFalse(first.nothingToDo());
      FaultMatrixTest.assertNoCheckpointListsAMissingOrPartialArtifact(target);

      ReconcileReport second = reconciler(a).reconcile(target, false);
      assertTrue(second.nothingToDo(), "idempotent: " + second.problems());
      assertEquals(first.uploaded(), second.verified(), "what was uploaded is now verified by download");

      // flip a byte of one segment on the target; drop an orphan beside it
      ArtifactName seg = target.list(a.origin, ArtifactKind.SEGMENT, null).get(0).name();
      Path file = root.resolve(seg.path());
      byte[] b = Files.readAllBytes(file);
      b[b.length / 2] ^= 0x40;
      file.toFile().setWritable(true);
      Files.write(file, b);
      Path orphan = root.resolve("alpha-aaaaaa/segments/" + "f".repeat(64) + ".seg.zst");
      Files.write(orphan, new byte[] {9});
      ReconcileReport healed = reconciler(a).reconcile(target, false);
      assertEquals(1, healed.reuploaded());
      assertEquals(List.of("alpha-aaaaaa/segments/" + "f".repeat(64) + ".seg.zst"), healed.origins().get(a.origin).orphans());
      assertTrue(Files.exists(orphan), "reconcile never deletes");
      FaultMatrixTest.assertNoCheckpointListsAMissingOrPartialArtifact(target);
      ReconcileReport again = reconciler(a).reconcile(target, false);
      assertTrue(again.nothingToDo(), again.problems().toString());
      assertEquals(1, again.orphans(), "orphans are reported every time, and left");
    }
  }

  @Test
  void restoreRebuildsAMachineFromTheTargetAlone() throws Exception {
    Path root = dir.resolve("t");
    String digest;
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa")) {
      fill(a, "s", 20);
      a.sync(new FolderTransport(root));
      digest = a.digest();
    }
    try (TestHome fresh = new TestHome(dir.resolve("fresh"), "fresh-ffffff")) {
      ReconcileReport dry = reconciler(fresh).reconcile(new FolderTransport(root), false);
      assertTrue(dry.onlyOnTarget() > 0);
      assertEquals(0, fresh.ledger.highWater(new dev.cairn.ledger.Origin("alpha-aaaaaa")).value(), "without --restore nothing is fetched");
      ReconcileReport restored = reconciler(fresh).reconcile(new FolderTransport(root), true);
      assertTrue(restored.restored() > 0);
      assertEquals(digest, fresh.digest(), "the fresh machine holds what the target holds");
      ReconcileReport again = reconciler(fresh).reconcile(new FolderTransport(root), true);
      assertEquals(0, again.onlyOnTarget());
      assertTrue(again.nothingToDo(), again.problems().toString());
    }
  }
}
