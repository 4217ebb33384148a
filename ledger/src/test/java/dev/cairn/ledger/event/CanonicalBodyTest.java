package dev.cairn.ledger.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The line the ledger builds around a draft's canonical body is byte for byte the line that
 * encoding the stamped event gives: for every golden event (every v1 type, envelope members
 * falling before, between and after the body's members) and with a long text (the fast string path).
 */
class CanonicalBodyTest {
  @Test
  void theSplicedLineIsTheEncodedLine() {
    for (GoldenEvents.Golden g : GoldenEvents.all()) {
      Event e = g.event();
      CanonicalBody body = CanonicalBody.of(e.body(), e.unknown());
      byte[] line = body.line(e.origin(), e.seq(), e.hlc());
      assertEquals(g.line(), new String(line, StandardCharsets.UTF_8), e.type());
      assertArrayEquals(EventCodec.encode(e), line, e.type());
    }
  }

  @Test
  void aLongTextWithEscapesAndNonAsciiSplicesTheSame() {
    String text = "line \"one\"\\\n\t\u0001 é 中文 🚀 ? ".repeat(200);
    Event e = new Event(GoldenEvents.A, new dev.cairn.ledger.Seq(7), new dev.cairn.ledger.Hlc(1_763_754_392_123L, 0),
        new MessageAppended(GoldenEvents.S, 0, "user", text, null, null, null, java.util.List.of(), Usage.NONE));
    assertArrayEquals(EventCodec.encode(e), CanonicalBody.of(e.body(), e.unknown()).line(e.origin(), e.seq(), e.hlc()));
    assertEquals(text, ((MessageAppended) EventCodec.decode(EventCodec.encode(e)).body()).text());
  }
}
