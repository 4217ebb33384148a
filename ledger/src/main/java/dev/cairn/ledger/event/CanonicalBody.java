package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The canonical JSON of an event's type, body and unknown fields, without the envelope (origin,
 * seq, hlc, v), and where in it each envelope member belongs in sorted order. A writer that needs
 * these bytes anyway (the importer hashes them) hands them to the ledger, which then builds the
 * event's line by copying them around the envelope ({@link #line}) instead of encoding the event
 * again: equal to {@link EventCodec#encode(Event)}, without encoding its text twice.
 *
 * <p>Immutable (the arrays are not copied: do not modify them).
 */
public record CanonicalBody(byte[] bytes, int[] envelopeAt) {
  /** The envelope's member names in canonical (sorted) order. */
  private static final String[] ENVELOPE = {"hlc", "origin", "seq", "v"};

  /** Encodes the type, body and unknown fields of an event. */
  public static CanonicalBody of(EventBody body, UnknownFields unknown) {
    ObjectNode node = JsonInput.nodes().objectNode();
    node.put("type", body.type());
    body.writeTo(new Out(node));
    unknown.copyInto(node);
    String[] keys = new String[node.size()];
    int n = 0;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys[n++] = it.next();
    }
    Arrays.sort(keys);
    ByteSink out = new ByteSink(256);
    int[] at = new int[ENVELOPE.length];
    int e = 0;
    out.write('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.write(',');
      }
      while (e < ENVELOPE.length && ENVELOPE[e].compareTo(keys[i]) < 0) {
        at[e++] = out.size(); // the start of the member that sorts after it
      }
      if (e < ENVELOPE.length && ENVELOPE[e].equals(keys[i])) {
        throw new IllegalArgumentException("a body holds the envelope field " + keys[i]);
      }
      CanonicalJson.writeString(keys[i], out);
      out.write(':');
      CanonicalJson.write(node.get(keys[i]), out);
    }
    while (e < ENVELOPE.length) {
      at[e++] = out.size();
    }
    out.write('}');
    return new CanonicalBody(out.toByteArray(), at);
  }

  /**
   * The event's line: these bytes with the envelope members put in their places. A place is either
   * just after the separator before a member (the member goes there, followed by a comma) or the
   * closing brace (a comma, then the member).
   */
  public byte[] line(Origin origin, Seq seq, Hlc hlc) {
    ByteSink out = new ByteSink(bytes.length + 96);
    int from = 0;
    for (int e = 0; e < ENVELOPE.length; e++) {
      int at = envelopeAt[e];
      out.write(bytes, from, at - from);
      from = at;
      boolean atEnd = bytes[at] == '}';
      if (atEnd) {
        out.write(',');
      }
      out.write('"');
      out.writeAscii(ENVELOPE[e]);
      out.write('"');
      out.write(':');
      switch (e) {
        case 0 -> CanonicalJson.writeString(hlc.toString(), out);
        case 1 -> CanonicalJson.writeString(origin.value(), out);
        case 2 -> out.writeAscii(Long.toString(seq.value()));
        default -> out.writeAscii(Integer.toString(Event.VERSION));
      }
      if (!atEnd) {
        out.write(',');
      }
    }
    out.write(bytes, from, bytes.length - from);
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
