package dev.cairn.projection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only queries over a view. Not thread-safe (shares the view's connection). */
public final class SessionQueries {
  private final Connection connection;
  private final Path file;

  SessionQueries(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** Sessions newest first; trashed ones only when {@code includeTrashed}. */
  public List<SessionRow> sessions(boolean includeTrashed, int limit) {
    String sql = "SELECT session, title, project, agent, started_at, ended_at, starred, trashed, tags, pins, messages, parent"
        + " FROM session_view" + (includeTrashed ? "" : " WHERE trashed = 0")
        + " ORDER BY coalesce(started_at, '') DESC, session LIMIT ?";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setInt(1, limit <= 0 ? Integer.MAX_VALUE : limit);
      List<SessionRow> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getInt(7) != 0, rs.getInt(8) != 0, rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getString(12)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("list sessions in", file, e);
    }
  }

  /** Every recorded conflict, in the digest's order. */
  public List<ConflictRow> conflicts() {
    try (PreparedStatement p = connection.prepareStatement(Digest.TABLES[3][1])) {
      List<ConflictRow> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new ConflictRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("list conflicts in", file, e);
    }
  }

  /** Row counts of the main tables, for status. */
  public long count(String table) {
    if (!List.of("sessions", "messages", "registers", "conflicts", "tombstones").contains(table)) {
      throw new IllegalArgumentException("not a view table: " + table);
    }
    try (PreparedStatement p = connection.prepareStatement("SELECT count(*) FROM " + table); ResultSet rs = p.executeQuery()) {
      long n = rs.next() ? rs.getLong(1) : 0;
      return n;
    } catch (SQLException e) {
      throw new ViewException("count " + table + " in", file, e);
    }
  }
}
