package dev.cairn.cli;

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
public record Home(Path root) {
  public static Home resolve(String flag, String env) {
    if (flag != null && !flag.isBlank()) {
      return new Home(Path.of(flag).toAbsolutePath());
    }
    if (env != null && !env.isBlank()) {
      return new Home(Path.of(env).toAbsolutePath());
    }
    return new Home(Path.of(System.getProperty("user.home"), ".cairn"));
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

  /** The origin recorded by {@code cairn init}. */
  public Origin origin() {
    return Config.read(this).origin();
  }

  /** Opens the ledger for appending (takes the home's writer lock). */
  public Ledger openLedger() {
    return Ledger.open(ledgerPaths(), origin());
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
