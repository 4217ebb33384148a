package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.util.Map;
import java.util.function.Function;

/**
 * Encodes and decodes event lines.
 *
 * <p>An event line is one JSON object in canonical form ({@link CanonicalJson}): the envelope
 * fields {@code v} (1), {@code origin}, {@code seq}, {@code hlc} (the {@link Hlc} string form),
 * {@code type}, then the type's fields, then any unknown fields, all in one object with sorted
 * keys; fields whose value is absent are omitted. In the ledger the line is stored without a
 * newline; in NDJSON (tail output, segments) each line ends with one {@code \n}.
 *
 * <p>A line is valid if and only if it parses under {@link JsonInput}'s rules, {@code v} is 1,
 * the envelope fields are valid, and, for a known type, its required fields are present with the
 * right shapes. An unknown type is valid with any fields. Decoding then encoding a valid line
 * written by cairn gives back the same bytes.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class EventCodec {
  private static final Map<String, Function<Fields, EventBody>> READERS = readers();

  private static Map<String, Function<Fields, EventBody>> readers() {
    Map<String, Function<Fields, EventBody>> m = new java.util.HashMap<>(Map.of(
        SessionRecorded.TYPE, SessionRecorded::read,
        MessageAppended.TYPE, MessageAppended::read,
        SessionRenamed.TYPE, SessionRenamed::read,
        MessagePinned.TYPE, MessagePinned::read,
        MessageUnpinned.TYPE, MessageUnpinned::read,
        SessionPurged.TYPE, SessionPurged::read,
        BlobStored.TYPE, BlobStored::read));
    for (SessionFlagged.Flag flag : SessionFlagged.Flag.values()) {
      m.put(flag.type(), f -> SessionFlagged.read(flag, f));
    }
    for (SessionTagChanged.Change change : SessionTagChanged.Change.values()) {
      m.put(change.type(), f -> SessionTagChanged.read(change, f));
    }
    return Map.copyOf(m);
  }

  private EventCodec() {}

  /** The canonical bytes of {@code event}, without a trailing newline. */
  public static byte[] encode(Event event) {
    return CanonicalJson.encode(toJson(event));
  }

  public static ObjectNode toJson(Event event) {
    ObjectNode node = JsonInput.nodes().objectNode();
    new Out(node)
        .put("v", Event.VERSION)
        .put("origin", event.origin().value())
        .put("seq", event.seq().value())
        .put("hlc", event.hlc().toString())
        .put("type", event.type());
    event.body().writeTo(new Out(node));
    event.unknown().copyInto(node);
    return node;
  }

  /** Decodes a stamped event; a missing envelope field is an error. */
  public static Event decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static Event decode(byte[] bytes, int offset, int length) {
    Incoming in = decodeIncoming(bytes, offset, length);
    if (!in.isStamped()) {
      throw new EventFormatException("seq", "a positive integer", null);
    }
    return in.event();
  }

  /** Decodes a line that may be a stamped event or a local draft (no seq, no hlc). */
  public static Incoming decodeIncoming(byte[] bytes, int offset, int length) {
    ObjectNode node = JsonInput.parseObject(bytes, offset, length);
    Fields f = new Fields(node);
    Long version = f.optionalInteger("v");
    if (version != null && version != Event.VERSION) {
      throw new EventFormatException("v", "format version " + Event.VERSION, version.toString());
    }
    String originText = f.optionalString("origin");
    Origin origin = originText == null ? null : Origin.parse(originText);
    Long seq = f.optionalInteger("seq");
    String hlcText = f.optionalString("hlc");
    if ((seq == null) != (hlcText == null)) {
      throw new EventFormatException(seq == null ? "seq" : "hlc",
          "seq and hlc together (a stamped event) or neither (a local draft)", null);
    }
    if (seq != null) {
      if (version == null) {
        throw new EventFormatException("v", "format version " + Event.VERSION, null);
      }
      if (origin == null) {
        throw new EventFormatException("origin", "the origin of a stamped event", null);
      }
      if (seq < 1) {
        throw new EventFormatException("seq", "a positive integer", seq.toString());
      }
    }
    String type = f.string("type");
    Function<Fields, EventBody> reader = READERS.get(type);
    EventBody body = reader == null ? new UnknownEvent(type) : reader.apply(f);
    Draft draft = new Draft(body, f.rest());
    return new Incoming(origin, seq == null ? null : new Seq(seq), hlcText == null ? null : Hlc.parse(hlcText), draft);
  }
}
