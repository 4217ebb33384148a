package dev.cairn.projection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionPurged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.UnknownEvent;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.nio.charset.StandardCharsets;
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
  private final PreparedStatement upsertRegister;
  private final PreparedStatement upsertTombstone;
  private final PreparedStatement[] purge;
  private final Forks forks;
  private final Set<String> tombstones = new HashSet<>();
  /** Upserts are batched (one JNI call per {@value #FLUSH_AT} rows); flushed before any read or delete, and before commit. */
  static final int FLUSH_AT = 1000;
  private int pendingSessions;
  private int pendingMessages;
  private int pendingRegisters;
  private final TreeMap<Origin, long[]> origins = new TreeMap<>();

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
    upsertMessage = connection.prepareStatement(
        "INSERT INTO messages(session, ordinal, role, text, thinking, at, model, tool_calls, usage, tool_text, hlc, origin, seq, images,"
            + " input_tokens, output_tokens, cache_write_tokens, cache_read_tokens) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT(session, ordinal) DO UPDATE SET role=excluded.role, text=excluded.text, thinking=excluded.thinking,"
            + " at=excluded.at, model=excluded.model, tool_calls=excluded.tool_calls, usage=excluded.usage,"
            + " tool_text=excluded.tool_text, hlc=excluded.hlc, origin=excluded.origin, seq=excluded.seq, images=excluded.images,"
            + " input_tokens=excluded.input_tokens, output_tokens=excluded.output_tokens, cache_write_tokens=excluded.cache_write_tokens,"
            + " cache_read_tokens=excluded.cache_read_tokens"
            + " WHERE (excluded.hlc, excluded.origin, excluded.seq) > (messages.hlc, messages.origin, messages.seq)");
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

  Outcome apply(Event event) throws SQLException {
    origins.computeIfAbsent(event.origin(), o -> new long[2]);
    long[] counts = origins.get(event.origin());
    counts[0] = Math.max(counts[0], event.seq().value());
    counts[1]++;
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
    PreparedStatement p = upsertMessage;
    p.setString(1, m.session().toString());
    p.setLong(2, m.ordinal());
    p.setString(3, m.role());
    p.setString(4, m.text());
    setNullable(p, 5, m.thinking());
    setNullable(p, 6, time(m.at()));
    setNullable(p, 7, m.model());
    if (m.toolCalls().isEmpty()) {
      p.setNull(8, Types.VARCHAR);
      p.setNull(10, Types.VARCHAR);
    } else {
      ArrayNode calls = JsonInput.nodes().arrayNode();
      StringBuilder toolText = new StringBuilder();
      for (ToolCall call : m.toolCalls()) {
        calls.add(call.toJson());
        toolText.append(call.name()).append('\n');
        appendLine(toolText, call.input());
        appendLine(toolText, call.output());
      }
      p.setString(8, new String(CanonicalJson.encode(calls), StandardCharsets.UTF_8));
      p.setString(10, toolText.toString());
    }
    setNullable(p, 9, m.usage().isEmpty() ? null : new String(CanonicalJson.encode(m.usage().toJson()), StandardCharsets.UTF_8));
    setOrderKey(p, 11, e);
    if (m.images().isEmpty()) {
      p.setNull(14, Types.VARCHAR);
    } else {
      ArrayNode refs = JsonInput.nodes().arrayNode();
      for (dev.cairn.ledger.event.ImageRef ref : m.images()) {
        refs.addObject().put("bytes", ref.bytes()).put("media_type", ref.mediaType()).put("sha256", ref.sha256());
      }
      p.setString(14, new String(CanonicalJson.encode(refs), StandardCharsets.UTF_8));
    }
    if (m.usage().isEmpty()) {
      for (int i = 15; i <= 18; i++) {
        p.setNull(i, Types.INTEGER);
      }
    } else {
      TokenCounts tokens = TokenCounts.of(m.usage());
      p.setLong(15, tokens.input());
      p.setLong(16, tokens.output());
      p.setLong(17, tokens.cacheWrite());
      p.setLong(18, tokens.cacheRead());
    }
    p.addBatch();
    if (++pendingMessages >= FLUSH_AT) {
      flush();
    }
  }

  private static void appendLine(StringBuilder sb, String s) {
    if (s != null && !s.isEmpty()) {
      sb.append(s).append('\n');
    }
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
    if (pendingMessages > 0) {
      upsertMessage.executeBatch();
      pendingMessages = 0;
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
    upsertRegister.clearBatch();
    pendingSessions = 0;
    pendingMessages = 0;
    pendingRegisters = 0;
    origins.clear();
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
  }

  private static void setOrderKey(PreparedStatement p, int at, Event e) throws SQLException {
    p.setString(at, e.hlc().toString());
    p.setString(at + 1, e.origin().value());
    p.setLong(at + 2, e.seq().value());
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
    upsertRegister.close();
    upsertTombstone.close();
    for (PreparedStatement p : purge) {
      p.close();
    }
    forks.close();
  }
}
