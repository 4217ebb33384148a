package dev.cairn.projection;

import dev.cairn.ledger.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds forks among curation events. A group is every curation event on one (session, register)
 * that names the same {@code prev}, i.e. whose writers saw the same version. In a group, the
 * winner is the event with the greatest order key; the losers are the events whose value differs
 * from the winner's. The group is a conflict if and only if some loser comes from an origin
 * other than the winner's. Because the group's rows are recomputed from the whole group each
 * time an event joins it, the conflict rows are a function of the event set, not of arrival
 * order. A later write that saw the winner names the winner in prev, so it forms a new group and
 * is not a conflict.
 *
 * <p>Not thread-safe; used by one {@link EventApplier}.
 */
final class Forks implements AutoCloseable {
  private record Member(String origin, long seq, String hlc, String value) {
    boolean beats(Member o) {
      int c = hlc.compareTo(o.hlc);
      if (c == 0) {
        c = origin.compareTo(o.origin);
      }
      return c != 0 ? c > 0 : seq > o.seq;
    }
  }

  private final PreparedStatement log;
  private final PreparedStatement group;
  private final PreparedStatement clear;
  private final PreparedStatement insert;

  Forks(Connection c) throws SQLException {
    log = c.prepareStatement("INSERT OR IGNORE INTO curation_log(session, register, prev, origin, seq, hlc, value) VALUES (?,?,?,?,?,?,?)");
    group = c.prepareStatement("SELECT origin, seq, hlc, value FROM curation_log WHERE session = ? AND register = ? AND prev = ?");
    clear = c.prepareStatement("DELETE FROM conflicts WHERE session = ? AND register = ? AND prev = ?");
    insert = c.prepareStatement("INSERT INTO conflicts(session, register, prev, winner_origin, winner_seq, winner_hlc, winner_value,"
        + " loser_origin, loser_seq, loser_hlc, loser_value) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  }

  void record(String session, String register, String prev, Event e, String value) throws SQLException {
    log.setString(1, session);
    log.setString(2, register);
    log.setString(3, prev);
    log.setString(4, e.origin().value());
    log.setLong(5, e.seq().value());
    log.setString(6, e.hlc().toString());
    log.setString(7, value);
    log.executeUpdate();

    List<Member> members = new ArrayList<>();
    group.setString(1, session);
    group.setString(2, register);
    group.setString(3, prev);
    try (ResultSet rs = group.executeQuery()) {
      while (rs.next()) {
        members.add(new Member(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
      }
    }
    if (members.size() < 2) {
      return;
    }
    Member winner = members.get(0);
    for (Member m : members) {
      if (m.beats(winner)) {
        winner = m;
      }
    }
    List<Member> losers = new ArrayList<>();
    boolean crossOrigin = false;
    for (Member m : members) {
      if (!m.value().equals(winner.value())) {
        losers.add(m);
        crossOrigin |= !m.origin().equals(winner.origin());
      }
    }
    clear.setString(1, session);
    clear.setString(2, register);
    clear.setString(3, prev);
    clear.executeUpdate();
    if (!crossOrigin) {
      return;
    }
    for (Member l : losers) {
      insert.setString(1, session);
      insert.setString(2, register);
      insert.setString(3, prev);
      insert.setString(4, winner.origin());
      insert.setLong(5, winner.seq());
      insert.setString(6, winner.hlc());
      insert.setString(7, winner.value());
      insert.setString(8, l.origin());
      insert.setLong(9, l.seq());
      insert.setString(10, l.hlc());
      insert.setString(11, l.value());
      insert.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    log.close();
    group.close();
    clear.close();
    insert.close();
  }
}
