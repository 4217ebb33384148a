package dev.cairn.cli.home;

import dev.cairn.exchange.sync.Synchronizer;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;

/**
 * One unit of work on a home, written once: open the ledger for appending (the writer lock,
 * recovery first) and the view; do the work; {@link #commit()} makes what was appended durable
 * and catches the view up; {@link #close()} releases both. Every verb that writes (curation,
 * import, sync, reconcile, the server's absorber) goes through one.
 *
 * <pre>{@code
 * try (HomeSession s = HomeSession.open(home)) {
 *   s.ledger().appendLocal(draft);
 *   s.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one per command (the writer lock keeps other processes out meanwhile).
 */
public final class HomeSession implements AutoCloseable {
  private final Home home;
  private final Ledger ledger;
  private final View view;

  private HomeSession(Home home, Ledger ledger, View view) {
    this.home = home;
    this.ledger = ledger;
    this.view = view;
  }

  /** Opens the ledger (takes the writer lock) and the view; the view is not caught up yet. */
  public static HomeSession open(Home home) {
    Ledger ledger = home.openLedger();
    try {
      return new HomeSession(home, ledger, home.openView());
    } catch (RuntimeException e) {
      ledger.close();
      throw e;
    }
  }

  /** Opens and brings the view up to date with the ledger first (what a verb reading the view before it writes needs). */
  public static HomeSession openCaughtUp(Home home) {
    HomeSession s = open(home);
    try {
      s.view.catchUp(s.ledger.reader());
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public Home home() {
    return home;
  }

  public Ledger ledger() {
    return ledger;
  }

  public View view() {
    return view;
  }

  /** This home's synchronizer over this session's ledger (its own key pinned, its clock). */
  public Synchronizer synchronizer(PinnedKeys pins) {
    return Exchanges.synchronizer(home, ledger, pins, home.clock());
  }

  /** Makes every append so far durable (one fsync), then applies it to the view; returns the entries applied. */
  public long commit() {
    ledger.sync();
    return view.catchUp(ledger.reader());
  }

  @Override
  public void close() {
    try {
      view.close();
    } finally {
      ledger.close();
    }
  }
}
