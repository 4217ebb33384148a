package dev.cairn.ledger.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.ledger.EventFormatException;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  @Test
  void everyGoldenLineScansToTheEnvelopeTheFullDecoderReads() {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      Event e = g.event();
      assertEquals(new Envelope(e.origin(), e.seq(), e.hlc()), Envelope.scan(g.line().getBytes(UTF_8)), e.type());
    }
  }

  @Test
  void nestedValuesWithQuotesBracesAndEscapesAreSkipped() {
    String line = "{\"a\":{\"x\":\"}\\\"{\",\"y\":[1,{\"z\":\"]\"}]},\"hlc\":\"20251121T194632.123Z-000007\",\"n\":-5,"
        + "\"origin\":\"desk-77aa01\",\"seq\":42,\"t\":true,\"type\":\"x.y\",\"v\":1,\"w\":null}";
    Envelope env = Envelope.scan(line.getBytes(UTF_8));
    assertEquals("desk-77aa01", env.origin().value());
    assertEquals(42, env.seq().value());
    assertEquals("20251121T194632.123Z-000007", env.hlc().toString());
  }

  @Test
  void aWindowWithTheStartOfALineIsEnough() {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      byte[] line = g.line().getBytes(UTF_8);
      Event e = g.event();
      assertEquals(new Envelope(e.origin(), e.seq(), e.hlc()), Envelope.scan(line, Math.min(line.length, 200)), e.type());
    }
    byte[] line = GoldenEvents.all().get(0).line().getBytes(UTF_8);
    assertThrows(EventFormatException.class, () -> Envelope.scan(line, 40), "a window that ends before seq");
  }

  @Test
  void cutOrIncompleteLinesAreFormatErrors() {
    assertThrows(EventFormatException.class, () -> Envelope.scan("{\"hlc\":\"20251121T194632.123Z-000007\",\"origin\":\"a".getBytes(UTF_8)));
    assertThrows(EventFormatException.class, () -> Envelope.scan("{\"type\":\"x\"}".getBytes(UTF_8)));
    assertThrows(EventFormatException.class, () -> Envelope.scan("[]".getBytes(UTF_8)));
  }
}
