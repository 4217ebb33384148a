package dev.cairn.exchange.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.Checkpoint;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction of small segments, and GC: what it deletes, what it never deletes, and a writer racing it. */
class GcAndCompactionTest {
  private static final SealPolicy TINY = new SealPolicy(1000, 1 << 20, 3);
  private static final CompactionPolicy EAGER = new CompactionPolicy(4, 1 << 20);
  @TempDir Path dir;

  private static void session(TestHome h, String nativeId) {
    h.append(new SessionRecorded(h.session(nativeId), "claude-code", "p", nativeId, Instant.parse("2025-11-20T10:00:00Z"), null, "/x", null, null, null));
  }

  private static void message(TestHome h, String nativeId, int ordinal) {
    h.append(new MessageAppended(h.session(nativeId), ordinal, "user", "text " + ordinal, null, null, null, List.of(), null));
  }

  private static Checkpoint newest(Transport store, TestHome h) {
    List<ArtifactInfo> cps = store.list(h.origin, ArtifactKind.CHECKPOINT, null);
    ArtifactName n = cps.get(cps.size() - 1).name();
    return CheckpointCodec.verify(n, store.get(n));
  }

  private static Set<ArtifactName> all(Transport store) {
    Set<ArtifactName> out = new HashSet<>();
    for (var o : store.origins()) {
      for (ArtifactKind k : List.of(ArtifactKind.SEGMENT, ArtifactKind.CHECKPOINT)) {
        store.list(o, k, null).forEach(i -> out.add(i.name()));
      }
    }
    return out;
  }

  private static PinnedKeys pinsOf(Path file, TestHome... homes) {
    PinnedKeys p = PinnedKeys.load(file);
    for (TestHome h : homes) {
      p.pinOwn(h.origin, h.key.publicKey(), Instant.now());
    }
    return p;
  }

  @Test
  void manySmallSegmentsAreCompactedUnderANewCheckpointWithTheSameEvents() throws Exception {
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa", TINY, EAGER)) {
      FolderTransport folder = new FolderTransport(dir.resolve("t"));
      session(a, "s");
      for (int i = 0; i < 5; i++) {
        message(a, "s", i);
        a.sync(folder); // one small segment per sync
      }
      Checkpoint cp = newest(a.store, a);
      assertEquals(6, cp.head().value());
      assertTrue(cp.segments().size() < 4, "compacted: " + cp.segments());
      assertEquals(1, cp.segments().get(0).first().value());
      for (int i = 1; i < cp.segments().size(); i++) {
        assertEquals(cp.segments().get(i - 1).last().value() + 1, cp.segments().get(i).first().value(), "still contiguous");
      }
      try (TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
        b.sync(folder);
        assertEquals(a.digest(), b.digest(), "a peer reading the compacted checkpoint gets the same events");
      }
    }
  }

  @Test
  void gcDeletesOnlyWhatNoCheckpointReachesAndTheDryRunListsExactlyThat() throws Exception {
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa", TINY, EAGER)) {
      FolderTransport folder = new FolderTransport(dir.resolve("t"));
      session(a, "s");
      for (int i = 0; i < 6; i++) {
        message(a, "s", i);
        a.sync(folder);
      }
      Path stray = dir.resolve("t/zulu-zzzzzz/segments");
      Files.createDirectories(stray);
      Files.write(stray.resolve("0".repeat(64) + ".seg.zst"), new byte[] {1, 2, 3}); // an origin without a checkpoint
      PinnedKeys pins = pinsOf(dir.resolve("gcpins.json"), a);
      Instant later = Instant.now().plus(Duration.ofDays(8));
      Set<ArtifactName> before = all(a.store);
      GcReport young = new GarbageCollector(pins, Instant.now()).collect(a.store, Duration.ofDays(7), false);
      assertTrue(young.deleted().isEmpty(), "nothing is older than the grace window yet: " + young.deleted());
      GcReport dry = new GarbageCollector(pins, later).collect(a.store, Duration.ofDays(7), true);
      assertFalse(dry.deleted().isEmpty(), "compaction left superseded artifacts");
      assertEquals(before, all(a.store), "a dry run deletes nothing");
      GcReport real = new GarbageCollector(pins, later).collect(a.store, Duration.ofDays(7), false);
      assertEquals(dry.deleted(), real.deleted(), "the dry run listed exactly what the real run deleted");
      Set<ArtifactName> after = all(a.store);
      Set<ArtifactName> expected = new HashSet<>(before);
      real.deleted().forEach(expected::remove);
      assertEquals(expected, after);
      Checkpoint cp = newest(a.store, a);
      assertTrue(after.containsAll(cp.segmentNames()), "everything the newest checkpoint reaches is kept");
      assertTrue(after.contains(cp.name()));
      assertTrue(Files.exists(stray.resolve("0".repeat(64) + ".seg.zst")), "an origin without a checkpoint is never touched");
      assertTrue(new GarbageCollector(pins, later).collect(a.store, Duration.ofDays(7), false).deleted().isEmpty(), "a second run finds nothing");
      // the store still serves a newcomer everything
      a.sync(folder);
      try (TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
        b.sync(new FolderTransport(dir.resolve("t")));
        assertEquals(a.digest(), b.digest());
      }
    }
  }

  @Test
  void aWriterRacingGcLosesNoEventOver200Rounds() throws Exception {
    Path target = Files.isDirectory(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "cairn-gc-race") : dir.resolve("t");
    try (TestHome a = new TestHome(dir.resolve("a"), "alpha-aaaaaa", TINY, new CompactionPolicy(3, 1 << 20))) {
      FolderTransport folder = new FolderTransport(target);
      PinnedKeys pins = pinsOf(dir.resolve("gcpins.json"), a);
      session(a, "s");
      ExecutorService gcThread = Executors.newSingleThreadExecutor();
      long deleted = 0;
      try {
        for (int round = 0; round < 200; round++) {
          message(a, "s", round);
          Future<GcReport> gc = gcThread.submit(() -> new GarbageCollector(pins, Instant.now()).collect(folder, Duration.ZERO, false));
          a.sync(folder);
          deleted += gc.get().deleted().size();
          FaultMatrixTest.assertNoCheckpointListsAMissingOrPartialArtifact(folder);
        }
      } finally {
        gcThread.shutdownNow();
      }
      assertTrue(deleted > 0, "GC did delete superseded artifacts during the race");
      try (TestHome b = new TestHome(dir.resolve("b"), "bravo-bbbbbb")) {
        b.sync(folder);
        assertEquals(201, b.ledger.highWater(a.origin).value(), "every event reached the peer through the collected store");
        assertEquals(a.digest(), b.digest());
      }
    } finally {
      if (target.startsWith("/dev/shm")) {
        try (var files = Files.walk(target)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
