package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.SessionRenamed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSyncTest {
  @TempDir Path dir;

  static void record(TestHome h, String nativeId, int messages) {
    SessionId s = h.session(nativeId);
    h.append(new SessionRecorded(s, "claude-code", "p", nativeId, Instant.parse("2025-11-20T10:00:00Z"), null, "/x", null, null, null));
    for (int i = 0; i < messages; i++) {
      h.append(new MessageAppended(s, i, "user", "message " + i + " of " + nativeId, null, null, null, List.of(), null));
    }
  }

  @Test
  void twoHomesConvergeThroughAFolderAndASecondSyncTransfersNothing() {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 20);
      record(b, "s2", 5);
      SyncReport first = a.sync(folder);
      assertEquals(21, first.sealedEvents());
      assertEquals(2, first.pushed(), "one segment and one checkpoint");
      b.sync(folder);
      a.sync(folder);
      assertEquals(a.digest(), b.digest());
      assertEquals(2, b.view.queries().sessions(true, 0).size());
      SyncReport again = a.sync(folder);
      assertEquals(0, again.pushed() + again.pulled(), "nothing new: no artifact moves");
      assertEquals(0, again.transferredBytes());
      assertEquals(1 + 2, again.listCalls(), "one origins listing plus one checkpoint listing per origin");
    }
  }

  @Test
  void aRelayPassesAnotherOriginsArtifactsOn() {
    FolderTransport ab = new FolderTransport(dir.resolve("ab"));
    FolderTransport bc = new FolderTransport(dir.resolve("bc"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb");
        TestHome c = new TestHome(dir.resolve("c"), "charlie-cccccc")) {
      record(a, "s1", 10);
      a.sync(ab);
      b.sync(ab);
      b.sync(bc);
      c.sync(bc);
      assertEquals(a.digest(), c.digest(), "c got a's events through b without ever seeing a");
      assertEquals(new Seq(11), c.ledger.highWater(a.origin), "all of a's events reached c");
      assertTrue(bc.head(ArtifactName.checkpoint(a.origin, 1)).isPresent(), "b relayed a's checkpoint into the folder it shares with c");
      assertTrue(c.pins.get(a.origin).isPresent(), "c pinned a's key from the relayed, signed checkpoint");
    }
  }

  @Test
  void aConcurrentRenameIsTheSameConflictEverywhere() {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 2);
      a.sync(folder);
      b.sync(folder);
      SessionId s = a.session("s1");
      a.curate(new SessionRenamed(s, "from alpha", null));
      b.curate(new SessionRenamed(s, "from bravo", null));
      a.sync(folder);
      b.sync(folder);
      a.sync(folder);
      assertEquals(a.digest(), b.digest());
      assertEquals(1, a.conflicts().size());
      assertEquals(a.conflicts(), b.conflicts());
    }
  }

  @Test
  void largeBacklogsAreCutIntoSeveralSegmentsUnderOneCheckpoint() {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa", new SealPolicy(100, 1 << 20, 3));
        TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 449);
      SyncReport r = a.sync(folder);
      assertEquals(5, r.sealedSegments());
      List<ArtifactInfo> cps = folder.list(a.origin, ArtifactKind.CHECKPOINT, null);
      assertEquals(1, cps.size());
      Checkpoint cp = CheckpointCodec.verify(cps.get(0).name(), folder.get(cps.get(0).name()));
      assertEquals(new Seq(450), cp.head());
      assertEquals(5, cp.segments().size());
      record(a, "s2", 9);
      a.sync(folder);
      b.sync(folder);
      assertEquals(a.digest(), b.digest());
      assertEquals(2, folder.list(a.origin, ArtifactKind.CHECKPOINT, null).size());
    }
  }

  @Test
  void aFlippedByteInASegmentIsQuarantinedNothingAppliedAndHealedByTheOrigin() throws Exception {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 30);
      a.sync(folder);
      ArtifactName seg = folder.list(a.origin, ArtifactKind.SEGMENT, null).get(0).name();
      Path file = dir.resolve("shared").resolve(seg.path());
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x10;
      Files.write(file, bytes);
      String before = b.digest();
      SyncReport r = b.sync(folder);
      assertEquals(1, r.quarantined());
      assertEquals(0, r.applied());
      assertEquals(before, b.digest(), "nothing from a corrupt segment is applied");
      assertFalse(Files.exists(file), "moved aside");
      a.sync(folder); // the origin sees the target lacks it and pushes its good copy again
      SyncReport healed = b.sync(folder);
      assertEquals(31, healed.applied());
      assertEquals(a.digest(), b.digest());
    }
  }

  @Test
  void aTruncatedCheckpointIsQuarantinedAndAnOlderGoodOneStillApplies() throws Exception {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 3);
      a.sync(folder);
      record(a, "s2", 3);
      a.sync(folder);
      Path cp2 = dir.resolve("shared").resolve(ArtifactName.checkpoint(a.origin, 2).path());
      byte[] b2 = Files.readAllBytes(cp2);
      Files.write(cp2, java.util.Arrays.copyOf(b2, b2.length / 2));
      SyncReport r = b.sync(folder);
      assertEquals(1, r.quarantined());
      assertEquals(4, r.applied(), "checkpoint 1 still verifies: its events apply");
      a.sync(folder);
      b.sync(folder);
      assertEquals(a.digest(), b.digest());
    }
  }

  @Test
  void aCheckpointSignedByAnotherKeyStopsTheOriginUntilAPersonDecides() throws Exception {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 3);
      a.sync(folder);
      b.sync(folder);
      String before = b.digest();
      // someone with write access to the folder writes a checkpoint for alpha with their own key, over alpha's real segments
      Checkpoint real = CheckpointCodec.verify(ArtifactName.checkpoint(a.origin, 1), folder.get(ArtifactName.checkpoint(a.origin, 1)));
      SigningKey mallory = SigningKey.loadOrCreate(dir.resolve("mallory"));
      Checkpoint forged = new Checkpoint(a.origin, 9, real.head(), real.segments(), mallory.publicKey());
      folder.putIfAbsent(forged.name(), CheckpointCodec.encode(forged, mallory));
      SyncReport r = b.sync(folder);
      assertEquals(1, r.forged());
      assertEquals(1, r.conflicted());
      assertTrue(r.problems().get(0).contains("key conflict for origin alpha-aaaaaa"), r.problems().toString());
      assertEquals(before, b.digest());
      assertTrue(b.pins.inConflict(a.origin));
      assertNotEquals(mallory.publicKey(), b.pins.get(a.origin).orElseThrow().key());

      record(a, "s2", 2); // the real alpha goes on; while the conflict is open nothing of alpha's is applied
      a.sync(folder);
      SyncReport stopped = b.sync(folder);
      assertEquals(0, stopped.applied());
      assertTrue(stopped.problems().get(0).startsWith("stopped: key conflict"), stopped.problems().toString());

      b.pins.trust(a.origin, a.key.publicKey(), Instant.now()); // a person checked: the pinned key is alpha's
      SyncReport healed = b.sync(folder);
      assertEquals(1, healed.forged(), "the rejected key's checkpoint is still reported");
      assertTrue(folder.head(forged.name()).isEmpty(), "and moved aside on the folder");
      assertEquals(a.digest(), b.digest());
      SyncReport clean = b.sync(folder);
      assertEquals(0, clean.forged() + clean.conflicted(), clean.problems().toString());
    }
  }

  @Test
  void aCheckpointThatDropsCoverageIsRejected() {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 5);
      a.sync(folder);
      b.sync(folder);
      Checkpoint one = CheckpointCodec.verify(ArtifactName.checkpoint(a.origin, 1), folder.get(ArtifactName.checkpoint(a.origin, 1)));
      // a validly signed checkpoint 2 from alpha's own key that covers less (e.g. a buggy or rolled-back machine)
      Checkpoint shorter = new Checkpoint(a.origin, 2, new Seq(0), List.of(), a.key.publicKey());
      folder.putIfAbsent(shorter.name(), CheckpointCodec.encode(shorter, a.key));
      SyncReport r = b.sync(folder);
      assertEquals(1, r.quarantined(), r.problems().toString());
      assertTrue(r.problems().get(0).contains("coverage up to at least seq 6"), r.problems().toString());
      assertEquals(one.head(), new Seq(6));
      assertEquals(new Seq(6), b.ledger.highWater(a.origin), "b keeps what checkpoint 1 gave it");
      assertEquals(a.digest(), b.digest());
    }
  }

  @Test
  void farFutureEventsInASegmentWaitInTheLedgerQuarantine() {
    FolderTransport folder = new FolderTransport(dir.resolve("shared"));
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa"); TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
      record(a, "s1", 2);
      a.sync(folder);
      // a checkpoint by a machine whose clock is a year ahead: build its segment by hand
      var future = new dev.cairn.ledger.event.Event(new dev.cairn.ledger.Origin("zulu-zzzzzz"), new Seq(1),
          new dev.cairn.ledger.Hlc(System.currentTimeMillis() + 365L * 24 * 3600 * 1000, 0),
          SessionFlagged.starred(a.session("s1"), null));
      var seg = dev.cairn.exchange.artifact.SegmentCodec.encode(List.of(future), 3);
      SigningKey zulu = SigningKey.loadOrCreate(dir.resolve("zulu"));
      folder.putIfAbsent(seg.name(), seg.bytes());
      Checkpoint cp = new Checkpoint(future.origin(), 1, new Seq(1), List.of(seg.ref()), zulu.publicKey());
      folder.putIfAbsent(cp.name(), CheckpointCodec.encode(cp, zulu));
      SyncReport r = b.sync(folder);
      assertEquals(1, r.heldBack());
      assertEquals(1, b.ledger.quarantined());
      assertEquals(a.digest(), b.digest(), "the held-back star is not applied");
    }
  }
}
