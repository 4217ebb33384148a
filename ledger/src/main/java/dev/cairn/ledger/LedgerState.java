package dev.cairn.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of what the ledger holds up to queue index {@code lastIndex}: per-origin high-water
 * marks, the greatest HLC, the number of entries and the id of the entry at {@code lastIndex}.
 *
 * <p>Derived, never the source of truth: the ledger writes it now and then ({@code state.json},
 * written durably) so that opening does not scan the whole queue. The file is canonical JSON with
 * a {@code crc32c} field over the canonical bytes of the rest. On open the snapshot is trusted only
 * if its checksum verifies and the entry at {@code lastIndex} is present and has id {@code last};
 * then only the entries after it are scanned. Otherwise (any doubt) the whole queue is scanned: a
 * stale or damaged snapshot costs a scan, never a wrong seq.
 *
 * <p>Immutable.
 */
public record LedgerState(long lastIndex, EventId last, long entries, Hlc maxHlc, SortedMap<Origin, Seq> highWater) {
  public static final LedgerState EMPTY = new LedgerState(-1, null, 0, Hlc.ZERO, new TreeMap<>());

  public LedgerState {
    highWater = Collections.unmodifiableSortedMap(new TreeMap<>(highWater));
  }

  public Seq highWater(Origin origin) {
    return highWater.getOrDefault(origin, Seq.NONE);
  }

  byte[] toJson() {
    ObjectNode node = JsonInput.nodes().objectNode();
    node.put("last_index", lastIndex);
    if (last != null) {
      node.put("last", last.toString());
    }
    node.put("entries", entries);
    node.put("max_hlc", maxHlc.toString());
    ObjectNode hw = node.putObject("high_water");
    highWater.forEach((o, s) -> hw.put(o.value(), s.value()));
    node.put("crc32c", crc(CanonicalJson.encode(node)));
    return CanonicalJson.encode(node);
  }

  private static long crc(byte[] bytes) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    c.update(bytes);
    return c.getValue();
  }

  static LedgerState read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new LedgerIoException("read", file, e);
    }
    try {
      ObjectNode node = JsonInput.parseObject(bytes);
      JsonNode stored = node.remove("crc32c");
      if (stored == null || !stored.canConvertToLong() || stored.longValue() != crc(CanonicalJson.encode(node))) {
        return null; // damaged (a flipped bit, a torn write) or written before checksums: a full scan
      }
      TreeMap<Origin, Seq> hw = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.get("high_water").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        hw.put(Origin.parse(e.getKey()), Seq.of(e.getValue().longValue()));
      }
      JsonNode last = node.get("last");
      return new LedgerState(node.get("last_index").longValue(), last == null ? null : EventId.parse(last.textValue()),
          node.get("entries").longValue(), Hlc.parse(node.get("max_hlc").textValue()), hw);
    } catch (RuntimeException e) {
      return null; // a damaged snapshot only costs a full scan
    }
  }

  void write(Path file) {
    try {
      DurableFile.write(file, toJson());
    } catch (IOException e) {
      throw new LedgerIoException("write", file, e);
    }
  }
}
