package dev.cairn.exchange.artifact;

import dev.cairn.ledger.CairnException;

/**
 * An artifact's bytes fail verification: says which artifact, what was expected and what was
 * found. Nothing from it is applied; sync quarantines it and waits for a good copy.
 */
public final class ArtifactCorruptException extends CairnException {
  private final ArtifactName name;

  public ArtifactCorruptException(ArtifactName name, String expected, String found) {
    super(name + ": expected " + expected + ", found " + found);
    this.name = name;
  }

  public ArtifactName name() {
    return name;
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }
}
