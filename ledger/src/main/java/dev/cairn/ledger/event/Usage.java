package dev.cairn.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.ledger.EventFormatException;
import dev.cairn.ledger.json.JsonInput;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Token counts of a message, by name ({@code input_tokens}, {@code output_tokens},
 * {@code cache_read_input_tokens}, ...): an object of non-negative integers. Immutable.
 */
public record Usage(SortedMap<String, Long> counts) {
  public static final Usage NONE = new Usage(new TreeMap<>());

  public Usage {
    counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new EventFormatException("usage." + e.getKey(), "a non-negative integer", String.valueOf(e.getValue()));
      }
    }
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  public long get(String name) {
    return counts.getOrDefault(name, 0L);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonInput.nodes().objectNode();
    counts.forEach(node::put);
    return node;
  }

  static Usage read(JsonNode node) {
    if (node == null) {
      return NONE;
    }
    if (!node.isObject()) {
      throw new EventFormatException("usage", "an object of integer token counts", node.toString());
    }
    TreeMap<String, Long> counts = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      counts.put(e.getKey(), Fields.integerValue("usage." + e.getKey(), e.getValue()));
    }
    return new Usage(counts);
  }
}
