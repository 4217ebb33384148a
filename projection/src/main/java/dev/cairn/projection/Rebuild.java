package dev.cairn.projection;

import dev.cairn.ledger.LedgerReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Replays the whole ledger into a new view file and swaps it in: build {@code view.db.rebuild}
 * (no journal: a crash only loses the temporary file), switch it to WAL, close it, make sure the
 * old view has no pending WAL (checkpoint), then rename it over {@code view.db} atomically. A
 * crash at any moment leaves either the old view or the new one, both complete.
 *
 * <p>Call it from the process that holds the home's writer lock; other processes may keep
 * reading the old file through open handles until they reopen.
 */
public final class Rebuild {
  private Rebuild() {}

  /** Result of a rebuild: entries applied, the new position, and whether the new view was swapped in. */
  public record Result(long applied, Position position, boolean swapped) {}

  public static Result run(LedgerReader reader, Path viewFile, ProgressListener progress) {
    return run(reader, viewFile, progress, r -> true);
  }

  /**
   * As {@link #run(LedgerReader, Path, ProgressListener)}, swapping the new view in only if {@code
   * accept} says so once it is built (it is deleted otherwise, and the old view left as it was).
   */
  public static Result run(LedgerReader reader, Path viewFile, ProgressListener progress, java.util.function.Predicate<Result> accept) {
    Path tmp = viewFile.resolveSibling(viewFile.getFileName() + ".rebuild");
    try {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-journal"));
    } catch (IOException e) {
      throw new ViewException("remove stale " + tmp + ": " + e.getMessage());
    }
    Result result;
    try (View fresh = View.openBulk(tmp)) {
      long applied = fresh.catchUp(reader, progress);
      result = new Result(applied, fresh.position(), true);
    }
    if (!accept.test(result)) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        throw new ViewException("remove " + tmp + ": " + e.getMessage());
      }
      return new Result(result.applied(), result.position(), false);
    }
    toWal(tmp);
    checkpoint(viewFile);
    try {
      Files.move(tmp, viewFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ViewException("swap in rebuilt view " + viewFile + ": " + e.getMessage());
    }
    return result;
  }

  /**
   * A new, empty view file with the schema, opened the way a rebuild opens its temporary file (no
   * journal). For measuring the rebuild against a plain JDBC load of the same rows (the bench).
   */
  public static Connection openEmpty(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ViewException("remove " + file + ": " + e.getMessage());
    }
    return ViewDatabase.open(file, ViewDatabase.Mode.BULK);
  }

  private static void toWal(Path file) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
    } catch (SQLException e) {
      throw new ViewException("finish", file, e);
    }
  }

  /** Folds the old view's WAL into it and removes the WAL, so no stale WAL meets the new file. */
  private static void checkpoint(Path file) {
    if (!Files.exists(file)) {
      return;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()); Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 30000");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new ViewException("checkpoint", file, e);
    }
  }
}
