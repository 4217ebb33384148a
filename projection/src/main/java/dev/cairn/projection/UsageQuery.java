package dev.cairn.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Token usage over the view's messages, grouped, from the token columns (docs/schema.md): one scan
 * of the messages that carry tokens, no JSON read. Counts every session that is not purged, trashed
 * ones and sub-agents included (their tokens were spent). Not thread-safe (one connection).
 */
public final class UsageQuery {
  /** Input tokens (cache included) above which a request is "long context" (priced higher by some models). */
  public static final long LONG_CONTEXT = 200_000;

  /** The machine that recorded a message's session: the session id's prefix (so no join is needed for it). */
  static final String ORIGIN = "substr(m.session, 1, instr(m.session, '~') - 1)";

  /** How rows are grouped. */
  public enum Grouping {
    DAILY("substr(m.at, 1, 10)"),
    WEEKLY("strftime('%Y-W%W', substr(m.at, 1, 10))"),
    MONTHLY("substr(m.at, 1, 7)"),
    SESSION("m.session"),
    PROJECT("coalesce(s.project, '')"),
    MACHINE(ORIGIN),
    MODEL("coalesce(m.model, '')"),
    TOTAL("'total'");

    private final String sql;

    Grouping(String sql) {
      this.sql = sql;
    }
  }

  /** What to count: message times from {@code since} to {@code until} (ISO-8601 prefixes, inclusive), and session fields. */
  public record Filter(String since, String until, String agent, String project, String machine) {
    public static final Filter ALL = new Filter(null, null, null, null, null);
  }

  private final Connection connection;
  private final java.nio.file.Path file;

  UsageQuery(Connection connection, java.nio.file.Path file) {
    this.connection = connection;
    this.file = file;
  }

  public List<UsageRow> rows(Grouping grouping, Filter f, boolean byMachine) {
    // the sessions table only when a column of it is asked for: without it the query is one pass over the index
    boolean join = grouping == Grouping.PROJECT || f.agent() != null || f.project() != null;
    StringBuilder sql = new StringBuilder("SELECT " + grouping.sql + ", " + (byMachine ? ORIGIN : "NULL")
        + ", coalesce(m.model, ''), (m.input_tokens + m.cache_write_tokens + m.cache_read_tokens) > " + LONG_CONTEXT
        + ", count(*), sum(m.input_tokens), sum(m.output_tokens), sum(m.cache_write_tokens), sum(m.cache_read_tokens)"
        + " FROM messages m" + (join ? " JOIN sessions s ON s.session = m.session" : "") + " WHERE m.input_tokens IS NOT NULL");
    List<Object> args = new ArrayList<>();
    if (f.since() != null) {
      sql.append(" AND m.at >= ?");
      args.add(f.since());
    }
    if (f.until() != null) {
      sql.append(" AND m.at <= ?");
      args.add(f.until() + "\uffff");
    }
    if (f.agent() != null) {
      sql.append(" AND s.agent = ?");
      args.add(f.agent());
    }
    if (f.project() != null) {
      sql.append(" AND s.project = ?");
      args.add(f.project());
    }
    if (f.machine() != null) {
      sql.append(" AND " + ORIGIN + " = ?");
      args.add(f.machine());
    }
    sql.append(" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
    try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      List<UsageRow> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new UsageRow(rs.getString(1) == null ? "" : rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
              rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("count usage in", file, e);
    }
  }
}
