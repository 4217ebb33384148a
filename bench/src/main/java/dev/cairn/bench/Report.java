package dev.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Prints figures as a table or as one JSON object ({@code figures: [{name, value, unit, ceiling, ceiling_value, ratio}]}). */
final class Report {
  private Report() {}

  static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip() + " x" + Runtime.getRuntime().availableProcessors();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
  }

  static void table(PrintStream out, List<Figure> figures, long events, boolean quick, double seconds) {
    out.printf("cairn bench — %s, %s, JDK %s, %d events%s, %.0f s%n%n", Instant.now().toString().substring(0, 19) + "Z", cpu(),
        Runtime.version(), events, quick ? " (quick)" : "", seconds);
    out.printf("%-24s %14s %-12s %14s  %-7s %s%n", "FIGURE", "VALUE", "UNIT", "CEILING", "RATIO", "CEILING IS / NOTE");
    for (Figure f : figures) {
      out.printf("%-24s %14s %-12s %14s  %-7s %s%s%n", f.name(), num(f.value()), f.unit(), num(f.ceilingValue()),
          Double.isNaN(f.ratio()) ? "-" : String.format("%.2f", f.ratio()), f.ceiling(), f.note().isEmpty() ? "" : "; " + f.note());
    }
  }

  static void json(PrintStream out, List<Figure> figures, long events, boolean quick, double seconds) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode().put("date", Instant.now().toString()).put("cpu", cpu())
        .put("jdk", Runtime.version().toString()).put("events", events).put("quick", quick).put("seconds", seconds);
    ArrayNode arr = root.putArray("figures");
    for (Figure f : figures) {
      ObjectNode o = arr.addObject().put("name", f.name()).put("value", f.value()).put("unit", f.unit()).put("ceiling", f.ceiling());
      if (Double.isNaN(f.ceilingValue())) {
        o.putNull("ceiling_value");
      } else {
        o.put("ceiling_value", f.ceilingValue());
      }
      if (Double.isNaN(f.ratio())) {
        o.putNull("ratio");
      } else {
        o.put("ratio", f.ratio());
      }
      o.put("note", f.note());
    }
    out.println(root);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
  }
}
