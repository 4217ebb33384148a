package dev.cairn.exchange.crypt;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.bech32.Bech32;
import com.exceptionfactory.jagged.bech32.Bech32Address;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.KeyAgreement;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1...}) and the recipient it answers to. Files are
 * in the format {@code age-keygen} writes, so {@code age -d -i FILE} reads what cairn wrote and
 * cairn reads keys that {@code age-keygen} made. Immutable; {@link #toString()} never shows the key.
 */
public final class AgeIdentity {
  private static final String SECRET_HRP = "age-secret-key-";

  private final String secret;
  private final AgeRecipient recipient;

  private AgeIdentity(String secret) {
    this.secret = secret;
    this.recipient = new AgeRecipient(derive(secret));
  }

  public static AgeIdentity generate() {
    try {
      return new AgeIdentity(new X25519KeyPairGenerator().generateKeyPair().getPrivate().toString());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("X25519 is not available in this JVM", e);
    }
  }

  public static AgeIdentity parse(String secret) {
    return new AgeIdentity(secret.strip());
  }

  public AgeRecipient recipient() {
    return recipient;
  }

  RecipientStanzaReader reader() {
    try {
      return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("validated identity refused", e);
    }
  }

  /**
   * This machine's identity, {@code keys/age.key}, created on first use in {@code age-keygen}'s
   * format (two comment lines and the key) with owner-only permissions from the start.
   */
  public static AgeIdentity loadOrCreate(Path keysDir, Instant now) {
    Path file = keysDir.resolve("age.key");
    if (!Files.exists(file)) {
      AgeIdentity fresh = generate();
      String text = "# created: " + now + "\n# public key: " + fresh.recipient + "\n" + fresh.secret + "\n";
      try {
        Files.createDirectories(keysDir);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (FileAlreadyExistsException e) {
        // another process created it first: read theirs
      } catch (IOException e) {
        throw new EncryptionSetupException("a writable " + file, e.getMessage());
      }
    }
    return read(file).get(0);
  }

  /** Reads every identity in an identity file ({@code #} comments and blank lines skipped). */
  public static List<AgeIdentity> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new EncryptionSetupException("a readable age identity file", file + (e instanceof java.nio.file.NoSuchFileException ? " (no such file)" : " (" + e.getMessage() + ")"));
    }
    List<AgeIdentity> out = new ArrayList<>();
    for (String line : lines) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        out.add(parse(l));
      }
    }
    if (out.isEmpty()) {
      throw new EncryptionSetupException("at least one AGE-SECRET-KEY-1... line in " + file, "none");
    }
    return out;
  }

  /** The recipient of an identity: the X25519 public key of its scalar, Bech32 with "age". */
  private static String derive(String secret) {
    Bech32Address address;
    try {
      address = Bech32.getDecoder().decode(secret);
    } catch (RuntimeException e) {
      throw new EncryptionSetupException("an age identity (AGE-SECRET-KEY-1...)", "a malformed key");
    }
    if (!address.getHumanReadablePart().toString().toLowerCase(Locale.ROOT).equals(SECRET_HRP) || address.getData().length != 32) {
      throw new EncryptionSetupException("an age identity (AGE-SECRET-KEY-1...)", "a key of another kind");
    }
    try {
      KeyFactory kf = KeyFactory.getInstance("XDH");
      PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, address.getData()));
      PublicKey base = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
      KeyAgreement ka = KeyAgreement.getInstance("XDH");
      ka.init(priv);
      ka.doPhase(base, true);
      return Bech32.getEncoder().encode("age", ka.generateSecret()).toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "age identity for " + recipient;
  }
}
