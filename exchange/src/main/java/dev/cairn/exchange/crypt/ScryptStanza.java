package dev.cairn.exchange.crypt;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * age's passphrase recipient type (age-encryption.org/v1, "scrypt" stanza), which jagged 1.0.0 does
 * not ship. The stanza is {@code -> scrypt <base64 salt (16 bytes, no padding)> <log2 N>} and its
 * body is the 16-byte file key sealed with ChaCha20-Poly1305 (all-zero nonce) under
 * {@code scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N, r=8, p=1, 32 bytes)}.
 * Scrypt comes from Bouncy Castle, ChaCha20-Poly1305 from the JDK.
 *
 * <p>The spec requires a scrypt stanza to be the only one in a header; a reader refuses anything
 * else, and refuses work factors over {@link #MAX_LOG_N} (a header must not make us spend minutes).
 * Each encryption draws a fresh salt, so the wrapping key is never reused with the zero nonce.
 * Thread-safe (immutable; a fresh cipher per call).
 */
final class ScryptStanza {
  static final String TYPE = "scrypt";
  static final String LABEL = "age-encryption.org/v1/scrypt";
  /** age's own default for encryption. */
  static final int DEFAULT_LOG_N = 18;
  /** The largest work factor a reader accepts (age's decryption default limit). */
  static final int MAX_LOG_N = 22;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ScryptStanza() {}

  static RecipientStanzaWriter writer(Passphrase passphrase, int logN) {
    if (logN < 1 || logN > MAX_LOG_N) {
      throw new EncryptionSetupException("an scrypt work factor of 1-" + MAX_LOG_N, Integer.toString(logN));
    }
    return fileKey -> {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      byte[] body = seal(Cipher.ENCRYPT_MODE, wrapKey(passphrase, salt, logN), fileKey.getEncoded());
      return List.of(new Stanza(List.of(B64.encodeToString(salt), Integer.toString(logN)), body));
    };
  }

  static RecipientStanzaReader reader(Passphrase passphrase) {
    return stanzas -> {
      List<RecipientStanza> all = new ArrayList<>();
      stanzas.forEach(all::add);
      RecipientStanza found = null;
      for (RecipientStanza s : all) {
        if (TYPE.equals(s.getType())) {
          found = s;
        }
      }
      if (found == null) {
        throw new UnsupportedRecipientStanzaException("no scrypt stanza: the file was not encrypted with a passphrase");
      }
      if (all.size() != 1) {
        throw new UnsupportedRecipientStanzaException("an scrypt stanza must be the only stanza, found " + all.size());
      }
      List<String> args = found.getArguments();
      if (args.size() != 2 || !args.get(1).matches("[1-9][0-9]?")) {
        throw new UnsupportedRecipientStanzaException("expected scrypt <salt> <log2 N>, found " + args);
      }
      byte[] salt = B64D.decode(args.get(0));
      int logN = Integer.parseInt(args.get(1));
      if (salt.length != 16 || !B64.encodeToString(salt).equals(args.get(0))) {
        throw new UnsupportedRecipientStanzaException("expected a 16-byte canonical base64 salt, found " + args.get(0));
      }
      if (logN > MAX_LOG_N) {
        throw new UnsupportedRecipientStanzaException("expected a work factor of at most " + MAX_LOG_N + ", found " + logN);
      }
      if (found.getBody().length != 32) {
        throw new UnsupportedRecipientStanzaException("expected a 32-byte scrypt stanza body, found " + found.getBody().length);
      }
      try {
        return new FileKey(seal(Cipher.DECRYPT_MODE, wrapKey(passphrase, salt, logN), found.getBody()));
      } catch (GeneralSecurityException e) {
        throw new GeneralSecurityException("wrong passphrase (the scrypt stanza does not open)", e);
      }
    };
  }

  private static byte[] wrapKey(Passphrase passphrase, byte[] salt, int logN) {
    byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
    byte[] s = new byte[label.length + salt.length];
    System.arraycopy(label, 0, s, 0, label.length);
    System.arraycopy(salt, 0, s, label.length, salt.length);
    return SCrypt.generate(passphrase.utf8(), s, 1 << logN, 8, 1, 32);
  }

  private static byte[] seal(int mode, byte[] key, byte[] input) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
    c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(new byte[12]));
    return c.doFinal(input);
  }

  private record Stanza(List<String> arguments, byte[] body) implements RecipientStanza {
    @Override
    public String getType() {
      return TYPE;
    }

    @Override
    public List<String> getArguments() {
      return arguments;
    }

    @Override
    public byte[] getBody() {
      return body.clone();
    }
  }
}
