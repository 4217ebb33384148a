package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.bench.WorkloadShape;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.ProgressListener;
import dev.cairn.projection.Rebuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code rebuild}: replay a ledger into a fresh view, events/s. Ceiling: SQLite building the same
 * final view by itself — an empty view file with the same schema (FTS triggers included) filled
 * with {@code INSERT … SELECT} from the rebuilt view, every table, in one transaction, inside
 * SQLite, no Java in the loop: the physical limit of this design on this machine. Order: an
 * untimed warm-up rebuild (JIT, page cache; it also produces the ceiling's source), then the
 * ceiling and the timed rebuild, alternating, twice; each side's best time counts, so neither
 * runs cold nor alone pays for the write-back of what the other just wrote.
 */
public final class RebuildFigure {
  /** Every table that holds rows after a rebuild (view_meta and projection_position come with the schema). */
  private static final String[] TABLES = {"sessions", "messages", "blobs", "registers", "curation_log", "conflicts", "tombstones", "applied_origins"};

  /** Each side is measured this many times, alternating, and its best time kept (the disk is still writing back the last run's pages). */
  private static final int ROUNDS = 2;

  private RebuildFigure() {}

  /** The result: the figure and the rebuild's events/s (other figures use it as their ceiling). */
  public record Result(Figure figure, double eventsPerSecond, long viewBytes) {}

  public static Result run(Path home, long events, WorkloadShape shape) throws SQLException, IOException {
    Path view = home.resolve("rebuilt.db");
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      Rebuild.run(reader, view, ProgressListener.NONE); // warm-up (JIT, page cache); also the ceiling's source
    }
    double ceilingSeconds = Double.MAX_VALUE;
    double seconds = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      ceilingSeconds = Math.min(ceilingSeconds, ceiling(view, home.resolve("ceiling.db")));
      Files.deleteIfExists(home.resolve("ceiling.db"));
      try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
        long t0 = System.nanoTime();
        Rebuild.run(reader, view, ProgressListener.NONE);
        seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
      }
    }
    double value = events / seconds;
    String name = shape == WorkloadShape.REAL ? "rebuild" : "rebuild-" + shape.label();
    Figure f = Figure.throughput(name, value, "events/s", "SQLite alone: INSERT…SELECT of the same final rows (FTS incl.)",
        events / ceilingSeconds, String.format("%s, %d events in %.2f s; ceiling %.2f s", shape.label(), events, seconds, ceilingSeconds));
    return new Result(f, value, Files.size(view));
  }

  /** Seconds SQLite takes to fill an empty view with the rows of {@code source}. */
  static double ceiling(Path source, Path target) throws SQLException {
    try (Connection c = Rebuild.openEmpty(target); Statement s = c.createStatement()) {
      s.execute("ATTACH DATABASE '" + source.toAbsolutePath().toString().replace("'", "''") + "' AS src");
      long t0 = System.nanoTime();
      s.execute("BEGIN");
      for (String t : TABLES) {
        s.execute("INSERT INTO main." + t + " SELECT * FROM src." + t + (t.equals("messages") ? " ORDER BY rowid" : ""));
      }
      s.execute("COMMIT");
      double seconds = (System.nanoTime() - t0) / 1e9;
      s.execute("DETACH DATABASE src");
      return seconds;
    }
  }
}
