package dev.cairn.exchange.sync;

import dev.cairn.ledger.event.SessionTagChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.MessagePinned;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.SessionRenamed;
import dev.cairn.projection.ConflictRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever the schedule, homes that keep syncing converge. Each seed builds 3-5 homes
 * and 1-3 shared folders (connected through the homes), then runs a random schedule of local
 * recording and curation (concurrent, conflicting edits included), syncs, interrupted syncs (the
 * transport fails after a random number of operations) and raw copies of artifacts between
 * folders (duplicated and reordered delivery). At quiescence every home has the same digest and
 * the same conflict rows. 300 seeds by default; more with -Dcairn.convergence.seeds=N; a failure
 * names its seed, and -Dcairn.convergence.seed=S replays one.
 */
class ConvergenceTest {
  private static final int SEEDS = Integer.getInteger("cairn.convergence.seeds", 300);
  private static final Long ONLY = Long.getLong("cairn.convergence.seed");
  @TempDir Path dir;

  @Test
  void homesThatKeepSyncingConvergeToOneDigestAndOneConflictSet() throws Exception {
    long from = ONLY == null ? Long.getLong("cairn.convergence.from", 0) : ONLY;
    long to = ONLY == null ? from + SEEDS : ONLY + 1;
    // This property is about convergence, not durability: on tmpfs the fsyncs of every artifact
    // write cost nothing and 300 seeds fit in CI's budget. Durability has its own crash tests.
    Path shm = Path.of("/dev/shm");
    boolean roomy = Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > (1L << 30);
    Path base = roomy ? Files.createTempDirectory(shm, "cairn-convergence-") : dir;
    try {
      runSeeds(from, to, base);
    } finally {
      if (!base.equals(dir)) {
        deleteTree(base);
      }
    }
  }

  private static void runSeeds(long from, long to, Path base) throws IOException {
    for (long seed = from; seed < to; seed++) {
      if (Boolean.getBoolean("cairn.convergence.trace") && seed % 10 == 0) {
        System.out.printf("TRACE seed %d threads %d heap %d MB t=%d%n", seed, Thread.activeCount(),
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, System.nanoTime() / 1_000_000);
      }
      Path root = Files.createDirectory(base.resolve("seed-" + seed));
      try {
        run(seed, root);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + " failed (replay: -Dcairn.convergence.seed=" + seed + "): " + e, e);
      } finally {
        deleteTree(root);
      }
    }
  }

  private static void run(long seed, Path root) throws IOException {
    Random r = new Random(seed);
    int n = 3 + r.nextInt(3);
    int f = 1 + r.nextInt(3);
    List<FolderTransport> folders = new ArrayList<>();
    for (int i = 0; i < f; i++) {
      folders.add(new FolderTransport(root.resolve("folder-" + i)));
    }
    List<TestHome> homes = new ArrayList<>();
    List<List<FolderTransport>> uses = new ArrayList<>();
    List<SessionId> sessions = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        TestHome h = new TestHome(root.resolve("home-" + i), "home" + i + "-" + Long.toHexString(seed), new SealPolicy(1 + r.nextInt(6), 1 << 20, 1));
        homes.add(h);
        List<FolderTransport> mine = new ArrayList<>();
        mine.add(folders.get(i % f));
        if (f > 1 && !mine.contains(folders.get((i + 1) % f))) {
          mine.add(folders.get((i + 1) % f)); // chains the folders through the homes: the graph is connected
        }
        uses.add(mine);
      }
      int steps = 25 + r.nextInt(20);
      for (int step = 0; step < steps; step++) {
        int who = r.nextInt(n);
        TestHome h = homes.get(who);
        int action = r.nextInt(10);
        if (action == 0 || sessions.isEmpty()) {
          SessionId s = h.session("s" + step);
          h.append(new SessionRecorded(s, "claude-code", "p" + r.nextInt(3), "title " + step, Instant.parse("2025-11-20T10:00:00Z"),
              null, "/x", null, null, null));
          for (int m = 0; m < 1 + r.nextInt(4); m++) {
            h.append(new MessageAppended(s, m, "user", "text " + step + "/" + m, null, null, null, List.of(), null));
          }
          sessions.add(s);
        } else if (action <= 4) {
          curate(h, sessions.get(r.nextInt(sessions.size())), r);
        } else if (action <= 7) {
          h.sync(uses.get(who).get(r.nextInt(uses.get(who).size())));
        } else if (action == 8) {
          FolderTransport target = uses.get(who).get(r.nextInt(uses.get(who).size()));
          try {
            h.sync(new FaultyTransport(target, r.nextInt(12)));
          } catch (TransportException expected) {
            // an interrupted sync: the next one must recover
          }
        } else if (f > 1) {
          copyRandomArtifact(folders.get(r.nextInt(f)), folders.get(r.nextInt(f)), r);
        }
      }
      quiesce(homes, uses);
      String digest = homes.get(0).digest();
      List<ConflictRow> conflicts = homes.get(0).conflicts();
      for (int i = 1; i < n; i++) {
        assertEquals(digest, homes.get(i).digest(), "home " + i + " digest");
        assertEquals(conflicts, homes.get(i).conflicts(), "home " + i + " conflicts");
      }
    } finally {
      for (TestHome h : homes) {
        h.close();
      }
    }
  }

  private static void curate(TestHome h, SessionId s, Random r) {
    switch (r.nextInt(7)) {
      case 0 -> h.curate(SessionFlagged.starred(s, null));
      case 1 -> h.curate(SessionFlagged.unstarred(s, null));
      case 2 -> h.curate(new SessionRenamed(s, "name " + r.nextInt(4), null));
      case 3 -> h.curate(SessionTagChanged.tagged(s, "t" + r.nextInt(3), null));
      case 4 -> h.curate(SessionTagChanged.untagged(s, "t" + r.nextInt(3), null));
      case 5 -> h.curate(new MessagePinned(s, 0, r.nextBoolean() ? null : "note " + r.nextInt(3), null));
      default -> h.curate(SessionFlagged.trashed(s, null));
    }
  }

  /** A dumb file copy between folders: artifacts arrive twice, out of order, through paths sync never took. */
  private static void copyRandomArtifact(FolderTransport from, FolderTransport to, Random r) {
    List<ArtifactInfo> all = new ArrayList<>();
    for (Origin o : from.origins()) {
      all.addAll(from.list(o, ArtifactKind.SEGMENT, null));
      all.addAll(from.list(o, ArtifactKind.CHECKPOINT, null));
    }
    if (!all.isEmpty()) {
      ArtifactInfo pick = all.get(r.nextInt(all.size()));
      to.putIfAbsent(pick.name(), from.get(pick.name()));
    }
  }

  private static void quiesce(List<TestHome> homes, List<List<FolderTransport>> uses) {
    for (int round = 0; round < homes.size() * 3 + 3; round++) {
      long moved = 0;
      for (int i = 0; i < homes.size(); i++) {
        for (FolderTransport t : uses.get(i)) {
          SyncReport rep = homes.get(i).sync(t);
          moved += rep.pushed() + rep.applied() + rep.sealedEvents();
        }
      }
      if (moved == 0) {
        return;
      }
    }
    fail("no quiescence after " + (homes.size() * 3 + 3) + " rounds");
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }
}
