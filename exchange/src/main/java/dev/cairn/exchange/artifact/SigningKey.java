package dev.cairn.exchange.artifact;

import dev.cairn.ledger.CairnException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * This home's Ed25519 key pair (JDK built-in), which signs its checkpoints. Stored in {@code
 * keys/signing.key} (PKCS#8, file mode 0600, created without ever being readable by others) and
 * {@code keys/signing.pub} (the public key in its text form, derived data). Both are written
 * durably (temp, fsync, rename, directory fsync). Immutable once loaded; thread-safe.
 */
public final class SigningKey {
  private final PrivateKey privateKey;
  private final PublicKeyText publicKey;

  private SigningKey(PrivateKey privateKey, PublicKeyText publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /**
   * Loads the key pair under {@code keysDir}, creating it on first use. The public key is derived
   * from the private one and checked against {@code signing.pub} (the pair check): a missing
   * {@code signing.pub} is written from the private key; a different one means one of the two is
   * damaged ({@link KeyDamagedException}: nothing is signed). A private key file that is empty or
   * damaged is a {@link KeyDamagedException} naming it: it is never replaced (other machines
   * pinned its public key).
   */
  public static SigningKey loadOrCreate(Path keysDir) {
    Path priv = keysDir.resolve("signing.key");
    Path pub = keysDir.resolve("signing.pub");
    try {
      if (!Files.exists(priv)) {
        create(priv);
      }
      byte[] pkcs8 = Files.readAllBytes(priv);
      PrivateKey p;
      byte[] raw;
      try {
        p = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        raw = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
      } catch (java.security.spec.InvalidKeySpecException | RuntimeException e) {
        throw new KeyDamagedException(priv + " is damaged (" + pkcs8.length + " bytes, expected an Ed25519 PKCS#8 key): restore it from a backup;"
            + " a new key would be a new identity that other machines refuse as a key conflict");
      }
      PublicKeyText derived = PublicKeyText.ofRaw(new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(raw, 0).generatePublicKey().getEncoded());
      PublicKeyText stored = null;
      try {
        stored = PublicKeyText.parse(Files.readString(pub).strip());
      } catch (java.nio.file.NoSuchFileException | dev.cairn.ledger.CairnException e) {
        // missing or damaged: derived data, rewritten below
      }
      if (stored == null) {
        dev.cairn.ledger.DurableFile.write(pub, (derived.text() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else if (!derived.equals(stored)) {
        // one of the two changed: a damaged private key would sign as a new identity, so sign nothing
        throw new KeyDamagedException(priv + " and " + pub + " do not match (the private key gives " + derived.fingerprint() + ", the public file says "
            + stored.fingerprint() + "): one of them is damaged; restore keys/ from a backup (the public key other machines pinned is in 'cairn peers' there)");
      }
      return new SigningKey(p, derived);
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyException("load the signing key in " + keysDir + ": " + e.getMessage());
    }
  }

  private static void create(Path priv) throws IOException, GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    dev.cairn.ledger.DurableFile.createNew(priv, pair.getPrivate().getEncoded()); // another process may have created it first: keep theirs
  }

  public PublicKeyText publicKey() {
    return publicKey;
  }

  public byte[] sign(byte[] data) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** A key file is damaged, or the two key files do not belong together. */
  public static final class KeyDamagedException extends CairnException {
    KeyDamagedException(String message) {
      super(message);
    }

    @Override
    public Kind kind() {
      return Kind.CORRUPT;
    }
  }

  /** A key file could not be read or written. */
  public static final class KeyException extends CairnException {
    KeyException(String message) {
      super(message);
    }

    @Override
    public Kind kind() {
      return Kind.IO;
    }
  }

  /**
   * An Ed25519 public key in its text form {@code ed25519:<base64 of the 32 raw key bytes>}, as
   * written in checkpoints, shown by {@code cairn peers} and given to {@code cairn peers trust}.
   */
  public record PublicKeyText(String text) {
    private static final byte[] X509_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String PREFIX = "ed25519:";

    public PublicKeyText {
      byte[] raw = decodeRaw(text);
      if (raw == null || raw.length != 32) {
        throw new ArtifactNameException("a public key ed25519:<base64 of 32 bytes>", text);
      }
    }

    public static PublicKeyText parse(String text) {
      return new PublicKeyText(text);
    }

    static PublicKeyText ofRaw(byte[] raw) {
      return new PublicKeyText(PREFIX + Base64.getEncoder().encodeToString(raw));
    }

    static PublicKeyText of(PublicKey key) {
      byte[] x509 = key.getEncoded();
      byte[] raw = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      return new PublicKeyText(PREFIX + Base64.getEncoder().encodeToString(raw));
    }

    private static byte[] decodeRaw(String text) {
      if (text == null || !text.startsWith(PREFIX)) {
        return null;
      }
      try {
        return Base64.getDecoder().decode(text.substring(PREFIX.length()));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /**
     * A short form for people to compare by eye: {@code SHA256:} and the first 16 hex digits of
     * the SHA-256 of the 32 raw key bytes (as {@code cairn peers} and {@code status} show it).
     */
    public String fingerprint() {
      return "SHA256:" + Sha256.of(decodeRaw(text)).hex().substring(0, 16);
    }

    /** Whether {@code signature} is this key's signature of {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
      try {
        byte[] raw = decodeRaw(text);
        byte[] x509 = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
