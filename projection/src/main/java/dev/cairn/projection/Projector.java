package dev.cairn.projection;

import dev.cairn.ledger.LedgerReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a view up to date with the ledger, in batches (entries are decoded ahead on a second
 * thread by {@link DecodingCursor}): each batch is one SQLite transaction
 * ({@code BEGIN IMMEDIATE}) that reads the applied position, applies up to {@link #BATCH} entries (by default)
 * after it, stores the new position and commits. A process killed at any moment leaves either the
 * whole batch or none of it; on restart the next catch-up resumes from the stored position, so
 * every entry is applied exactly once. Two processes catching up the same view at once are
 * serialised by SQLite's write lock and each re-reads the position inside its transaction.
 *
 * <p>Not thread-safe; one projector per connection.
 */
final class Projector {
  static final int BATCH = 20_000;

  private final int batch;

  private final Connection connection;
  private final Path file;
  private final EventApplier applier;

  Projector(Connection connection, Path file, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, was " + batch);
    }
    this.batch = batch;
    this.connection = connection;
    this.file = file;
    try {
      this.applier = new EventApplier(connection);
    } catch (SQLException e) {
      throw new ViewException("prepare", file, e);
    }
  }

  /** Applies every ledger entry after the stored position; returns the number applied. */
  long catchUp(LedgerReader reader, ProgressListener progress) {
    long total = 0;
    long head = reader.headIndex();
    DecodingCursor cursor = null;
    long cursorAfter = Long.MIN_VALUE;
    try {
      while (true) {
        begin();
        Position at = Positions.read(connection);
        if (cursor == null || cursorAfter != at.ledgerIndex()) {
          if (cursor != null) {
            cursor.close();
          }
          cursor = new DecodingCursor(reader, at.ledgerIndex());
        }
        int n = applyBatch(cursor, at);
        total += n;
        if (n == 0) {
          Tx.commit(connection);
          applier.discard();
          return total;
        }
        cursorAfter = Positions.read(connection).ledgerIndex();
        applier.flushOrigins();
        Tx.commit(connection);
        progress.applied(total, head);
      }
    } catch (SQLException e) {
      rollbackQuietly();
      throw new ViewException("apply ledger to view", file, e);
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    } finally {
      if (cursor != null) {
        cursor.close();
      }
    }
  }

  private int applyBatch(DecodingCursor cursor, Position at) throws SQLException {
    long index = at.ledgerIndex();
    long applied = at.applied();
    long unknown = at.skippedUnknown();
    long purged = at.skippedPurged();
    int n = 0;
    DecodingCursor.Decoded r;
    while (n < batch && (r = cursor.next()) != null) {
      switch (r.message() != null ? applier.apply(r.message()) : applier.apply(r.event())) {
        case APPLIED -> applied++;
        case SKIPPED_UNKNOWN -> unknown++;
        case SKIPPED_PURGED -> purged++;
        default -> throw new IllegalStateException();
      }
      index = r.index();
      n++;
    }
    if (n > 0) {
      applier.flush();
      Positions.write(connection, new Position(index, applied, unknown, purged));
    }
    return n;
  }

  private void begin() throws SQLException {
    Tx.beginWrite(connection);
    applier.reloadTombstones();
  }

  private void rollbackQuietly() {
    Tx.rollbackQuietly(connection);
    try {
      applier.discard();
    } catch (SQLException ignored) {
      // the connection is failing already; the transaction is rolled back
    }
  }

  void close() throws SQLException {
    applier.close();
  }

  /** Reads and writes {@code projection_position}. */
  static final class Positions {
    private Positions() {}

    static Position read(Connection c) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT ledger_index, applied, skipped_unknown, skipped_purged FROM projection_position WHERE id = 1")) {
        if (!rs.next()) {
          return Position.NONE;
        }
        return new Position(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
      }
    }

    static void write(Connection c, Position p) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE projection_position SET ledger_index = ?, applied = ?, skipped_unknown = ?, skipped_purged = ? WHERE id = 1")) {
        s.setLong(1, p.ledgerIndex());
        s.setLong(2, p.applied());
        s.setLong(3, p.skippedUnknown());
        s.setLong(4, p.skippedPurged());
        s.executeUpdate();
      }
    }
  }
}
