package dev.cairn.ledger.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The bytes every hash and signature depends on: key order, numbers, strings and escapes, and
 * what input is refused before it could make two machines write different bytes for one event.
 */
class CanonicalJsonTest {
  private static String canonical(String json) {
    return new String(CanonicalJson.encode(JsonInput.parseObject(json.getBytes(UTF_8))), UTF_8);
  }

  @Test
  void keysSortByUtf16CodeUnitsSoACharacterAboveUffffSortsBeforeUe000() {
    // U+1F600 is the surrogate pair D83D DE00; U+E000 is one code unit. By code units (RFC 8785)
    // D83D < E000, so the emoji key comes first, although its code point is the larger one.
    String emoji = new String(Character.toChars(0x1F600));
    String privateUse = "\uE000";
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put(privateUse, 1);
    o.put(emoji, 2);
    o.put("b", 3);
    o.put("a", 4);
    o.put("B", 5);
    String expected = "{\"B\":5,\"a\":4,\"b\":3,\"" + emoji + "\":2,\"" + privateUse + "\":1}";
    assertEquals(expected, new String(CanonicalJson.encode(o), UTF_8));
  }

  @Test
  void nestedObjectsAndArraysKeepArrayOrderAndSortEveryObject() {
    assertEquals("{\"a\":[3,1,{\"x\":1,\"y\":2}],\"z\":{\"m\":null,\"n\":true}}",
        canonical("{ \"z\" : {\"n\":true, \"m\":null}, \"a\":[3, 1, {\"y\":2,\"x\":1}] }"));
  }

  @Test
  void integersBeyondALongArePlainDecimalAndRoundTrip() {
    String big = "123456789012345678901234567890";
    String negative = "-98765432109876543210987654321";
    assertEquals("{\"m\":" + negative + ",\"n\":" + big + "}", canonical("{\"n\":" + big + ",\"m\":" + negative + "}"));
    ObjectNode o = JsonInput.parseObject(("{\"n\":" + big + "}").getBytes(UTF_8));
    assertEquals(new BigInteger(big), o.get("n").bigIntegerValue());
    assertEquals("{\"v\":9223372036854775807,\"w\":-9223372036854775808,\"x\":0,\"y\":-1}",
        canonical("{\"y\":-1,\"x\":0,\"w\":-9223372036854775808,\"v\":9223372036854775807}"));
  }

  @Test
  void floatingPointNumbersAreRefusedOnInput() {
    EventFormatException e = assertThrows(EventFormatException.class, () -> canonical("{\"n\":1.5}"));
    assertTrue(e.getMessage().contains("an integer"), e.getMessage());
    assertThrows(EventFormatException.class, () -> canonical("{\"n\":1e3}"));
  }

  @Test
  void stringsEscapeQuotesBackslashesAndControlsAndNothingElse() {
    assertEquals("{\"s\":\"q\\\" b\\\\ /\\b\\t\\n\\f\\r\\u0000\\u001f\\u0001\"}",
        canonical("{\"s\":\"q\\\" b\\\\ \\/\\b\\t\\n\\f\\r\\u0000\\u001F\\u0001\"}"));
    String text = "é ü 中 " + new String(Character.toChars(0x1F600)) + " \u007f \u2028";
    byte[] out = CanonicalJson.encode(JsonInput.parseObject(("{\"s\":\"" + text + "\"}").getBytes(UTF_8)));
    assertArrayEquals(("{\"s\":\"" + text + "\"}").getBytes(UTF_8), out, "non-ASCII, DEL and U+2028 are raw UTF-8");
    String escaped = "{\"s\":\"\\u00e9\\u4e2d\\ud83d\\ude00\"}";
    assertEquals("{\"s\":\"é中" + new String(Character.toChars(0x1F600)) + "\"}", canonical(escaped), "escapes in the input become raw bytes");
  }

  @Test
  void aLoneSurrogateIsRefusedOnInputAndCannotBeWritten() {
    EventFormatException high = assertThrows(EventFormatException.class, () -> canonical("{\"s\":\"a\\ud83d b\"}"));
    assertTrue(high.getMessage().contains("lone surrogate"), high.getMessage());
    assertThrows(EventFormatException.class, () -> canonical("{\"s\":\"\\ude00\"}"));
    assertThrows(EventFormatException.class, () -> canonical("{\"\\ud800\":1}"), "in a key too");
    ObjectNode o = JsonInput.nodes().objectNode().put("s", "x\uD800");
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(o));
    ObjectNode longer = JsonInput.nodes().objectNode().put("s", "a long text, long enough for the fast path? yes \uDE00 ?".repeat(3));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(longer), "a long string takes another path, and refuses it too");
  }

  @Test
  void longStringsAndTheirUtf8BytesWriteTheSameAsShortOnes() {
    String piece = "q\" b\\ /\b\t\n\f\r\u0000\u001f é 中 \uD83D\uDE00 ? ";
    ByteSink charByChar = new ByteSink(16);
    StringBuilder expected = new StringBuilder("\"");
    for (int i = 0; i < 40; i++) {
      charByChar.reset();
      CanonicalJson.writeString(piece, charByChar); // short: the char loop
      String one = new String(charByChar.toByteArray(), UTF_8);
      expected.append(one, 1, one.length() - 1);
    }
    expected.append('"');
    ByteSink fast = new ByteSink(16);
    CanonicalJson.writeString(piece.repeat(40), fast);
    assertEquals(expected.toString(), new String(fast.toByteArray(), UTF_8));
    ByteSink fromBytes = new ByteSink(16);
    CanonicalJson.writeUtf8String(piece.repeat(40).getBytes(UTF_8), fromBytes);
    assertArrayEquals(fast.toByteArray(), fromBytes.toByteArray());
  }

  @Test
  void theSameTreeGivesTheSameBytesWhateverOrderItWasBuiltIn() {
    String a = canonical("{\"origin\":\"a-000001\",\"seq\":1,\"type\":\"x\",\"v\":1,\"deep\":{\"k\":[1,2],\"j\":\"é\"}}");
    String b = canonical("{\"v\":1,\"deep\":{\"j\":\"\\u00e9\",\"k\":[1,2]},\"type\":\"x\",\"seq\":1,\"origin\":\"a-000001\"}");
    assertEquals(a, b);
    assertEquals(a, canonical(a), "canonical JSON is a fixed point");
  }
}
