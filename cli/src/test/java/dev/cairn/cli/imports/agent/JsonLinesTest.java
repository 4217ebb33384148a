package dev.cairn.cli.imports.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Noise records are recognised from their type alone; anything that does not look whole is parsed and judged as usual. */
class JsonLinesTest {
  private static String type(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return JsonLines.type(b, 0, b.length);
  }

  @Test
  void theTopLevelTypeIsReadWhereverItStands() {
    assertEquals("progress", type("{\"parentUuid\":null,\"cwd\":\"/x\",\"data\":{\"type\":\"inner\"},\"type\":\"progress\",\"uuid\":\"u\"}"));
    assertEquals("user", type("{ \"parentUuid\": \"a\\\"b\", \"n\": 12, \"ok\": true, \"type\" : \"user\" }\r"));
    assertEquals("file-history-snapshot", type("{\"type\":\"file-history-snapshot\",\"snapshot\":{}}"));
  }

  @Test
  void aCutOrOddLineIsLeftToTheParser() {
    assertNull(type("{\"type\":\"progress\",\"data\":{\"output\":\"cut off her"), "a half-written line");
    assertNull(type("{\"data\":{},\"kind\":\"progress\"}"), "no type member");
    assertNull(type("{\"type\":\"pro\\u0067ress\",\"a\":1}"), "an escaped type name");
    assertNull(type("[\"type\",\"progress\"]"), "not an object");
    assertNull(type("{\"a\" \"type\":\"progress\"}"), "not JSON");
  }

  @Test
  void skippedRecordsAreCountedAndTheRestParsed() {
    String data = "{\"type\":\"progress\",\"data\":{\"x\":1}}\n{\"type\":\"user\",\"message\":{}}\n{\"type\":\"progress\",\"data\":{\"x\":\n";
    Transcript t = new Transcript();
    List<String> handled = new ArrayList<>();
    byte[] b = data.getBytes(StandardCharsets.UTF_8);
    JsonLines.each(b, b.length, t, (node, line, offset) -> handled.add(line + ":" + node.path("type").asText()), Set.of("progress"));
    assertEquals(List.of("2:user"), handled);
    assertEquals(1, t.skipped);
    assertEquals(1, t.malformed.size(), "the cut progress line is parsed, and reported");
    assertEquals(3, t.malformed.get(0).line());
  }

  @Test
  void newlinesAreFoundEightBytesAtATimeAndOneByOne() {
    java.util.Random r = new java.util.Random(5);
    for (int round = 0; round < 2_000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        int pick = r.nextInt(6);
        b[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0b : pick == 2 ? 0x09 : pick == 3 ? (byte) 0x8a : 'a' + r.nextInt(26));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int expected = b.length;
      for (int i = from; i < b.length; i++) {
        if (b[i] == '\n') {
          expected = i;
          break;
        }
      }
      assertEquals(expected, JsonLines.newline(b, from, b.length));
    }
  }
}
