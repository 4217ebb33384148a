package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactName;
import java.time.Instant;

/**
 * A listed artifact: its name, its size in bytes as stored, and when it was stored ({@link
 * #UNKNOWN_TIME} where the store does not say). GC uses the time for its grace window and treats an
 * unknown time as "just now". Immutable.
 */
public record ArtifactInfo(ArtifactName name, long bytes, Instant modified) {
  public static final Instant UNKNOWN_TIME = Instant.MAX;

  public ArtifactInfo {
    if (modified == null) {
      modified = UNKNOWN_TIME;
    }
  }

  public ArtifactInfo(ArtifactName name, long bytes) {
    this(name, bytes, UNKNOWN_TIME);
  }
}
