package dev.cairn.projection;

import java.util.ArrayList;
import java.util.List;

/** Splits a schema script into statements (on ';' at line end, keeping trigger bodies whole). Stateless. */
final class Sql {
  private Sql() {}

  static List<String> split(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inTrigger = false;
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.startsWith("CREATE TRIGGER")) {
        inTrigger = true;
      }
      if (inTrigger ? trimmed.equals("END;") : trimmed.endsWith(";")) {
        out.add(current.toString());
        current.setLength(0);
        inTrigger = false;
      }
    }
    return out;
  }
}
