package dev.cairn.exchange.crypt;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * How one target's artifacts are encrypted and opened, in the age v1 format: either to X25519
 * recipients (always including this machine's own, so it can read back what it wrote) and opened
 * with this machine's identities, or with a passphrase (the scrypt recipient type). Immutable;
 * thread-safe.
 */
public final class AgeEncryption {
  private final List<RecipientStanzaWriter> writers;
  private final List<RecipientStanzaReader> readers;
  private final String description;
  private final TargetMarker marker;

  private AgeEncryption(List<RecipientStanzaWriter> writers, List<RecipientStanzaReader> readers, String description, TargetMarker marker) {
    this.writers = writers;
    this.readers = readers;
    this.description = description;
    this.marker = marker;
  }

  /** The marker a target encrypted this way carries at its root. */
  public TargetMarker marker() {
    return marker;
  }

  /** Encrypts to {@code recipients} and to every identity in {@code identities}; opens with the identities. */
  public static AgeEncryption toRecipients(List<AgeRecipient> recipients, List<AgeIdentity> identities) {
    if (identities.isEmpty()) {
      throw new EncryptionSetupException("at least one identity to open what is written", "none");
    }
    java.util.LinkedHashSet<AgeRecipient> all = new java.util.LinkedHashSet<>(recipients);
    identities.forEach(i -> all.add(i.recipient()));
    return new AgeEncryption(all.stream().map(AgeRecipient::writer).toList(), identities.stream().map(AgeIdentity::reader).toList(),
        "age X25519 to " + all.size() + " recipient" + (all.size() == 1 ? "" : "s"),
        new TargetMarker(TargetMarker.Scheme.AGE_X25519, all.stream().map(AgeRecipient::value).sorted().toList()));
  }

  /** Encrypts and opens with a passphrase; {@code logN} is the scrypt work factor for new files. */
  public static AgeEncryption withPassphrase(Passphrase passphrase, int logN) {
    return new AgeEncryption(List.of(ScryptStanza.writer(passphrase, logN)), List.of(ScryptStanza.reader(passphrase)),
        "age passphrase (scrypt 2^" + logN + ")", new TargetMarker(TargetMarker.Scheme.AGE_SCRYPT, List.of()));
  }

  public static AgeEncryption withPassphrase(Passphrase passphrase) {
    return withPassphrase(passphrase, ScryptStanza.DEFAULT_LOG_N);
  }

  public byte[] encrypt(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 512);
    try (WritableByteChannel ch = new StandardEncryptingChannelFactory().newEncryptingChannel(Channels.newChannel(out), writers);
        OutputStream os = Channels.newOutputStream(ch)) {
      os.write(plain);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("age encryption failed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Opens an encrypted artifact. A file none of our keys opens is {@link DecryptionException}; a
   * malformed header or a payload that fails its authentication is {@link ArtifactCorruptException}.
   */
  public byte[] decrypt(ArtifactName name, String where, byte[] encrypted) {
    AgeFormat.checkHeader(name, encrypted);
    ReadableByteChannel ch;
    try {
      ch = new StandardDecryptingChannelFactory().newDecryptingChannel(Channels.newChannel(new ByteArrayInputStream(encrypted)), readers);
    } catch (GeneralSecurityException e) {
      throw new DecryptionException(name, where, "no key of this machine opens it (" + e.getMessage() + "); check the target's --encrypt-to or passphrase");
    } catch (IOException e) {
      throw new ArtifactCorruptException(name, "a readable age header", e.getMessage());
    }
    try (InputStream in = Channels.newInputStream(ch)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ArtifactCorruptException(name, "an age payload that authenticates", e.getMessage());
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
