package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync interrupted at every step, each way: before the step reaches the store, in the middle of
 * a put, after it succeeded with the answer lost. At every point no checkpoint on the target lists
 * a missing or partial artifact, and one more sync per machine (or a reconcile) converges.
 */
class FaultMatrixTest {
  @TempDir Path dir;

  private static void fill(TestHome h, String nativeId, int messages) {
    SessionId s = h.session(nativeId);
    h.append(new SessionRecorded(s, "claude-code", "p", nativeId, Instant.parse("2025-11-20T10:00:00Z"), null, "/x", null, null, null));
    for (int i = 0; i < messages; i++) {
      h.append(new MessageAppended(s, i, "user", "message " + i + " of " + nativeId, null, null, null, List.of(), null));
    }
  }

  /** Every checkpoint on the store verifies and every segment it lists is there and verifies. */
  static void assertNoCheckpointListsAMissingOrPartialArtifact(Transport store) {
    for (Origin o : store.origins()) {
      for (ArtifactInfo cpInfo : store.list(o, ArtifactKind.CHECKPOINT, null)) {
        Checkpoint cp = CheckpointCodec.verify(cpInfo.name(), store.get(cpInfo.name()));
        for (ArtifactName seg : cp.segmentNames()) {
          assertTrue(store.head(seg).isPresent(), cpInfo.name() + " lists missing " + seg);
          SegmentCodec.verify(seg, store.get(seg));
        }
      }
    }
  }

  private int steps(Path root) throws Exception {
    try (TestHome a = new TestHome(root.resolve("a"), "alpha-aaaaaa", new SealPolicy(5, 1 << 20, 3));
        TestHome b = new TestHome(root.resolve("b"), "bravo-bbbbbb")) {
      fill(a, "s1", 12);
      fill(b, "s2", 3);
      FolderTransport folder = new FolderTransport(root.resolve("target"));
      b.sync(folder);
      StepFaultTransport counting = new StepFaultTransport(folder, root.resolve("target"), Integer.MAX_VALUE, StepFaultTransport.Mode.BEFORE);
      a.sync(counting);
      return counting.ops;
    }
  }

  @Test
  void everyStepOfAPushAndAPullCanFailAndTheNextPassConverges() throws Exception {
    int steps = steps(dir.resolve("count"));
    assertTrue(steps >= 8, "a push of 3 segments and a checkpoint plus a pull has at least 8 steps: " + steps);
    int cases = 0;
    for (StepFaultTransport.Mode mode : StepFaultTransport.Mode.values()) {
      for (int at = 1; at <= steps; at++) {
        Path root = dir.resolve(mode + "-" + at);
        try (TestHome a = new TestHome(root.resolve("a"), "alpha-aaaaaa", new SealPolicy(5, 1 << 20, 3));
            TestHome b = new TestHome(root.resolve("b"), "bravo-bbbbbb")) {
          fill(a, "s1", 12);
          fill(b, "s2", 3);
          FolderTransport folder = new FolderTransport(root.resolve("target"));
          b.sync(folder);
          StepFaultTransport faulty = new StepFaultTransport(folder, root.resolve("target"), at, mode);
          assertThrows(TransportException.class, () -> a.sync(faulty), mode + " at step " + at);
          assertNoCheckpointListsAMissingOrPartialArtifact(folder);
          assertNoCheckpointListsAMissingOrPartialArtifact(a.store);
          if (at % 2 == 0) {
            a.sync(folder); // pass 1: the interrupted machine syncs again
          } else {
            new Reconciler(a.origin, a.store, a.sync, a.pins).reconcile(folder, true); // or reconciles
            a.view.catchUp(a.ledger.reader());
          }
          b.sync(folder); // pass 2
          assertNoCheckpointListsAMissingOrPartialArtifact(folder);
          assertEquals(a.digest(), b.digest(), mode + " at step " + at + ": converged within two passes");
          assertEquals(a.ledger.highWater(a.origin), b.ledger.highWater(a.origin));
          assertEquals(a.ledger.highWater(b.origin), b.ledger.highWater(b.origin));
          cases++;
        }
      }
    }
    assertEquals(3 * steps, cases);
  }
}
