package dev.cairn.projection;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.OrderKey;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Register;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQLite view of a home ({@code view.db}): derived from the ledger, never the source of
 * truth, always rebuildable ({@link Rebuild}). {@link #catchUp} applies what the ledger holds
 * beyond the stored position; queries live in {@link SessionQueries}.
 *
 * <p>Thread-safety: not thread-safe (one JDBC connection); open one view per thread. Several
 * processes may open the same file: SQLite serialises writers and WAL lets readers run alongside.
 */
public final class View implements AutoCloseable {
  private final Path file;
  private final Connection connection;
  private final Projector projector;

  private View(Path file, Connection connection, int batch) {
    this.file = file;
    this.connection = connection;
    this.projector = new Projector(connection, file, batch);
  }

  /** Opens (creating if needed) the view at {@code file}. */
  public static View open(Path file) {
    return open(file, Projector.BATCH);
  }

  /** As {@link #open(Path)}, committing every {@code batch} entries during catch-up. */
  public static View open(Path file, int batch) {
    return new View(file, ViewDatabase.open(file, ViewDatabase.Mode.LIVE), batch);
  }

  static View openBulk(Path file) {
    return new View(file, ViewDatabase.open(file, ViewDatabase.Mode.BULK), Projector.BATCH);
  }

  /** Applies every ledger entry after the stored position; returns how many were applied. */
  public long catchUp(LedgerReader reader) {
    return catchUp(reader, ProgressListener.NONE);
  }

  public long catchUp(LedgerReader reader, ProgressListener progress) {
    return projector.catchUp(reader, progress);
  }

  public Position position() {
    try {
      Position p = Projector.Positions.read(connection);
      return p;
    } catch (SQLException e) {
      throw new ViewException("read position of", file, e);
    }
  }

  /** SHA-256 of the logical content (see {@link Digest}), as 64 lower-case hex digits. */
  public String digest() {
    try {
      return Digest.compute(connection);
    } catch (SQLException e) {
      throw new ViewException("digest", file, e);
    }
  }

  /**
   * The order key of a register's winning event; its {@link OrderKey#eventId()} is the version a
   * curation writer names in {@code prev}.
   */
  public Optional<OrderKey> registerVersion(SessionId session, Register register) {
    try (PreparedStatement p = connection.prepareStatement("SELECT hlc, origin, seq FROM registers WHERE session = ? AND register = ?")) {
      p.setString(1, session.toString());
      p.setString(2, register.name());
      try (ResultSet rs = p.executeQuery()) {
        Optional<OrderKey> out = rs.next()
            ? Optional.of(new OrderKey(Hlc.parse(rs.getString(1)), new Origin(rs.getString(2)), new Seq(rs.getLong(3))))
            : Optional.empty();
        return out;
      }
    } catch (SQLException e) {
      throw new ViewException("read register of", file, e);
    }
  }

  public SessionQueries queries() {
    return new SessionQueries(connection, file);
  }

  /** Token usage, grouped (cairn usage, the usage page). */
  public UsageQuery usage() {
    return new UsageQuery(connection, file);
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      projector.close();
      connection.close();
    } catch (SQLException e) {
      throw new ViewException("close", file, e);
    }
  }
}
