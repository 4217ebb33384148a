package dev.cairn.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HlcTest {
  @Test
  void stringFormIsFixedWidthUtcWithCounter() {
    Hlc hlc = new Hlc(1_763_754_392_123L, 4);
    assertEquals("20251121T194632.123Z-000004", hlc.toString());
    assertEquals(hlc, Hlc.parse(hlc.toString()));
  }

  @Test
  void epochAndMaximumRoundTrip() {
    assertEquals("19700101T000000.000Z-000000", Hlc.ZERO.toString());
    Hlc max = new Hlc(Hlc.WALL_MAX, Hlc.LOGICAL_MAX);
    assertEquals("99991231T235959.999Z-999999", max.toString());
    assertEquals(max, Hlc.parse(max.toString()));
  }

  @Test
  void lexicalOrderOfStringsEqualsClockOrder() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Hlc a = new Hlc(random.nextLong(0, Hlc.WALL_MAX), random.nextInt(3));
      Hlc b = new Hlc(random.nextBoolean() ? a.wall() : random.nextLong(0, Hlc.WALL_MAX), random.nextInt(3));
      assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(a.toString().compareTo(b.toString())), a + " vs " + b);
    }
  }

  @Test
  void stringFormIsFileNameSafe() {
    String s = new Hlc(1_763_754_392_123L, 17).toString();
    assertTrue(s.matches("[0-9A-Z.-]+"), s);
  }

  @Test
  void malformedStringsAreRejectedWithTheExpectedShape() {
    for (String bad : new String[] {"", "2025-11-21T19:46:32Z", "20251121T194632.123Z-00004", "20251321T194632.123Z-000004",
        "20251121T194632.123Z+000004", "2025112xT194632.123Z-000004", "20251121T246032.123Z-000004"}) {
      EventFormatException e = assertThrows(EventFormatException.class, () -> Hlc.parse(bad), bad);
      assertEquals("hlc", e.field());
      assertTrue(e.getMessage().contains("expected an HLC like"), e.getMessage());
    }
  }
}
