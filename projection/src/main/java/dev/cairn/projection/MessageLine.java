package dev.cairn.projection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.ImageRef;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import dev.cairn.ledger.json.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The values of one {@code messages} row, read straight from the canonical bytes of a {@code
 * message.appended} line on the decoding thread, so that the projector's thread only binds them.
 * Text columns are UTF-8 bytes (escapes resolved, never decoded to a String and encoded again);
 * {@code tool_calls}, {@code usage} and {@code images} are the line's own canonical JSON of those
 * fields, which is exactly what the columns hold (the line was encoded canonically and verified
 * when it was appended, and its checksum when it was read: nothing is re-encoded or re-validated).
 *
 * <p>{@link #parse} returns null for a line that is not a version-1 {@code message.appended}; such
 * lines take the full decoder. Immutable once built (the arrays are not copied: do not modify them).
 */
record MessageLine(
    String session,
    String origin,
    long seq,
    byte[] hlc,
    long ordinal,
    byte[] role,
    byte[] text,
    byte[] thinking,
    byte[] at,
    byte[] model,
    byte[] toolCalls,
    byte[] toolText,
    byte[] usage,
    byte[] images,
    TokenCounts tokens) {
  private static final byte[] TYPE_VALUE = ("\"" + MessageAppended.TYPE + "\"").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] K_AT = key("at");
  private static final byte[] K_HLC = key("hlc");
  private static final byte[] K_IMAGES = key("images");
  private static final byte[] K_MODEL = key("model");
  private static final byte[] K_ORDINAL = key("ordinal");
  private static final byte[] K_ORIGIN = key("origin");
  private static final byte[] K_ROLE = key("role");
  private static final byte[] K_SEQ = key("seq");
  private static final byte[] K_SESSION = key("session");
  private static final byte[] K_TEXT = key("text");
  private static final byte[] K_THINKING = key("thinking");
  private static final byte[] K_TOOL_CALLS = key("tool_calls");
  private static final byte[] K_TYPE = key("type");
  private static final byte[] K_USAGE = key("usage");
  private static final byte[] K_V = key("v");
  private static final byte[] K_NAME = key("name");
  private static final byte[] K_INPUT = key("input");
  private static final byte[] K_OUTPUT = key("output");

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.US_ASCII);
  }

  /** The byte size of the row's values (what a batch holding it keeps in memory). */
  long bytes() {
    return length(text) + length(thinking) + length(toolCalls) + length(toolText) + length(usage) + length(images) + 128;
  }

  private static int length(byte[] b) {
    return b == null ? 0 : b.length;
  }

  /** The row of {@code line}, or null if it is not a version-1 message.appended line. */
  static MessageLine parse(byte[] line) {
    JsonFields f = new JsonFields(line);
    String session = null;
    String origin = null;
    long seq = -1;
    long version = -1;
    long ordinal = -1;
    byte[] hlc = null;
    byte[] role = null;
    byte[] text = null;
    byte[] thinking = null;
    byte[] at = null;
    byte[] model = null;
    byte[] toolCalls = null;
    byte[] toolText = null;
    byte[] usage = null;
    byte[] images = null;
    TokenCounts tokens = null;
    boolean isMessage = false;
    while (f.next()) {
      if (f.isNull()) {
        continue;
      }
      if (f.keyIs(K_TYPE)) {
        isMessage = f.valueEnd() - f.valueStart() == TYPE_VALUE.length
            && java.util.Arrays.equals(line, f.valueStart(), f.valueEnd(), TYPE_VALUE, 0, TYPE_VALUE.length);
        if (!isMessage) {
          return null;
        }
      } else if (f.keyIs(K_TEXT)) {
        text = f.stringBytes();
      } else if (f.keyIs(K_TOOL_CALLS)) {
        toolCalls = f.rawValue();
        toolText = toolText(line, f.valueStart(), f.valueEnd());
      } else if (f.keyIs(K_THINKING)) {
        thinking = f.stringBytes();
      } else if (f.keyIs(K_SESSION)) {
        session = f.string();
      } else if (f.keyIs(K_ORDINAL)) {
        ordinal = f.longValue();
      } else if (f.keyIs(K_ROLE)) {
        role = f.stringBytes();
      } else if (f.keyIs(K_AT)) {
        at = f.stringBytes();
      } else if (f.keyIs(K_MODEL)) {
        model = f.stringBytes();
      } else if (f.keyIs(K_USAGE)) {
        usage = f.rawValue();
        tokens = tokens(line, f.valueStart(), f.valueEnd());
      } else if (f.keyIs(K_IMAGES)) {
        images = f.rawValue();
      } else if (f.keyIs(K_HLC)) {
        hlc = f.stringBytes();
      } else if (f.keyIs(K_ORIGIN)) {
        origin = f.string();
      } else if (f.keyIs(K_SEQ)) {
        seq = f.longValue();
      } else if (f.keyIs(K_V)) {
        version = f.longValue();
      }
    }
    if (!isMessage || version != 1 || session == null || origin == null || seq < 1 || hlc == null || ordinal < 0 || role == null
        || text == null) {
      return null; // not what this reader knows: the full decoder decides (and says what is wrong)
    }
    return new MessageLine(session, origin, seq, hlc, ordinal, role, text, thinking, at, model, toolCalls, toolText, usage, images, tokens);
  }

  /** The row of a decoded event (the path for a line {@link #parse} does not take): each column encoded from the event. */
  static MessageLine of(Event e, MessageAppended m) {
    byte[] toolCalls = null;
    byte[] toolText = null;
    if (!m.toolCalls().isEmpty()) {
      ArrayNode calls = JsonInput.nodes().arrayNode();
      ByteSink text = new ByteSink(256);
      for (ToolCall call : m.toolCalls()) {
        calls.add(call.toJson());
        text.write(utf8(call.name()));
        text.write('\n');
        line(text, utf8(call.input()));
        line(text, utf8(call.output()));
      }
      toolCalls = CanonicalJson.encode(calls);
      toolText = text.toByteArray();
    }
    byte[] images = null;
    if (!m.images().isEmpty()) {
      ArrayNode refs = JsonInput.nodes().arrayNode();
      for (ImageRef ref : m.images()) {
        refs.addObject().put("bytes", ref.bytes()).put("media_type", ref.mediaType()).put("sha256", ref.sha256());
      }
      images = CanonicalJson.encode(refs);
    }
    return new MessageLine(m.session().toString(), e.origin().value(), e.seq().value(), utf8(e.hlc().toString()), m.ordinal(),
        utf8(m.role()), utf8(m.text()), utf8(m.thinking()), m.at() == null ? null : utf8(m.at().toString()), utf8(m.model()), toolCalls,
        toolText, m.usage().isEmpty() ? null : CanonicalJson.encode(m.usage().toJson()), images,
        m.usage().isEmpty() ? null : TokenCounts.of(m.usage()));
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** The tool_text column: per call its name, input and output, each followed by a newline (empty ones left out). */
  private static byte[] toolText(byte[] line, int from, int to) {
    ByteSink out = new ByteSink(to - from);
    int i = from + 1; // after '['
    while (i < to && line[i] != ']') {
      if (line[i] == ',') {
        i++;
      }
      int end = JsonFields.skipValue(line, i, to);
      JsonFields call = new JsonFields(line, i, end);
      byte[] name = null;
      byte[] input = null;
      byte[] output = null;
      while (call.next()) {
        if (call.isNull()) {
          continue;
        }
        if (call.keyIs(K_NAME)) {
          name = call.stringBytes();
        } else if (call.keyIs(K_INPUT)) {
          input = call.stringBytes();
        } else if (call.keyIs(K_OUTPUT)) {
          output = call.stringBytes();
        }
      }
      if (name != null) {
        out.write(name);
      }
      out.write('\n');
      line(out, input);
      line(out, output);
      i = end;
    }
    return out.toByteArray();
  }

  private static void line(ByteSink out, byte[] value) {
    if (value != null && value.length > 0) {
      out.write(value);
      out.write('\n');
    }
  }

  private static TokenCounts tokens(byte[] line, int from, int to) {
    JsonFields f = new JsonFields(line, from, to);
    TreeMap<String, Long> counts = new TreeMap<>();
    while (f.next()) {
      counts.put(f.key(), f.longValue());
    }
    return counts.isEmpty() ? null : TokenCounts.of(new Usage(counts));
  }
}
