package dev.cairn.exchange.crypt;

import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ClassifiedFailure;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.ledger.CairnException;

/**
 * An encrypted artifact that none of our keys opens: the target was encrypted to other recipients
 * or with another passphrase. Nothing from it is applied. (Tampered ciphertext is not this: it is
 * {@link dev.cairn.exchange.artifact.ArtifactCorruptException} and quarantined like any corruption.)
 */
public final class DecryptionException extends CairnException implements ClassifiedFailure {
  public DecryptionException(ArtifactName name, String where, String why) {
    super("cannot decrypt " + name + " from " + where + ": " + why);
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PAUSE; // the key will not open the files until someone changes it
  }
}
