package dev.cairn.cli.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.output.Json;
import dev.cairn.projection.UsageQuery;
import dev.cairn.projection.UsageRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Usage rows priced: one line per group (and machine), each with its token sums, its cost (the
 * priced part) and its unpriced tokens, and a total; what {@code cairn usage} prints and the MCP
 * {@code usage} tool returns. Built once; not thread-safe while built.
 */
public final class UsageReport {
  /** A row of output: its key, its token sums, its cost (priced part) and what was unpriced. */
  public static final class Line {
    final String group;
    final String machine;
    long messages;
    long input;
    long output;
    long cacheWrite;
    long cacheRead;
    double cost;
    long unpricedTokens;
    final Map<String, ObjectNode> models = new LinkedHashMap<>();

    Line(String group, String machine) {
      this.group = group;
      this.machine = machine;
    }

    void add(UsageRow r, PriceTable.Price price) {
      messages += r.messages();
      input += r.input();
      output += r.output();
      cacheWrite += r.cacheWrite();
      cacheRead += r.cacheRead();
      ObjectNode m = models.computeIfAbsent(r.model().isEmpty() ? "(no model)" : r.model(), k -> Json.object().put("model", k)
          .put("input", 0L).put("output", 0L).put("cache_write", 0L).put("cache_read", 0L));
      m.put("input", m.get("input").asLong() + r.input()).put("output", m.get("output").asLong() + r.output())
          .put("cache_write", m.get("cache_write").asLong() + r.cacheWrite()).put("cache_read", m.get("cache_read").asLong() + r.cacheRead());
      if (price == null) {
        unpricedTokens += r.input() + r.output() + r.cacheWrite() + r.cacheRead();
        m.put("priced", false);
      } else {
        double c = price.cost(r.longContext(), r.input(), r.output(), r.cacheWrite(), r.cacheRead());
        cost += c;
        m.put("priced", true).put("price", price.name()).put("table", price.table()).put("table_date", price.date())
            .put("cost", round(m.path("cost").asDouble(0) + c));
      }
    }
  }

  private final UsageQuery.Grouping grouping;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final Line total = new Line("total", null);

  private UsageReport(UsageQuery.Grouping grouping) {
    this.grouping = grouping;
  }

  /** {@code rows} priced with {@code table}. */
  public static UsageReport of(UsageQuery.Grouping grouping, List<UsageRow> rows, PriceTable table) {
    UsageReport r = new UsageReport(grouping);
    for (UsageRow row : rows) {
      PriceTable.Price price = table.of(row.model()).orElse(null);
      r.lines.computeIfAbsent(row.group() + "\u0000" + row.machine(), k -> new Line(row.group(), row.machine())).add(row, price);
      r.total.add(row, price);
    }
    return r;
  }

  public Map<String, Line> lines() {
    return lines;
  }

  public Line total() {
    return total;
  }

  /** {@code {grouping, rows: [...], total}} as docs/usage.md describes it. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object().put("grouping", grouping.name().toLowerCase(Locale.ROOT));
    ArrayNode arr = out.putArray("rows");
    lines.values().forEach(l -> arr.add(toJson(l)));
    out.set("total", toJson(total));
    return out;
  }

  private static ObjectNode toJson(Line l) {
    ObjectNode o = Json.object().put("group", l.group);
    if (l.machine != null) {
      o.put("machine", l.machine);
    }
    o.put("messages", l.messages).put("input", l.input).put("output", l.output).put("cache_write", l.cacheWrite).put("cache_read", l.cacheRead)
        .put("cost", round(l.cost)).put("unpriced_tokens", l.unpricedTokens);
    ArrayNode models = o.putArray("models");
    l.models.values().forEach(models::add);
    return o;
  }

  static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
