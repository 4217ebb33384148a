package dev.cairn.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Explicit SQLite transactions on an auto-commit connection: {@code BEGIN IMMEDIATE} for writers
 * (takes the write lock up front, so the read of the applied position and the writes after it
 * are one atomic step), plain {@code BEGIN} for consistent multi-statement reads. Stateless.
 */
final class Tx {
  private Tx() {}

  static void beginWrite(Connection c) throws SQLException {
    exec(c, "BEGIN IMMEDIATE");
  }

  static void beginRead(Connection c) throws SQLException {
    exec(c, "BEGIN");
  }

  static void commit(Connection c) throws SQLException {
    exec(c, "COMMIT");
  }

  static void rollbackQuietly(Connection c) {
    try {
      exec(c, "ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction was open, or the connection is gone: nothing to undo
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
