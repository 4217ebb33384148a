package dev.cairn.cli.home;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.Origin;
import dev.cairn.projection.View;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cairn home ({@code CAIRN_HOME}, default {@code ~/.cairn}) and what lives in it:
 *
 * <pre>
 * config.toml   this machine's origin and settings          (source of truth)
 * ledger/       the Chronicle Queue ledger and its sidecars   (source of truth)
 * view.db       the SQLite view                              (derived; 'cairn rebuild')
 * keys/         key material (later: signing keys, tokens)   (source of truth)
 * state/        working state of commands (spool files)      (derived or disposable)
 * </pre>
 *
 * <p>Immutable; opening a ledger or view returns a resource the caller closes.
 */
public record Home(Path root, java.util.function.Consumer<String> notices, java.time.Clock clock) {
  /** A home on the system clock whose notices (what recovery did) are dropped; for tests and tools. */
  public Home(Path root) {
    this(root, line -> { }, java.time.Clock.systemUTC());
  }

  /**
   * The home a command works on, from its context (--home, else CAIRN_HOME, else ~/.cairn); a home
   * readable by others is made private first, with one line on stderr saying so; recovery
   * actions are reported there too.
   */
  public static Home of(Context ctx) {
    Home home = resolve(ctx.homeFlag(), ctx.env("CAIRN_HOME"), ctx.userHome(), line -> ctx.err().println("cairn: recovery: " + line), ctx.clock());
    int changed = HomePermissions.tighten(home.root());
    if (changed > 0) {
      ctx.err().println("cairn: " + home.root() + " was readable by other users; made it private (directories 0700, files 0600; "
          + changed + " changed)");
    }
    return home;
  }

  /**
   * The home named by --home, else CAIRN_HOME, else {@code userHome}/.cairn; {@code notices} hears
   * one line per recovery action; {@code clock} stamps what the home writes.
   */
  public static Home resolve(String flag, String env, Path userHome, java.util.function.Consumer<String> notices, java.time.Clock clock) {
    if (flag != null && !flag.isBlank()) {
      return new Home(Path.of(flag).toAbsolutePath(), notices, clock);
    }
    if (env != null && !env.isBlank()) {
      return new Home(Path.of(env).toAbsolutePath(), notices, clock);
    }
    return new Home(userHome.resolve(".cairn"), notices, clock);
  }

  public Path config() {
    return root.resolve("config.toml");
  }

  public LedgerPaths ledgerPaths() {
    return new LedgerPaths(root.resolve("ledger"));
  }

  public Path view() {
    return root.resolve("view.db");
  }

  public Path keys() {
    return root.resolve("keys");
  }

  public Path state() {
    return root.resolve("state");
  }

  public boolean isInitialised() {
    return Files.exists(config());
  }

  /** Held around every read-modify-write of config.toml and secrets.toml ({@code settings.lock}, waits up to 10 s). */
  public static dev.cairn.ledger.FileGuard settingsGuard(Home home) {
    return dev.cairn.ledger.FileGuard.acquire(home.root().resolve("settings.lock"), java.time.Duration.ofSeconds(10));
  }

  /** The origin recorded by {@code cairn init}. */
  public Origin origin() {
    return Config.read(this).origin();
  }

  /**
   * Opens the ledger for appending (takes the home's writer lock). Recovery runs first: an
   * unreadable entry is healed from this home's sealed artifacts, cut as a torn tail, or reported
   * lost; what it did is {@link Ledger#recovered()} (printed once by the caller, logged in the ledger).
   */
  public Ledger openLedger() {
    for (Path d : new Path[] {root, keys(), state(), ledgerPaths().root()}) {
      dev.cairn.ledger.DurableFile.removeLeftovers(d); // temporary files of writes a crash interrupted
    }
    Ledger ledger = Ledger.open(ledgerPaths(), origin(), clock::millis,
        dev.cairn.ledger.clock.HybridClock.DEFAULT_MAX_DRIFT, sealedEvents());
    ledger.recovered().forEach(notices);
    if (ledger.replacedDamagedQueue()) {
      restoreIntoNewLedger(ledger);
    }
    return ledger;
  }

  /**
   * After recovery started a new ledger in place of a damaged queue: every sealed event of this
   * home's artifact store goes back in (this home's own included), then the view, whose positions
   * pointed into the damaged queue, is rebuilt from it; the previous view is kept beside it.
   */
  private void restoreIntoNewLedger(Ledger ledger) {
    var store = Exchanges.store(this);
    var report = Exchanges.synchronizer(this, ledger, Exchanges.pins(this), clock).restoreFrom(store);
    ledger.sync();
    notices.accept("restored " + report.applied() + " sealed events from " + store.describe()
        + (report.problems().isEmpty() ? "" : " (" + String.join("; ", report.problems()) + ")")
        + "; events never sealed are not in it: 'cairn reconcile TARGET --restore' brings back what a target holds");
    if (Files.exists(view())) {
      Path kept = view().resolveSibling("view.db.before-recovery-" + clock.instant().toString().replace(":", ""));
      try {
        Files.move(view(), kept);
        for (String suffix : new String[] {"-wal", "-shm"}) {
          Files.deleteIfExists(view().resolveSibling("view.db" + suffix));
        }
      } catch (java.io.IOException e) {
        throw new HomePermissions.HomeIoException(view(), "keep the previous view aside: " + e.getMessage());
      }
      notices.accept("the previous view is kept as " + kept + "; a new one is built from the restored ledger");
    }
    dev.cairn.projection.Rebuild.run(ledger.reader(), view(), dev.cairn.projection.ProgressListener.NONE);
  }

  /** Where recovery finds sealed copies of events: this home's artifact store. */
  public dev.cairn.ledger.LedgerRecovery.EventSource sealedEvents() {
    return new dev.cairn.exchange.sync.SealedEvents(Exchanges.store(this));
  }

  /** Opens the ledger for reading (no lock). */
  public LedgerReader openReader() {
    Config.read(this); // a clear "run cairn init" before anything else
    return LedgerReader.open(ledgerPaths());
  }

  public View openView() {
    return View.open(view());
  }
}
