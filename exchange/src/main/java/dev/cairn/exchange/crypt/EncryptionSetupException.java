package dev.cairn.exchange.crypt;

import dev.cairn.ledger.CairnException;

/** An encryption setting that cannot be used: a malformed recipient, identity or passphrase file. */
public final class EncryptionSetupException extends CairnException {
  public EncryptionSetupException(String expected, String found) {
    super("expected " + expected + ", found " + found);
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
