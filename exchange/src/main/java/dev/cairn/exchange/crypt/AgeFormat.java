package dev.cairn.exchange.crypt;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactName;
import java.nio.charset.StandardCharsets;

/**
 * What can be checked of an age file without its key: the version line and a header that ends
 * with a MAC line ({@code --- <base64>}) followed by the payload. A store that cannot decrypt (a
 * {@code cairn serve} peer holding someone's encrypted artifacts) checks this much before storing.
 * Stateless.
 */
public final class AgeFormat {
  static final byte[] VERSION_LINE = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
  /** The largest header we read: stanzas for many recipients fit easily. */
  static final int MAX_HEADER = 64 * 1024;

  private AgeFormat() {}

  public static void checkHeader(ArtifactName name, byte[] bytes) {
    for (int i = 0; i < VERSION_LINE.length; i++) {
      if (i >= bytes.length || bytes[i] != VERSION_LINE[i]) {
        throw new ArtifactCorruptException(name, "an age file (starting \"age-encryption.org/v1\")", "other bytes");
      }
    }
    int limit = Math.min(bytes.length, MAX_HEADER);
    for (int i = VERSION_LINE.length; i + 4 <= limit; i++) {
      if (bytes[i - 1] == '\n' && bytes[i] == '-' && bytes[i + 1] == '-' && bytes[i + 2] == '-' && bytes[i + 3] == ' ') {
        for (int j = i + 4; j < limit; j++) {
          if (bytes[j] == '\n') {
            if (bytes.length - j - 1 < 16 + 16) {
              throw new ArtifactCorruptException(name, "an age payload (nonce and at least one sealed chunk)", (bytes.length - j - 1) + " bytes");
            }
            return;
          }
        }
      }
    }
    throw new ArtifactCorruptException(name, "an age header ending in a MAC line within " + MAX_HEADER + " bytes", "none");
  }
}
