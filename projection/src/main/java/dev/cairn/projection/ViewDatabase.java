package dev.cairn.projection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the SQLite file of a view with cairn's settings and creates the schema ({@code
 * schema.sql}) in a new file. Two modes: {@link Mode#LIVE} (WAL, so readers never block the
 * projector; synchronous=NORMAL, so a committed batch survives a process kill) and {@link
 * Mode#BULK} (no journal, for a rebuild into a temporary file that is thrown away on a crash).
 *
 * <p>Stateless.
 */
final class ViewDatabase {
  static final String SCHEMA_VERSION = "2";

  enum Mode { LIVE, BULK }

  private ViewDatabase() {}

  static Connection open(Path file, Mode mode) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        if (mode == Mode.BULK) {
          s.execute("PRAGMA journal_mode = OFF");
          s.execute("PRAGMA synchronous = OFF");
        } else {
          s.execute("PRAGMA journal_mode = WAL");
          s.execute("PRAGMA synchronous = NORMAL");
        }
        s.execute("PRAGMA temp_store = MEMORY");
        // a rebuild writes in order and reads back little: 16 MB of page cache builds as fast as 64 MB (measured) in less memory
        s.execute(mode == Mode.BULK ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -65536");
      }
      if (fresh) {
        createSchema(c);
      }
      checkVersion(c, file);
      return c;
    } catch (SQLException e) {
      throw new ViewException("open view", file, e);
    } catch (IOException e) {
      throw new ViewException("open view " + file + ": " + e.getMessage());
    }
  }

  private static void createSchema(Connection c) throws SQLException, IOException {
    String sql;
    try (InputStream in = ViewDatabase.class.getResourceAsStream("schema.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Statement s = c.createStatement()) {
      Tx.beginWrite(c);
      boolean exists;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'view_meta'")) {
        exists = rs.next() && rs.getInt(1) > 0;
      }
      if (!exists) {
        for (String stmt : Sql.split(sql)) {
          s.execute(stmt);
        }
      }
      Tx.commit(c);
    }
  }

  private static void checkVersion(Connection c, Path file) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM view_meta WHERE key = 'schema_version'")) {
      String found = rs.next() ? rs.getString(1) : null;
      if (!SCHEMA_VERSION.equals(found)) {
        throw new ViewException("view " + file + " has schema version " + found + ", this cairn needs "
            + SCHEMA_VERSION + "; run 'cairn rebuild'");
      }
    }
  }
}
