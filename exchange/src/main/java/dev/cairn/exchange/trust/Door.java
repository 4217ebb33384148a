package dev.cairn.exchange.trust;

import dev.cairn.exchange.artifact.ArtifactCheck;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.crypt.AgeFormat;

/**
 * Decides, before anything is stored, whether an artifact someone pushed may enter a store. A
 * home's door is {@link HomeDoor}; {@link #verifyOnly()} checks the bytes alone (for a store that
 * belongs to no home, as in the transport contract tests).
 *
 * <p>Implementations are thread-safe: a server calls them from many request threads.
 */
@FunctionalInterface
public interface Door {
  /** Returns if {@code bytes} may be stored as {@code name}; otherwise throws {@link RefusedArtifactException}. */
  void admit(ArtifactName name, byte[] bytes);

  /** A door that checks the artifact's own validity only (format, hash, signature), not who may write it. */
  static Door verifyOnly() {
    return (name, bytes) -> {
      try {
        if (name.kind().isEncrypted()) {
          AgeFormat.checkHeader(name, bytes);
        } else {
          ArtifactCheck.verify(name, bytes);
        }
      } catch (dev.cairn.exchange.artifact.ArtifactCorruptException e) {
        throw new RefusedArtifactException(RefusedArtifactException.Reason.INVALID, e.getMessage(), null);
      }
    };
  }
}
