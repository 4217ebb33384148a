package dev.cairn.exchange.artifact;

/**
 * Verifies a plain artifact of either kind by its name: a segment with {@link SegmentCodec#verify},
 * a checkpoint with {@link CheckpointCodec#verify}. For callers that hold names of both kinds (the
 * HTTP server on PUT, reconcile). Stateless.
 */
public final class ArtifactCheck {
  private ArtifactCheck() {}

  /** Throws {@link ArtifactCorruptException} if {@code bytes} are not a valid artifact {@code name}. */
  public static void verify(ArtifactName name, byte[] bytes) {
    if (name.kind() == ArtifactKind.SEGMENT) {
      SegmentCodec.verify(name, bytes);
    } else {
      CheckpointCodec.verify(name, bytes);
    }
  }
}
