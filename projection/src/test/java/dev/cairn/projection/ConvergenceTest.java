package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same event set over three origins, with concurrent conflicting curation, delivered in 200
 * random interleavings (each origin's events in seq order, as the ledger requires), with
 * duplicates and catch-ups at random points: every view ends with the same digest and the same
 * conflict rows, and equals a rebuild of its own ledger.
 */
class ConvergenceTest {
  private static final int ORDERS = Integer.getInteger("cairn.convergence.orders", 200);
  @TempDir Path dir;

  @Test
  void everyArrivalOrderGivesTheSameDigestAndConflicts() throws Exception {
    Scenario scenario = Scenario.standard();
    String expectedDigest = null;
    List<ConflictRow> expectedConflicts = null;
    for (int order = 0; order < ORDERS; order++) {
      Random random = new Random(order);
      Path home = Files.createDirectory(dir.resolve("order-" + order));
      String digest;
      List<ConflictRow> conflicts;
      try (Ledger ledger = Homes.ledger(home); View view = View.open(home.resolve("view.db"))) {
        for (Event e : interleave(scenario.streams, random)) {
          ledger.appendForeign(e);
          if (random.nextInt(10) == 0) {
            view.catchUp(ledger.reader());
          }
        }
        view.catchUp(ledger.reader());
        digest = view.digest();
        conflicts = view.queries().conflicts();
        Rebuild.run(ledger.reader(), home.resolve("rebuilt.db"), ProgressListener.NONE);
        try (View rebuilt = View.open(home.resolve("rebuilt.db"))) {
          assertEquals(digest, rebuilt.digest(), "order " + order + ": incremental view differs from its rebuild");
        }
      }
      if (expectedDigest == null) {
        expectedDigest = digest;
        expectedConflicts = conflicts;
        assertEquals(4, conflicts.size());
      }
      assertEquals(expectedDigest, digest, "order " + order + " (seed) gave a different digest");
      assertEquals(expectedConflicts, conflicts, "order " + order + " gave different conflicts");
      deleteTree(home);
    }
  }

  /** A random merge of the origins' streams, each kept in seq order, with random re-deliveries. */
  static List<Event> interleave(Map<Origin, List<Event>> streams, Random random) {
    Map<Origin, Deque<Event>> left = new HashMap<>();
    streams.forEach((o, l) -> left.put(o, new ArrayDeque<>(l)));
    List<Origin> origins = new ArrayList<>(streams.keySet());
    List<Event> out = new ArrayList<>();
    while (!left.isEmpty()) {
      Origin o = origins.get(random.nextInt(origins.size()));
      Deque<Event> q = left.get(o);
      if (q == null) {
        continue;
      }
      Event e = q.poll();
      out.add(e);
      if (random.nextInt(8) == 0 && !out.isEmpty()) {
        out.add(out.get(random.nextInt(out.size()))); // a duplicate delivery
      }
      if (q.isEmpty()) {
        left.remove(o);
      }
    }
    return out;
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
