package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  private static List<Event> take(long seed, int n) {
    List<Event> out = new ArrayList<>();
    new Workload(seed, n).forEachRemaining(out::add);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameBytes() {
    List<Event> a = take(42, 2000);
    List<Event> b = take(42, 2000);
    for (int i = 0; i < a.size(); i++) {
      assertTrue(Arrays.equals(EventCodec.encode(a.get(i)), EventCodec.encode(b.get(i))), "event " + i);
    }
  }

  @Test
  void theMixMatchesTheDescription() {
    List<Event> events = take(7, 50_000);
    long recorded = events.stream().filter(e -> e.body() instanceof SessionRecorded).count();
    long messages = events.stream().filter(e -> e.body() instanceof MessageAppended).count();
    long curation = events.stream().filter(e -> e.body() instanceof Curation).count();
    assertEquals(0.05, recorded / 50_000.0, 0.01);
    assertEquals(0.85, messages / 50_000.0, 0.02);
    assertEquals(0.10, curation / 50_000.0, 0.01);
    int[] lengths = events.stream().filter(e -> e.body() instanceof MessageAppended)
        .mapToInt(e -> ((MessageAppended) e.body()).text().length()).sorted().toArray();
    int median = lengths[lengths.length / 2];
    assertTrue(median > 300 && median < 500, "median text " + median);
    assertTrue(lengths[lengths.length - 1] <= 20_000);
    assertTrue(lengths[(int) (lengths.length * 0.999)] > 4_000, "a long tail");
  }

  @Test
  void eachOriginsSeqsAreContiguousAndHlcsIncrease() {
    Map<String, Event> last = new HashMap<>();
    for (Event e : take(3, 20_000)) {
      Event prev = last.put(e.origin().value(), e);
      if (prev != null) {
        assertEquals(prev.seq().value() + 1, e.seq().value());
        assertTrue(e.hlc().isAfter(prev.hlc()));
      } else {
        assertEquals(1, e.seq().value());
      }
    }
    assertEquals(3, last.size());
  }

  @Test
  void someCurationIsConcurrent() {
    long concurrent = 0;
    Map<String, String> latest = new HashMap<>();
    for (Event e : take(9, 30_000)) {
      if (e.body() instanceof Curation c) {
        String key = c.session() + "|" + c.register().name();
        String seen = latest.get(key);
        if (seen != null && (c.prev() == null || !c.prev().toString().equals(seen))) {
          concurrent++;
        }
        latest.put(key, e.id().toString());
      }
    }
    assertTrue(concurrent > 100, "concurrent curation events: " + concurrent);
  }

  @Test
  void ratiosAreOneAtTheCeilingAndHigherIsBetter() {
    assertEquals(0.5, Figure.throughput("x", 50, "u", "c", 100, "").ratio());
    assertEquals(2.0, Figure.cost("lat", 500, "µs", "goal", 1000, "").ratio());
    assertEquals(1.0, Figure.cost("bytes", 0, "B", "goal 0", 0, "").ratio());
    assertTrue(Double.isNaN(Figure.plain("p", 1, "u", "").ratio()));
  }
}
