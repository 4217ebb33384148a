package dev.cairn.projection;

import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionPurged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.UnknownEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies events to the view inside the caller's open transaction. Every rule is a function of
 * the event set, not of arrival order:
 *
 * <ul>
 *   <li>{@code session.recorded} and {@code message.appended}: upsert that keeps the row of the
 *       event with the greatest order key (SQLite row-value comparison on (hlc, origin, seq)).
 *   <li>curation: the register keeps the greatest order key; the event is also logged by
 *       (session, register, prev) and that group's fork is recomputed ({@link Forks}).
 *   <li>{@code session.purged}: deletes everything about the session and leaves a tombstone;
 *       every other event about a tombstoned session is ignored, before or after, so the purge
 *       absorbs regardless of order.
 *   <li>unknown types: skipped and counted.
 * </ul>
 *
 * <p>Not thread-safe: one applier per connection, used by one thread.
 */
final class EventApplier implements AutoCloseable {
  enum Outcome { APPLIED, SKIPPED_UNKNOWN, SKIPPED_PURGED }

  private final Connection connection;
  private final PreparedStatement upsertSession;
  private final PreparedStatement insertBlob;
  private final PreparedStatement upsertMessage;
  /** The same upsert for {@link #ROWS_PER_STATEMENT} rows at once. */
  private final PreparedStatement upsertMessages;
  private final PreparedStatement upsertRegister;
  private final PreparedStatement upsertTombstone;
  private final PreparedStatement[] purge;
  private final Forks forks;
  private final Set<String> tombstones = new HashSet<>();
  /** Upserts are batched (one JNI call per {@value #FLUSH_AT} rows); flushed before any read or delete, and before commit. */
  static final int FLUSH_AT = 1000;
  private int pendingSessions;
  /**
   * Message rows go to SQLite {@value #ROWS_PER_STATEMENT} to a statement: FTS5 flushes its pending
   * index data at every statement that writes it (a savepoint), so one row per statement costs about
   * twice as much as the same rows in few statements (measured: 20,000 real-shaped rows 2.8 s vs 1.4 s).
   */
  static final int ROWS_PER_STATEMENT = 200;
  private final java.util.List<MessageLine> pendingMessages = new java.util.ArrayList<>();
  private int pendingRegisters;
  /** Batched message rows hold their values in memory until executed: flushed past this many bytes too. */
  static final long FLUSH_BYTES = 8 << 20;
  private long pendingMessageBytes;
  private final TreeMap<Origin, long[]> origins = new TreeMap<>();
  /** The same counters by origin text, so that a message line needs no Origin built per event. */
  private final java.util.HashMap<String, long[]> originCounts = new java.util.HashMap<>();

  EventApplier(Connection connection) throws SQLException {
    this.connection = connection;
    upsertSession = connection.prepareStatement(
        "INSERT INTO sessions(session, origin, agent, project, title, started_at, ended_at, source, parent, cwd, git_branch,"
            + " rec_hlc, rec_origin, rec_seq, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(session) DO UPDATE SET agent=excluded.agent, project=excluded.project, title=excluded.title,"
            + " started_at=excluded.started_at, ended_at=excluded.ended_at, source=excluded.source, parent=excluded.parent,"
            + " cwd=excluded.cwd, git_branch=excluded.git_branch, rec_hlc=excluded.rec_hlc, rec_origin=excluded.rec_origin,"
            + " rec_seq=excluded.rec_seq, kind=excluded.kind"
            + " WHERE (excluded.rec_hlc, excluded.rec_origin, excluded.rec_seq) > (sessions.rec_hlc, sessions.rec_origin, sessions.rec_seq)");
    upsertMessage = connection.prepareStatement(messageUpsert(1));
    upsertMessages = connection.prepareStatement(messageUpsert(ROWS_PER_STATEMENT));
    upsertRegister = connection.prepareStatement(
        "INSERT INTO registers(session, register, value, hlc, origin, seq) VALUES (?,?,?,?,?,?)"
            + " ON CONFLICT(session, register) DO UPDATE SET value=excluded.value, hlc=excluded.hlc,"
            + " origin=excluded.origin, seq=excluded.seq"
            + " WHERE (excluded.hlc, excluded.origin, excluded.seq) > (registers.hlc, registers.origin, registers.seq)");
    insertBlob = connection.prepareStatement("INSERT INTO blobs(sha256, media_type, bytes, data) VALUES (?,?,?,?) ON CONFLICT(sha256) DO NOTHING");
    upsertTombstone = connection.prepareStatement(
        "INSERT INTO tombstones(session, hlc, origin, seq) VALUES (?,?,?,?)"
            + " ON CONFLICT(session) DO UPDATE SET hlc=excluded.hlc, origin=excluded.origin, seq=excluded.seq"
            + " WHERE (excluded.hlc, excluded.origin, excluded.seq) > (tombstones.hlc, tombstones.origin, tombstones.seq)");
    purge = new PreparedStatement[] {
        connection.prepareStatement("DELETE FROM sessions WHERE session = ?"),
        connection.prepareStatement("DELETE FROM messages WHERE session = ?"),
        connection.prepareStatement("DELETE FROM registers WHERE session = ?"),
        connection.prepareStatement("DELETE FROM curation_log WHERE session = ?"),
        connection.prepareStatement("DELETE FROM conflicts WHERE session = ?")};
    forks = new Forks(connection);
    reloadTombstones();
  }

  /** Re-reads the tombstones (another process may have applied a purge since). */
  void reloadTombstones() throws SQLException {
    tombstones.clear();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT session FROM tombstones")) {
      while (rs.next()) {
        tombstones.add(rs.getString(1));
      }
    }
  }

  /** Applies a message read straight from its line (the usual path for message.appended: {@link MessageLine}). */
  Outcome apply(MessageLine m) throws SQLException {
    count(m.origin(), m.seq());
    if (tombstones.contains(m.session())) {
      return Outcome.SKIPPED_PURGED;
    }
    queue(m);
    return Outcome.APPLIED;
  }

  private void count(String origin, long seq) {
    long[] counts = originCounts.get(origin);
    if (counts == null) {
      counts = new long[2];
      originCounts.put(origin, counts);
      origins.put(Origin.parse(origin), counts);
    }
    counts[0] = Math.max(counts[0], seq);
    counts[1]++;
  }

  Outcome apply(Event event) throws SQLException {
    count(event.origin().value(), event.seq().value());
    EventBody body = event.body();
    if (body instanceof UnknownEvent) {
      return Outcome.SKIPPED_UNKNOWN;
    }
    if (body instanceof dev.cairn.ledger.event.BlobStored b) {
      insertBlob.setString(1, b.sha256());
      insertBlob.setString(2, b.mediaType());
      byte[] bytes = b.bytes();
      insertBlob.setLong(3, bytes.length);
      insertBlob.setBytes(4, bytes);
      insertBlob.executeUpdate();
      return Outcome.APPLIED;
    }
    String session = body.session().toString();
    if (body instanceof SessionPurged) {
      purge(event, session);
      return Outcome.APPLIED;
    }
    if (tombstones.contains(session)) {
      return Outcome.SKIPPED_PURGED;
    }
    if (body instanceof SessionRecorded r) {
      record(event, r);
    } else if (body instanceof MessageAppended m) {
      message(event, m);
    } else if (body instanceof Curation c) {
      curate(event, c);
    } else {
      throw new IllegalStateException("no rule for " + body.getClass());
    }
    return Outcome.APPLIED;
  }

  private void record(Event e, SessionRecorded r) throws SQLException {
    PreparedStatement p = upsertSession;
    p.setString(1, r.session().toString());
    p.setString(2, r.session().origin().value());
    p.setString(3, r.agent());
    setNullable(p, 4, r.project());
    setNullable(p, 5, r.title());
    setNullable(p, 6, time(r.startedAt()));
    setNullable(p, 7, time(r.endedAt()));
    p.setString(8, r.source());
    setNullable(p, 9, r.parent() == null ? null : r.parent().toString());
    setNullable(p, 10, r.cwd());
    setNullable(p, 11, r.gitBranch());
    setOrderKey(p, 12, e);
    setNullable(p, 15, r.kind());
    p.addBatch();
    if (++pendingSessions >= FLUSH_AT) {
      flush();
    }
  }

  private void message(Event e, MessageAppended m) throws SQLException {
    queue(MessageLine.of(e, m));
  }

  private void queue(MessageLine m) throws SQLException {
    pendingMessages.add(m);
    pendingMessageBytes += m.bytes();
    if (pendingMessages.size() >= FLUSH_AT || pendingMessageBytes >= FLUSH_BYTES) {
      flush();
    }
  }

  /** The message upsert for {@code rows} rows in one statement. */
  private static String messageUpsert(int rows) {
    // text columns are bound as UTF-8 bytes (MessageLine): CAST makes them TEXT without a decode in Java
    String row = "(CAST(? AS TEXT),?,CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),"
        + "CAST(? AS TEXT),CAST(? AS TEXT),CAST(? AS TEXT),?,?,CAST(? AS TEXT),?,?,?,?)";
    return "INSERT INTO messages(session, ordinal, role, text, thinking, at, model, tool_calls, usage, tool_text, hlc, origin, seq, images,"
        + " input_tokens, output_tokens, cache_write_tokens, cache_read_tokens) VALUES " + String.join(",", java.util.Collections.nCopies(rows, row))
        + " ON CONFLICT(session, ordinal) DO UPDATE SET role=excluded.role, text=excluded.text, thinking=excluded.thinking,"
        + " at=excluded.at, model=excluded.model, tool_calls=excluded.tool_calls, usage=excluded.usage,"
        + " tool_text=excluded.tool_text, hlc=excluded.hlc, origin=excluded.origin, seq=excluded.seq, images=excluded.images,"
        + " input_tokens=excluded.input_tokens, output_tokens=excluded.output_tokens, cache_write_tokens=excluded.cache_write_tokens,"
        + " cache_read_tokens=excluded.cache_read_tokens"
        + " WHERE (excluded.hlc, excluded.origin, excluded.seq) > (messages.hlc, messages.origin, messages.seq)";
  }

  /** Binds {@code m} as the row starting at parameter {@code at} + 1 (18 parameters). */
  private static void bind(PreparedStatement p, int at, MessageLine m) throws SQLException {
    p.setString(at + 1, m.session());
    p.setLong(at + 2, m.ordinal());
    p.setBytes(at + 3, m.role());
    p.setBytes(at + 4, m.text());
    setNullable(p, at + 5, m.thinking());
    setNullable(p, at + 6, m.at());
    setNullable(p, at + 7, m.model());
    setNullable(p, at + 8, m.toolCalls());
    setNullable(p, at + 9, m.usage());
    setNullable(p, at + 10, m.toolText());
    p.setBytes(at + 11, m.hlc());
    p.setString(at + 12, m.origin());
    p.setLong(at + 13, m.seq());
    setNullable(p, at + 14, m.images());
    TokenCounts tokens = m.tokens();
    if (tokens == null) {
      for (int i = 15; i <= 18; i++) {
        p.setNull(at + i, Types.INTEGER);
      }
    } else {
      p.setLong(at + 15, tokens.input());
      p.setLong(at + 16, tokens.output());
      p.setLong(at + 17, tokens.cacheWrite());
      p.setLong(at + 18, tokens.cacheRead());
    }
  }

  /** Writes the queued message rows in order: whole statements of {@link #ROWS_PER_STATEMENT} rows, then one by one. */
  private void flushMessages() throws SQLException {
    int n = pendingMessages.size();
    int i = 0;
    for (; i + ROWS_PER_STATEMENT <= n; i += ROWS_PER_STATEMENT) {
      for (int k = 0; k < ROWS_PER_STATEMENT; k++) {
        bind(upsertMessages, k * 18, pendingMessages.get(i + k));
      }
      upsertMessages.executeUpdate();
    }
    for (; i < n; i++) {
      bind(upsertMessage, 0, pendingMessages.get(i));
      upsertMessage.addBatch();
    }
    upsertMessage.executeBatch();
    pendingMessages.clear();
    pendingMessageBytes = 0;
  }



  private void curate(Event e, Curation c) throws SQLException {
    String session = c.session().toString();
    String register = c.register().name();
    PreparedStatement p = upsertRegister;
    p.setString(1, session);
    p.setString(2, register);
    p.setString(3, c.value());
    setOrderKey(p, 4, e);
    p.addBatch();
    if (++pendingRegisters >= FLUSH_AT) {
      flush();
    }
    forks.record(session, register, c.prev() == null ? "" : c.prev().toString(), e, c.value());
  }

  private void purge(Event e, String session) throws SQLException {
    flush(); // earlier upserts about the session must land before it is deleted
    for (PreparedStatement p : purge) {
      p.setString(1, session);
      p.executeUpdate();
    }
    upsertTombstone.setString(1, session);
    setOrderKey(upsertTombstone, 2, e);
    upsertTombstone.executeUpdate();
    tombstones.add(session);
  }

  /** Executes the batched upserts, in the order they were added. */
  void flush() throws SQLException {
    if (pendingSessions > 0) {
      upsertSession.executeBatch();
      pendingSessions = 0;
    }
    if (!pendingMessages.isEmpty()) {
      flushMessages();
    }
    if (pendingRegisters > 0) {
      upsertRegister.executeBatch();
      pendingRegisters = 0;
    }
  }

  /** Forgets batched upserts of a rolled-back transaction. */
  void discard() throws SQLException {
    upsertSession.clearBatch();
    upsertMessage.clearBatch();
    pendingMessages.clear();
    upsertRegister.clearBatch();
    pendingSessions = 0;
    pendingMessageBytes = 0;
    pendingRegisters = 0;
    origins.clear();
    originCounts.clear();
  }

  /** Writes the per-origin counters gathered since the last flush; call before commit. */
  void flushOrigins() throws SQLException {
    flush();
    try (PreparedStatement p = connection.prepareStatement(
        "INSERT INTO applied_origins(origin, max_seq, events) VALUES (?,?,?) ON CONFLICT(origin) DO UPDATE SET"
            + " max_seq = max(max_seq, excluded.max_seq), events = events + excluded.events")) {
      for (var entry : origins.entrySet()) {
        p.setString(1, entry.getKey().value());
        p.setLong(2, entry.getValue()[0]);
        p.setLong(3, entry.getValue()[1]);
        p.executeUpdate();
      }
    }
    origins.clear();
    originCounts.clear();
  }

  private static void setOrderKey(PreparedStatement p, int at, Event e) throws SQLException {
    p.setString(at, e.hlc().toString());
    p.setString(at + 1, e.origin().value());
    p.setLong(at + 2, e.seq().value());
  }

  private static void setNullable(PreparedStatement p, int at, byte[] value) throws SQLException {
    if (value == null) {
      p.setNull(at, Types.VARCHAR);
    } else {
      p.setBytes(at, value);
    }
  }

  private static void setNullable(PreparedStatement p, int at, String value) throws SQLException {
    if (value == null) {
      p.setNull(at, Types.VARCHAR);
    } else {
      p.setString(at, value);
    }
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  @Override
  public void close() throws SQLException {
    upsertSession.close();
    insertBlob.close();
    upsertMessage.close();
    upsertMessages.close();
    upsertRegister.close();
    upsertTombstone.close();
    for (PreparedStatement p : purge) {
      p.close();
    }
    forks.close();
  }
}
