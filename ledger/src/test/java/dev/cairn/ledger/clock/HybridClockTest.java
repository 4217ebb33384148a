package dev.cairn.ledger.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Hlc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HybridClockTest {
  private static final Duration DRIFT = Duration.ofMinutes(5);

  /**
   * The sequence of CockroachDB's TestHLCClock (pkg/util/hlc), adapted: our clock rejects remote
   * timestamps beyond the max drift instead of accepting them, and counts from a floor.
   */
  @Test
  void followsTheCockroachSequenceWithAManualClock() {
    ManualClock m = new ManualClock(1);
    HybridClock c = new HybridClock(m, Duration.ofMillis(1000), Hlc.ZERO);
    assertEquals(new Hlc(1, 0), c.tick());
    m.set(0); // physical clock goes backwards: logical advances, wall holds
    assertEquals(new Hlc(1, 1), c.tick());
    m.set(10);
    assertEquals(new Hlc(10, 0), c.tick());
    // remote timestamp in the past: local wall stays, logical bumps
    assertEquals(new Hlc(10, 1), c.receive(new Hlc(5, 0)));
    // remote equal wall, higher logical: max(c, cm) + 1
    assertEquals(new Hlc(10, 6), c.receive(new Hlc(10, 5)));
    // remote ahead of physical and local (within drift): take remote wall, cm + 1
    assertEquals(new Hlc(20, 2), c.receive(new Hlc(20, 1)));
    m.set(25);
    // physical ahead of both: reset logical
    assertEquals(new Hlc(25, 0), c.receive(new Hlc(21, 9)));
    assertEquals(new Hlc(25, 1), c.tick());
    // remote far beyond drift: rejected, clock unchanged
    assertThrows(ClockDriftException.class, () -> c.receive(new Hlc(25 + 1001, 0)));
    assertEquals(new Hlc(25, 1), c.current());
    assertEquals(new Hlc(25, 2), c.tick());
  }

  @Test
  void logicalOverflowAdvancesTheWallInsteadOfWrapping() {
    ManualClock m = new ManualClock(100);
    HybridClock c = new HybridClock(m, DRIFT, new Hlc(100, Hlc.LOGICAL_MAX - 1));
    assertEquals(new Hlc(100, Hlc.LOGICAL_MAX), c.tick());
    assertEquals(new Hlc(101, 0), c.tick());
  }

  @Test
  void neverGoesBackwardsAcrossARestartFromTheFloor() {
    ManualClock m = new ManualClock(5_000);
    HybridClock before = new HybridClock(m, DRIFT, Hlc.ZERO);
    Hlc last = null;
    for (int i = 0; i < 100; i++) {
      last = before.tick();
    }
    m.set(1_000); // the machine restarts with its clock set back
    HybridClock after = new HybridClock(m, DRIFT, last);
    assertTrue(after.tick().isAfter(last));
  }

  @Test
  void randomSendReceiveSchedulesKeepEveryRule() {
    for (long seed = 0; seed < 200; seed++) {
      checkSchedule(seed);
    }
  }

  private static void checkSchedule(long seed) {
    Random r = new Random(seed);
    int nodes = 2 + r.nextInt(4);
    List<ManualClock> physical = new ArrayList<>();
    List<HybridClock> clocks = new ArrayList<>();
    List<Hlc> lastSeen = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      ManualClock m = new ManualClock(1_000_000 + r.nextInt(10_000));
      physical.add(m);
      clocks.add(new HybridClock(m, Duration.ofMillis(5_000), Hlc.ZERO));
      lastSeen.add(Hlc.ZERO);
    }
    for (int step = 0; step < 500; step++) {
      int n = r.nextInt(nodes);
      // physical clocks wander, sometimes backwards
      physical.get(n).advance(r.nextInt(20) - 5);
      HybridClock clock = clocks.get(n);
      Hlc before = clock.current();
      if (r.nextBoolean()) {
        Hlc sent = clock.tick();
        assertTrue(sent.isAfter(before), "seed " + seed + ": tick went back");
        int to = r.nextInt(nodes);
        if (to != n) {
          HybridClock receiver = clocks.get(to);
          Hlc receiverBefore = receiver.current();
          if (sent.wall() - physical.get(to).nowMillis() > 5_000) {
            assertThrows(ClockDriftException.class, () -> receiver.receive(sent));
            assertEquals(receiverBefore, receiver.current(), "seed " + seed + ": drift rejection changed the clock");
          } else {
            Hlc received = receiver.receive(sent);
            assertTrue(received.isAfter(sent), "seed " + seed + ": send < receive violated");
            assertTrue(received.isAfter(receiverBefore), "seed " + seed + ": receive went back");
          }
        }
      } else {
        Hlc far = new Hlc(physical.get(n).nowMillis() + 5_001 + r.nextInt(100_000), r.nextInt(10));
        assertThrows(ClockDriftException.class, () -> clock.receive(far));
        assertEquals(before, clock.current(), "seed " + seed + ": drift rejection changed the clock");
      }
      assertTrue(clock.current().compareTo(lastSeen.get(n)) >= 0, "seed " + seed + ": clock went back");
      lastSeen.set(n, clock.current());
    }
  }
}
