package dev.cairn.projection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import dev.cairn.ledger.event.ImageRef;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A message line read straight from its bytes gives the same column values as decoding the event
 * and encoding each column from it (the path it replaces), for text with every kind of escape.
 */
class MessageLineTest {
  private static final Origin ORIGIN = new Origin("lap-000001");
  private static final String[] PIECES = {"plain", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak", "cr\rlf", "\b\f",
      "\u0001\u001f", "é ü ß", "→ ≥ …", "中文", "🚀 emoji", "/slash/", "\u007f", "\u2028"};

  @Test
  void everyColumnMatchesTheDecodedEvent() {
    Random r = new Random(7);
    for (int i = 0; i < 300; i++) {
      Event e = new Event(ORIGIN, new Seq(i + 1), new Hlc(1_700_000_000_000L + i, i % 3), message(r, i));
      byte[] line = EventCodec.encode(e);
      MessageLine m = MessageLine.parse(line);
      assertNotNull(m, "a message line");
      MessageAppended a = (MessageAppended) EventCodec.decode(line).body();
      assertSameRow(m, MessageLine.of(e, a));
      assertEquals(a.session().toString(), m.session());
      assertEquals(e.origin().value(), m.origin());
      assertEquals(e.seq().value(), m.seq());
      assertEquals(e.hlc().toString(), utf8(m.hlc()));
      assertEquals(a.ordinal(), m.ordinal());
      assertEquals(a.role(), utf8(m.role()));
      assertEquals(a.text(), utf8(m.text()));
      assertEquals(a.thinking(), utf8(m.thinking()));
      assertEquals(a.at() == null ? null : a.at().toString(), utf8(m.at()));
      assertEquals(a.model(), utf8(m.model()));
      if (a.toolCalls().isEmpty()) {
        assertNull(m.toolCalls());
        assertNull(m.toolText());
      } else {
        ArrayNode calls = JsonInput.nodes().arrayNode();
        StringBuilder toolText = new StringBuilder();
        for (ToolCall c : a.toolCalls()) {
          calls.add(c.toJson());
          toolText.append(c.name()).append('\n');
          for (String s : new String[] {c.input(), c.output()}) {
            if (s != null && !s.isEmpty()) {
              toolText.append(s).append('\n');
            }
          }
        }
        assertArrayEquals(CanonicalJson.encode(calls), m.toolCalls());
        assertEquals(toolText.toString(), utf8(m.toolText()));
      }
      if (a.usage().isEmpty()) {
        assertNull(m.usage());
        assertNull(m.tokens());
      } else {
        assertArrayEquals(CanonicalJson.encode(a.usage().toJson()), m.usage());
        assertEquals(TokenCounts.of(a.usage()), m.tokens());
      }
      if (a.images().isEmpty()) {
        assertNull(m.images());
      } else {
        ArrayNode refs = JsonInput.nodes().arrayNode();
        a.images().forEach(ref -> refs.addObject().put("bytes", ref.bytes()).put("media_type", ref.mediaType()).put("sha256", ref.sha256()));
        assertArrayEquals(CanonicalJson.encode(refs), m.images());
      }
    }
  }

  /** The row read from the line and the row encoded from the decoded event are the same row. */
  private static void assertSameRow(MessageLine expected, MessageLine actual) {
    assertEquals(expected.session(), actual.session());
    assertEquals(expected.origin(), actual.origin());
    assertEquals(expected.seq(), actual.seq());
    assertEquals(expected.ordinal(), actual.ordinal());
    assertEquals(expected.tokens(), actual.tokens());
    for (java.util.function.Function<MessageLine, byte[]> column : List.<java.util.function.Function<MessageLine, byte[]>>of(MessageLine::hlc,
        MessageLine::role, MessageLine::text, MessageLine::thinking, MessageLine::at, MessageLine::model, MessageLine::toolCalls,
        MessageLine::toolText, MessageLine::usage, MessageLine::images)) {
      assertArrayEquals(column.apply(expected), column.apply(actual));
    }
  }

  @Test
  void otherEventsAreLeftToTheFullDecoder() {
    SessionId s = new SessionId(ORIGIN, "abc");
    Event starred = new Event(ORIGIN, new Seq(1), new Hlc(1, 0), SessionFlagged.starred(s, null));
    assertNull(MessageLine.parse(EventCodec.encode(starred)));
  }

  private static MessageAppended message(Random r, int i) {
    SessionId session = new SessionId(ORIGIN, "s-" + (i % 7) + (i % 2 == 0 ? "-é中" : ""));
    boolean assistant = i % 2 == 1;
    List<ToolCall> calls = List.of();
    if (assistant && i % 3 == 0) {
      calls = List.of(new ToolCall("toolu_" + i, "Bash", text(r, 4), i % 9 == 0 ? null : text(r, 40), i % 5 == 0),
          new ToolCall("toolu_" + i + "b", "Read", "", text(r, 3), false));
    }
    Usage usage = Usage.NONE;
    if (assistant) {
      TreeMap<String, Long> counts = new TreeMap<>(Map.of("input_tokens", (long) i, "output_tokens", 7L, "cache_read_input_tokens", 1234L));
      if (i % 4 == 1) {
        counts.put("cached_input_tokens", 3L);
      }
      usage = new Usage(counts);
    }
    List<ImageRef> images = i % 11 == 0 ? List.of(new ImageRef("ab".repeat(32), "image/png", 1234)) : List.of();
    return new MessageAppended(session, i, assistant ? "assistant" : "user", text(r, 1 + r.nextInt(30)), i % 4 == 0 ? text(r, 5) : null,
        i % 6 == 0 ? null : Instant.ofEpochMilli(1_700_000_000_123L + i * 1000L), assistant ? "claude-sonnet-4-5" : null, calls, usage,
        images);
  }

  private static String text(Random r, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < pieces; k++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]).append(' ');
    }
    return sb.toString();
  }

  private static String utf8(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }
}
