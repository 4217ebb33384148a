package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.ledger.CairnException;

/** A write-once name already holds other bytes; they were left unchanged. */
public final class ArtifactConflictException extends CairnException implements ClassifiedFailure {
  public ArtifactConflictException(String where, ArtifactName name) {
    this(where, name.toString());
  }

  public ArtifactConflictException(String where, String name) {
    super(where + ": " + name + " already exists with other bytes; it is write-once and was not overwritten");
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.TERMINAL; // write-once: the stored bytes will not change
  }
}
