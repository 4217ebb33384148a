package dev.cairn.cli.home;

import dev.cairn.ledger.CairnException;
import java.nio.file.Path;

/** The home has no config.toml: {@code cairn init} has not been run there. */
public final class NotInitialisedException extends CairnException {
  public NotInitialisedException(Path home) {
    super("no cairn home at " + home + "; run 'cairn init' (or pass --home / set CAIRN_HOME)");
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }
}
