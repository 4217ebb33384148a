package dev.cairn.projection;

import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The digest of a view's logical content: SHA-256 over, for each table in {@link #TABLES} in
 * that order, a line {@code #<table>\n} followed by each row as a JSON array of its columns
 * (strings and integers, NULL as null) plus {@code \n}, rows ordered by the table's natural key.
 * No row ids, positions or counters take part, so two views that applied the same events hold
 * the same digest whatever the arrival order and batch sizes were.
 *
 * <p>Stateless.
 */
final class Digest {
  /** The query of {@code table} in {@link #TABLES}, the rows in the digest's order. */
  static String query(String table) {
    for (String[] t : TABLES) {
      if (t[0].equals(table)) {
        return t[1];
      }
    }
    throw new IllegalArgumentException("not a digested table: " + table);
  }

  static final String[][] TABLES = {
      {"sessions", "SELECT session, origin, agent, project, title, started_at, ended_at, source, parent, cwd, git_branch,"
          + " rec_hlc, rec_origin, rec_seq, kind FROM sessions ORDER BY session"},
      {"messages", "SELECT session, ordinal, role, text, thinking, at, model, tool_calls, usage, hlc, origin, seq, images"
          + " FROM messages ORDER BY session, ordinal"},
      {"blobs", "SELECT sha256, media_type, bytes, hex(data) FROM blobs ORDER BY sha256"},
      {"registers", "SELECT session, register, value, hlc, origin, seq FROM registers ORDER BY session, register"},
      {"conflicts", "SELECT session, register, prev, winner_origin, winner_seq, winner_hlc, winner_value, loser_origin,"
          + " loser_seq, loser_hlc, loser_value FROM conflicts ORDER BY session, register, prev, loser_origin, loser_seq"},
      {"tombstones", "SELECT session, hlc, origin, seq FROM tombstones ORDER BY session"}};

  private Digest() {}

  static String compute(Connection c) throws SQLException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    ByteSink row = new ByteSink(4096);
    Tx.beginRead(c);
    try (Statement s = c.createStatement()) {
      for (String[] table : TABLES) {
        sha.update(("#" + table[0] + "\n").getBytes(StandardCharsets.UTF_8));
        try (ResultSet rs = s.executeQuery(table[1])) {
          ResultSetMetaData md = rs.getMetaData();
          int columns = md.getColumnCount();
          boolean[] integer = new boolean[columns + 1];
          for (int i = 1; i <= columns; i++) {
            integer[i] = "INTEGER".equalsIgnoreCase(md.getColumnTypeName(i)); // declared type: the schema's INTEGER columns hold only integers
          }
          while (rs.next()) {
            row.reset();
            row.write('[');
            for (int i = 1; i <= columns; i++) {
              if (i > 1) {
                row.write(',');
              }
              if (integer[i]) {
                long v = rs.getLong(i);
                row.writeAscii(rs.wasNull() ? "null" : Long.toString(v));
              } else {
                byte[] v = rs.getBytes(i); // a TEXT value's UTF-8 bytes: escaped as they are, never decoded
                if (v == null) {
                  row.writeAscii("null");
                } else {
                  CanonicalJson.writeUtf8String(v, row);
                }
              }
            }
            row.write(']');
            row.write('\n');
            row.updateDigest(sha);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      Tx.rollbackQuietly(c);
      throw e;
    }
    Tx.commit(c);
    return HexFormat.of().formatHex(sha.digest());
  }

}
