package dev.cairn.cli.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cairn.cli.command.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per million tokens by model, from the bundled, dated table ({@code prices.toml} beside this
 * class) with a user's table on top (its rows replace the bundled ones by name). A model is matched
 * by the longest {@code match} prefix of its name; a model no row matches is unpriced. Immutable.
 */
public final class PriceTable {
  /** One model's prices, and which table (name and date) they come from. */
  public record Price(String name, String table, String date, double input, double output, double cacheWrite, double cacheRead,
      double longInput, double longOutput, double longCacheWrite, double longCacheRead, List<String> match) {
    /** The cost of these tokens at this price, in dollars. */
    public double cost(boolean longContext, long input, long output, long cacheWrite, long cacheRead) {
      return ((longContext ? longInput : this.input) * input + (longContext ? longOutput : this.output) * output
          + (longContext ? longCacheWrite : this.cacheWrite) * cacheWrite + (longContext ? longCacheRead : this.cacheRead) * cacheRead) / 1e6;
    }
  }

  private static final TomlMapper TOML = new TomlMapper();
  private final Map<String, Price> byName;

  private PriceTable(Map<String, Price> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The bundled table, then {@code override} (if it exists) on top. */
  public static PriceTable load(Path override) {
    Map<String, Price> rows = new LinkedHashMap<>();
    try (InputStream in = PriceTable.class.getResourceAsStream("prices.toml")) {
      read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled", rows);
    } catch (IOException e) {
      throw new IllegalStateException("the bundled price table is unreadable", e);
    }
    if (override != null && Files.isRegularFile(override)) {
      try {
        read(Files.readString(override), override.toString(), rows);
      } catch (IOException e) {
        throw new BadInputException(override.toString(), 0, "expected a price table in TOML (docs/usage.md), found: " + e.getMessage());
      }
    }
    return new PriceTable(rows);
  }

  private static void read(String toml, String table, Map<String, Price> into) throws IOException {
    JsonNode root = TOML.readTree(toml);
    String date = root.path("date").asText("undated");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode m = e.getValue();
      for (String field : List.of("input", "output", "cache_write", "cache_read")) {
        if (!m.path(field).isNumber() || m.path(field).asDouble() < 0) {
          throw new IOException("[models." + e.getKey() + "] " + field + ": expected a price per million tokens, found " + m.path(field));
        }
      }
      List<String> match = new ArrayList<>();
      m.path("match").forEach(x -> match.add(x.asText()));
      if (match.isEmpty()) {
        match.add(e.getKey());
      }
      double input = m.get("input").asDouble();
      double output = m.get("output").asDouble();
      double cw = m.get("cache_write").asDouble();
      double cr = m.get("cache_read").asDouble();
      into.put(e.getKey(), new Price(e.getKey(), table, date, input, output, cw, cr, m.path("long_input").asDouble(input),
          m.path("long_output").asDouble(output), m.path("long_cache_write").asDouble(cw), m.path("long_cache_read").asDouble(cr),
          List.copyOf(match)));
    }
  }

  /** These prices for the web UI's usage page. */
  public dev.cairn.web.Pricing forWeb(String describe) {
    return new dev.cairn.web.Pricing() {
      @Override
      public double cost(String model, boolean longContext, long input, long output, long cacheWrite, long cacheRead) {
        return of(model).map(p -> p.cost(longContext, input, output, cacheWrite, cacheRead)).orElse(Double.NaN);
      }

      @Override
      public String describe() {
        return describe;
      }
    };
  }

  /** The price of {@code model}: the row with the longest matching prefix, if any. */
  public Optional<Price> of(String model) {
    if (model == null || model.isEmpty()) {
      return Optional.empty();
    }
    Price best = null;
    int bestLength = -1;
    for (Price p : byName.values()) {
      for (String prefix : p.match()) {
        if (model.startsWith(prefix) && prefix.length() > bestLength) {
          best = p;
          bestLength = prefix.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
