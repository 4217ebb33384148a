package dev.cairn.exchange.artifact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;

/**
 * The first line of a segment: {@code {"count":N,"first_seq":F,"format":"cairn-segment",
 * "last_seq":L,"max_hlc":"...","min_hlc":"...","origin":"...","v":1}} in canonical JSON.
 * Immutable.
 */
public record SegmentHeader(Origin origin, Seq first, Seq last, long count, Hlc minHlc, Hlc maxHlc) {
  public static final String FORMAT = "cairn-segment";
  public static final int VERSION = 1;

  byte[] encode() {
    ObjectNode o = JsonInput.nodes().objectNode();
    o.put("count", count).put("first_seq", first.value()).put("format", FORMAT).put("last_seq", last.value())
        .put("max_hlc", maxHlc.toString()).put("min_hlc", minHlc.toString()).put("origin", origin.value()).put("v", VERSION);
    return CanonicalJson.encode(o);
  }
}
