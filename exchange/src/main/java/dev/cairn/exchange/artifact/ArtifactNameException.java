package dev.cairn.exchange.artifact;

import dev.cairn.ledger.CairnException;

/** A name that is not a valid artifact name (wrong shape, traversal, unknown kind); nothing is read or written for it. */
public final class ArtifactNameException extends CairnException {
  public ArtifactNameException(String expected, String found) {
    super("artifact name: expected " + expected + ", found " + (found == null ? "nothing" : "'" + found + "'"));
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
