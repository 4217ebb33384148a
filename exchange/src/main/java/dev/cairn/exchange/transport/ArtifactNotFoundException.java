package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.ledger.CairnException;

/** The transport has no artifact of that name. */
public final class ArtifactNotFoundException extends CairnException {
  public ArtifactNotFoundException(String where, ArtifactName name) {
    super(where + ": no artifact " + name);
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }
}
