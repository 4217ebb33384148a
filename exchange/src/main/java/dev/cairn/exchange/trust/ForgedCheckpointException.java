package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.ClassifiedFailure;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.ledger.CairnException;

/** A checkpoint is validly signed, but not by the key pinned for its origin: someone else wrote it. */
public final class ForgedCheckpointException extends CairnException implements ClassifiedFailure {
  public ForgedCheckpointException(ArtifactName name, SigningKey.PublicKeyText pinned, SigningKey.PublicKeyText found) {
    super(name + ": signed by " + found + ", but origin " + name.origin() + " is pinned to " + pinned
        + "; rejected as forged (if the machine really has a new key: cairn peers trust " + name.origin() + " --key " + found + ")");
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.TERMINAL; // a forgery stays a forgery
  }
}
