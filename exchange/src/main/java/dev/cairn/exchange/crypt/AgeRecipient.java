package dev.cairn.exchange.crypt;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.security.GeneralSecurityException;

/**
 * An age X25519 recipient, {@code age1...} (Bech32): whom an artifact is encrypted to. Validated on
 * construction (the Bech32 checksum and the key length). Immutable.
 */
public record AgeRecipient(String value) {
  public AgeRecipient {
    if (value == null || !value.startsWith("age1")) {
      throw new EncryptionSetupException("an age X25519 recipient (age1...)", String.valueOf(value));
    }
    try {
      X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(value);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new EncryptionSetupException("a valid age X25519 recipient (age1... with a good checksum)", value);
    }
  }

  RecipientStanzaWriter writer() {
    try {
      return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("validated recipient refused: " + value, e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
