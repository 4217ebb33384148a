package dev.cairn.ledger;

import java.nio.file.Path;

/** There is no ledger where one was expected (the home was never initialised). */
public final class LedgerMissingException extends CairnException {
  public LedgerMissingException(Path root) {
    super("no ledger at " + root + "; run 'cairn init' first");
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }
}
