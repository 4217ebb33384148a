package dev.cairn.projection;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Register;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only queries over a view. Not thread-safe (shares the view's connection). */
public final class SessionQueries {
  private final Connection connection;
  private final Path file;

  SessionQueries(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** How many of the newest matching messages a search ranks (see {@link #search(String, SessionFilter, int)}). */
  public static final int SEARCH_WINDOW = 5_000;

  private static final String SESSION_COLUMNS =
      "session, title, project, agent, started_at, ended_at, starred, trashed, tags, pins, messages, parent, kind FROM session_view";

  /** Sessions newest first; trashed ones only when {@code includeTrashed}. */
  public List<SessionRow> sessions(boolean includeTrashed, int limit) {
    return sessions(SessionFilter.DEFAULT.withTrashed(includeTrashed ? SessionFilter.Trashed.ALL : SessionFilter.Trashed.HIDE)
        .withLimit(limit));
  }

  /** Sessions matching {@code f}, newest first. */
  public List<SessionRow> sessions(SessionFilter f) {
    StringBuilder sql = new StringBuilder("SELECT " + SESSION_COLUMNS + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    conditions(f, sql, args);
    if (f.after() != null) {
      sql.append(" AND (coalesce(started_at, '') < ? OR (coalesce(started_at, '') = ? AND session > ?))");
      args.add(f.after().startedAt());
      args.add(f.after().startedAt());
      args.add(f.after().session());
    }
    sql.append(" ORDER BY coalesce(started_at, '') DESC, session LIMIT ?");
    args.add(f.limit() <= 0 ? Integer.MAX_VALUE : f.limit());
    try (PreparedStatement p = prepare(sql.toString(), args)) {
      return readSessions(p);
    } catch (SQLException e) {
      throw new ViewException("list sessions in", file, e);
    }
  }

  /**
   * Appends {@code f}'s conditions on {@code session_view} (by that name, so the query may join
   * other tables) to {@code sql}, their arguments to {@code args}. Paging ({@code after}, {@code
   * limit}) is the caller's.
   */
  private static void conditions(SessionFilter f, StringBuilder sql, List<Object> args) {
    if (f.trashed() == SessionFilter.Trashed.HIDE) {
      sql.append(" AND session_view.trashed = 0");
    } else if (f.trashed() == SessionFilter.Trashed.ONLY) {
      sql.append(" AND session_view.trashed = 1");
    }
    if (f.starred() != null) {
      sql.append(" AND session_view.starred = ?");
      args.add(f.starred() ? 1 : 0);
    }
    if (f.tag() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM registers r WHERE r.session = session_view.session AND r.register = ? AND r.value = ?)");
      args.add(Register.tag(f.tag()).name());
      args.add(Register.flag(true));
    }
    if (f.project() != null) {
      sql.append(" AND session_view.project = ?");
      args.add(f.project());
    }
    if (f.agent() != null) {
      sql.append(" AND session_view.agent = ?");
      args.add(f.agent());
    }
    if (f.origin() != null) {
      sql.append(" AND session_view.origin = ?");
      args.add(f.origin());
    }
    if (f.topLevel()) {
      sql.append(" AND session_view.parent IS NULL");
    }
    if (f.since() != null) {
      sql.append(" AND session_view.started_at >= ?");
      args.add(f.since());
    }
    if (f.until() != null) {
      // every time that starts with the prefix is inside it: compare with the prefix followed by the greatest character
      sql.append(" AND session_view.started_at <= ?");
      args.add(f.until() + "\uffff");
    }
    if (f.titleText() != null) {
      sql.append(" AND instr(lower(coalesce(session_view.title, '')), lower(?)) > 0");
      args.add(f.titleText());
    }
  }

  private PreparedStatement prepare(String sql, List<Object> args) throws SQLException {
    PreparedStatement p = connection.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      p.setObject(i + 1, args.get(i));
    }
    return p;
  }

  private static List<SessionRow> readSessions(PreparedStatement p) throws SQLException {
    List<SessionRow> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getInt(7) != 0, rs.getInt(8) != 0, rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getString(12),
            rs.getString(13)));
      }
    }
    return out;
  }

  /** One session by exact id. */
  public Optional<SessionRow> session(SessionId id) {
    try (PreparedStatement p = connection.prepareStatement("SELECT " + SESSION_COLUMNS + " WHERE session = ?")) {
      p.setString(1, id.toString());
      return readSessions(p).stream().findFirst();
    } catch (SQLException e) {
      throw new ViewException("read session in", file, e);
    }
  }

  /**
   * Session ids that {@code ref} names: the exact id if it exists, else every id that starts with
   * {@code ref}, else every id whose native part (after {@code ~}) starts with it. At most
   * {@code max} ids, sorted.
   */
  /**
   * The shortest reference that names each of {@code sessions} and no other session, as {@link
   * #resolve} reads references (like git's short hashes): the shortest prefix of its native id, at
   * least {@code minLength} characters, that no other session's id or native id starts with; else
   * its whole native id when that is unique; else its whole id. What a list shows, so that rows
   * never look alike and each can be typed back.
   */
  public java.util.Map<String, String> shortRefs(java.util.Collection<String> sessions, int minLength) {
    List<String> fulls = new ArrayList<>();
    List<String> natives = new ArrayList<>();
    try (PreparedStatement p = connection.prepareStatement("SELECT session FROM sessions"); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        fulls.add(id);
        natives.add(id.substring(id.indexOf('~') + 1));
      }
    } catch (SQLException e) {
      throw new ViewException("list session ids in", file, e);
    }
    java.util.Collections.sort(fulls);
    java.util.Collections.sort(natives);
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String session : sessions) {
      String nativeId = session.substring(session.indexOf('~') + 1);
      String ref = session;
      for (int n = Math.min(minLength, nativeId.length()); n < nativeId.length(); n++) {
        String prefix = nativeId.substring(0, n);
        if (startingWith(natives, prefix) + startingWith(fulls, prefix) == 1) {
          ref = prefix;
          break;
        }
      }
      if (ref.equals(session) && java.util.Collections.frequency(natives, nativeId) == 1) {
        ref = nativeId; // a whole native id names its session even when sub-agents' ids start with it
      }
      out.put(session, ref);
    }
    return out;
  }

  /** How many of the sorted {@code ids} start with {@code prefix}. */
  private static int startingWith(List<String> ids, String prefix) {
    int from = lowerBound(ids, prefix);
    int to = lowerBound(ids, prefix + Character.MAX_VALUE);
    return to - from;
  }

  private static int lowerBound(List<String> sorted, String key) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  public List<SessionId> resolve(String ref, int max) {
    try (PreparedStatement exact = connection.prepareStatement("SELECT session FROM sessions WHERE session = ?")) {
      exact.setString(1, ref);
      try (ResultSet rs = exact.executeQuery()) {
        if (rs.next()) {
          return List.of(SessionId.parse(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new ViewException("resolve session in", file, e);
    }
    // a native id given whole names that session, not also its sub-agents (whose ids start with it)
    try (PreparedStatement whole = connection.prepareStatement("SELECT session FROM sessions WHERE substr(session, instr(session, '~') + 1) = ?"
        + " ORDER BY session LIMIT ?")) {
      whole.setString(1, ref);
      whole.setInt(2, max);
      List<SessionId> out = new ArrayList<>();
      try (ResultSet rs = whole.executeQuery()) {
        while (rs.next()) {
          out.add(SessionId.parse(rs.getString(1)));
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    } catch (SQLException e) {
      throw new ViewException("resolve session in", file, e);
    }
    String sql = "SELECT session FROM sessions WHERE substr(session, 1, length(?1)) = ?1"
        + " OR substr(session, instr(session, '~') + 1, length(?1)) = ?1 ORDER BY session LIMIT ?2";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setString(1, ref);
      p.setInt(2, max);
      List<SessionId> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(SessionId.parse(rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("resolve session in", file, e);
    }
  }

  /** The current value (canonical JSON) of a register, if set. */
  public Optional<String> registerValue(SessionId session, Register register) {
    try (PreparedStatement p = connection.prepareStatement("SELECT value FROM registers WHERE session = ? AND register = ?")) {
      p.setString(1, session.toString());
      p.setString(2, register.name());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ViewException("read register in", file, e);
    }
  }

  /** The messages of a session in order, with their pins. */
  public List<MessageRow> messages(SessionId session) {
    String sql = "SELECT m.ordinal, m.role, m.text, m.thinking, m.at, m.model, m.tool_calls, m.usage,"
        + " json_extract(r.value, '$.pinned'), json_extract(r.value, '$.note'), m.images"
        + " FROM messages m LEFT JOIN registers r ON r.session = m.session AND r.register = 'pin:' || m.ordinal"
        + " WHERE m.session = ? ORDER BY m.ordinal";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setString(1, session.toString());
      List<MessageRow> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new MessageRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9) == 1, rs.getString(10), rs.getString(11)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("read messages in", file, e);
    }
  }

  /**
   * Full-text search over message text and tool calls (FTS5 syntax) in the sessions {@code f}
   * covers (its paging fields are ignored), best matches first (BM25), with a snippet around the
   * match ({@code [} and {@code ]} mark the matched terms).
   *
   * <p>Ranking every match of a common word costs time in proportion to the matches (seconds at a
   * million messages), so the ranking covers the newest {@link #SEARCH_WINDOW} matching messages
   * (by row, which is the order they were recorded in); {@link SearchResults#windowed()} says when
   * there were more. Snippets are built for the returned hits only.
   *
   * @throws SearchSyntaxException if FTS5 rejects the query
   */
  public SearchResults search(String ftsQuery, SessionFilter f, int limit) {
    return search(ftsQuery, f, limit, SEARCH_WINDOW);
  }

  /** {@link #search(String, SessionFilter, int)} ranking the newest {@code window} matches (tests use small windows). */
  SearchResults search(String ftsQuery, SessionFilter f, int limit, int window) {
    try {
      StringBuilder where = new StringBuilder(" FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid"
          + " JOIN session_view ON session_view.session = m.session WHERE messages_fts MATCH ?");
      List<Object> args = new ArrayList<>(List.of(ftsQuery));
      conditions(f, where, args);
      // 1. the window: the oldest row among the newest SEARCH_WINDOW matches (a walk down the index, no ranking)
      long floor;
      boolean windowed;
      List<Object> windowArgs = new ArrayList<>(args);
      windowArgs.add(window);
      try (PreparedStatement p = prepare("SELECT count(*), min(id) FROM (SELECT messages_fts.rowid AS id" + where
          + " ORDER BY messages_fts.rowid DESC LIMIT ?)", windowArgs); ResultSet rs = p.executeQuery()) {
        rs.next();
        windowed = rs.getLong(1) == window;
        floor = rs.getLong(2);
      }
      // 2. rank inside the window, keep the best
      List<Object> rankArgs = new ArrayList<>(args);
      rankArgs.add(floor);
      rankArgs.add(limit <= 0 ? Integer.MAX_VALUE : limit);
      List<Long> best = new ArrayList<>();
      List<Double> ranks = new ArrayList<>();
      try (PreparedStatement p = prepare("SELECT messages_fts.rowid, bm25(messages_fts)" + where
          + " AND messages_fts.rowid >= ? ORDER BY bm25(messages_fts), m.session, m.ordinal LIMIT ?", rankArgs);
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          best.add(rs.getLong(1));
          ranks.add(rs.getDouble(2));
        }
      }
      // 3. the hits and their snippets, one row each
      List<SearchHit> hits = new ArrayList<>(best.size());
      try (PreparedStatement p = connection.prepareStatement("SELECT m.session, session_view.title, m.ordinal, m.role,"
          + " CASE WHEN instr(snippet(messages_fts, 0, '[', ']', '...', 12), '[') > 0"
          + " THEN snippet(messages_fts, 0, '[', ']', '...', 12) ELSE snippet(messages_fts, 1, '[', ']', '...', 12) END"
          + " FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid JOIN session_view ON session_view.session = m.session"
          + " WHERE messages_fts MATCH ? AND messages_fts.rowid = ?")) {
        p.setString(1, ftsQuery);
        for (int i = 0; i < best.size(); i++) {
          p.setLong(2, best.get(i));
          try (ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
              hits.add(new SearchHit(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), ranks.get(i)));
            }
          }
        }
      }
      return new SearchResults(hits, windowed);
    } catch (SQLException e) {
      // the statements themselves are fixed and valid: a plain SQLITE_ERROR can only come from the MATCH expression
      if (e instanceof org.sqlite.SQLiteException s && s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_ERROR) {
        throw new SearchSyntaxException(ftsQuery, s);
      }
      throw new ViewException("search in", file, e);
    }
  }

  /**
   * Words as an FTS5 query that finds them all, each quoted: what a person types is searched for as
   * written, never parsed as query syntax (punctuation is literal).
   */
  public static String plainQuery(String words) {
    StringBuilder b = new StringBuilder();
    for (String w : words.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append('"').append(w.replace("\"", "\"\"")).append('"');
      }
    }
    return b.toString();
  }

  /** Search over every session, or every session that is not trashed. */
  public SearchResults search(String ftsQuery, boolean includeTrashed, int limit) {
    return search(ftsQuery, SessionFilter.DEFAULT.withTrashed(includeTrashed ? SessionFilter.Trashed.ALL : SessionFilter.Trashed.HIDE), limit);
  }

  /** An image's bytes and media type. Immutable. */
  public record Blob(String mediaType, byte[] data) {}

  /**
   * The image with this SHA-256, if the view holds its bytes and a message that is not purged
   * names it (a purged session's images are not served, though their bytes stay, like its events).
   */
  public Optional<Blob> blob(String sha256) {
    String sql = "SELECT b.media_type, b.data FROM blobs b WHERE b.sha256 = ?1 AND EXISTS (SELECT 1 FROM messages m, json_each(m.images) j"
        + " WHERE m.images IS NOT NULL AND json_extract(j.value, '$.sha256') = ?1)";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setString(1, sha256);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(new Blob(rs.getString(1), rs.getBytes(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ViewException("read image in", file, e);
    }
  }

  /** How many sub-agent sessions each parent session has (sessions without any are not in the map). */
  public java.util.Map<String, Long> subAgentCounts() {
    String sql = "SELECT parent, count(*) FROM sessions WHERE parent IS NOT NULL GROUP BY parent";
    try (PreparedStatement p = connection.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
      java.util.Map<String, Long> out = new java.util.HashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("count sub-agent sessions in", file, e);
    }
  }

  /** The sub-agent sessions of {@code parent}, oldest first. */
  public List<SessionRow> subAgents(SessionId parent) {
    try (PreparedStatement p = connection.prepareStatement("SELECT " + SESSION_COLUMNS + " WHERE parent = ? ORDER BY coalesce(started_at, ''), session")) {
      p.setString(1, parent.toString());
      return readSessions(p);
    } catch (SQLException e) {
      throw new ViewException("read sub-agent sessions in", file, e);
    }
  }

  /** How many sessions each origin recorded (purged ones gone), by origin. */
  public java.util.Map<String, Long> sessionsPerOrigin() {
    String sql = "SELECT substr(session, 1, instr(session, '~') - 1), count(*) FROM sessions GROUP BY 1 ORDER BY 1";
    try (PreparedStatement p = connection.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
      java.util.Map<String, Long> out = new java.util.TreeMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("count sessions per origin in", file, e);
    }
  }

  /** Every recorded conflict, in the digest's order. */
  /**
   * Every recorded conflict, with how it was resolved: a conflict is resolved once a later write on
   * the same register saw its winner (its {@code prev} names the winner); {@code resolution} is then
   * the register's value now.
   */
  public List<ConflictRow> conflicts() {
    String sql = "SELECT c.session, c.register, c.prev, c.winner_origin, c.winner_seq, c.winner_hlc, c.winner_value, c.loser_origin,"
        + " c.loser_seq, c.loser_hlc, c.loser_value,"
        + " (SELECT l.origin || '/' || l.seq FROM curation_log l WHERE l.session = c.session AND l.register = c.register"
        + "    AND l.prev = c.winner_origin || '/' || c.winner_seq ORDER BY l.hlc LIMIT 1) AS resolved_by,"
        + " (SELECT r.value FROM registers r WHERE r.session = c.session AND r.register = c.register) AS now"
        + " FROM conflicts c ORDER BY c.session, c.register, c.prev, c.loser_origin, c.loser_seq";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      List<ConflictRow> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String resolvedBy = rs.getString(12);
          out.add(new ConflictRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11), resolvedBy,
              resolvedBy == null ? null : rs.getString(13)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ViewException("list conflicts in", file, e);
    }
  }

  /** The conflicts no later write has settled ({@link #conflicts()} without the resolved ones). */
  public List<ConflictRow> openConflicts() {
    return conflicts().stream().filter(c -> !c.isResolved()).toList();
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
