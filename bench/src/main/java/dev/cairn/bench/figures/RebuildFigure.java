package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.ProgressListener;
import dev.cairn.projection.Rebuild;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rebuild}: replay a ledger into a fresh view, events/s. Ceiling: the same final rows
 * (every table, FTS index maintained by the same triggers) read into memory first, then inserted
 * into an empty view file by a minimal batched JDBC loop in one transaction: what SQLite alone
 * costs for this data. Order: an untimed warm-up rebuild (JIT, page cache; it also produces the
 * ceiling's rows), the ceiling, then the timed rebuild, so neither side runs cold.
 */
public final class RebuildFigure {
  private static final String[] TABLES = {"sessions", "messages", "registers", "curation_log", "conflicts", "tombstones", "applied_origins"};

  private RebuildFigure() {}

  /** The result: the figure and the rebuild's events/s (other figures use it as their ceiling). */
  public record Result(Figure figure, double eventsPerSecond) {}

  public static Result run(Path home, long events) throws SQLException {
    Path view = home.resolve("rebuilt.db");
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      Rebuild.run(reader, view, ProgressListener.NONE); // warm-up (JIT, page cache); also yields the ceiling's rows
    }
    List<List<Object[]>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + view)) {
      for (String t : TABLES) {
        rows.add(read(c, t));
      }
    }
    double ceilingSeconds;
    try (Connection c = Rebuild.openEmpty(home.resolve("ceiling.db"))) {
      long t0 = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN");
      }
      for (int i = 0; i < TABLES.length; i++) {
        insert(c, TABLES[i], rows.get(i));
      }
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
      ceilingSeconds = (System.nanoTime() - t0) / 1e9;
    }
    rows.clear();
    double seconds;
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      long t0 = System.nanoTime();
      Rebuild.run(reader, view, ProgressListener.NONE);
      seconds = (System.nanoTime() - t0) / 1e9;
    }
    double value = events / seconds;
    Figure f = Figure.throughput("rebuild", value, "events/s", "plain JDBC insert of the same final rows (FTS incl.)",
        events / ceilingSeconds, String.format("%d events in %.2f s; ceiling %.2f s", events, seconds, ceilingSeconds));
    return new Result(f, value);
  }

  private static List<Object[]> read(Connection c, String table) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int n = rows.get(0).length;
    String marks = "?,".repeat(n);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks.substring(0, marks.length() - 1) + ")")) {
      int batch = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < n; i++) {
          p.setObject(i + 1, row[i]);
        }
        p.addBatch();
        if (++batch == 1000) {
          p.executeBatch();
          batch = 0;
        }
      }
      p.executeBatch();
    }
  }
}
