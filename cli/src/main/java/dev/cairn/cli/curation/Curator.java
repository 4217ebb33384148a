package dev.cairn.cli.curation;

import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.query.SessionRefException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.OrderKey;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Register;
import dev.cairn.projection.View;
import java.util.List;
import java.util.Optional;

/**
 * What every curation verb does: take the writer lock, bring the view up to date, resolve the
 * session reference, read the register, and append one event whose {@code prev} is the register
 * version the view holds — or nothing, when the register already has the wanted value.
 *
 * <p>Not thread-safe; one per command.
 */
public final class Curator implements AutoCloseable {
  private static final int CANDIDATES = 10;
  private final HomeSession session;
  private final View view;

  /** Opens the home's ledger (the writer lock) and its view, caught up; the caller closes it. */
  public static Curator open(Home home) {
    return new Curator(home);
  }

  Curator(Home home) {
    this.session = HomeSession.openCaughtUp(home);
    this.view = session.view();
  }

  /** The one session {@code ref} names (an id or a unique prefix of the id or of its native part). */
  SessionId resolve(String ref) {
    List<SessionId> found = view.queries().resolve(ref, CANDIDATES);
    if (found.size() != 1) {
      throw new SessionRefException(ref, found, CANDIDATES);
    }
    return found.get(0);
  }

  Optional<String> value(SessionId session, Register register) {
    return view.queries().registerValue(session, register);
  }

  View view() {
    return view;
  }

  /**
   * Appends {@code change} with {@code prev} = the register's current version, unless the
   * register already holds the same value.
   *
   * @return the appended event, or empty if nothing changed
   */
  public Optional<dev.cairn.ledger.event.Event> apply(Curation change) {
    String current = value(change.session(), change.register()).orElseGet(() -> unset(change));
    if (change.value().equals(current)) {
      return Optional.empty();
    }
    Optional<OrderKey> version = view.registerVersion(change.session(), change.register());
    Curation withPrev = change.withPrev(version.map(OrderKey::eventId).orElse(null));
    dev.cairn.ledger.event.Event e = session.ledger().appendLocal(new Draft(withPrev));
    session.commit();
    return Optional.of(e);
  }

  /**
   * Appends {@code change} with {@code prev} = the register's current version even when the
   * register already holds that value: a write that saw the winner, which resolves an open fork on
   * the register everywhere once it syncs (keeping either the winning or the losing value).
   */
  public dev.cairn.ledger.event.Event resolve(Curation change) {
    Optional<OrderKey> version = view.registerVersion(change.session(), change.register());
    dev.cairn.ledger.event.Event e = session.ledger().appendLocal(new Draft(change.withPrev(version.map(OrderKey::eventId).orElse(null))));
    session.commit();
    return e;
  }

  /** Appends a non-register event (a purge) and brings the view up to date. */
  dev.cairn.ledger.event.Event append(Draft draft) {
    dev.cairn.ledger.event.Event e = session.ledger().appendLocal(draft);
    session.commit();
    return e;
  }

  /** What an unset register means (not starred, not trashed, not tagged, not pinned, the recorded title). */
  private String unset(Curation change) {
    String recordedTitle = view.queries().session(change.session()).map(r -> r.title()).orElse(null);
    return change.register().unsetValue(recordedTitle);
  }

  @Override
  public void close() {
    session.close();
  }
}
