package dev.cairn.exchange.http;

import dev.cairn.ledger.CairnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret that {@code cairn serve} asks of clients ({@code Authorization: Bearer
 * <token>}): 32 random bytes as 64 hex digits, stored in {@code keys/serve.token} with file mode
 * 0600. Compared in constant time. Immutable; thread-safe.
 */
public final class BearerToken {
  private final byte[] value;

  private BearerToken(String text) {
    this.value = text.getBytes(StandardCharsets.US_ASCII);
  }

  public static BearerToken of(String text) {
    if (text == null || text.isBlank()) {
      throw new TokenException("expected a bearer token, found nothing");
    }
    return new BearerToken(text.strip());
  }

  /** Loads {@code keys/serve.token}, creating it (0600) on first use. */
  public static BearerToken loadOrCreate(Path keysDir) {
    Path file = keysDir.resolve("serve.token");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(keysDir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
          // created by another process meanwhile: use theirs
        }
      }
      return of(Files.readString(file));
    } catch (IOException e) {
      throw new TokenException("cannot read or create " + file + ": " + e.getMessage());
    }
  }

  /** Whether an {@code Authorization} header value carries this token (constant time). */
  public boolean matches(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(value, given);
  }

  public String header() {
    return "Bearer " + new String(value, StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }

  /** A token file problem. */
  public static final class TokenException extends CairnException {
    TokenException(String message) {
      super(message);
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
