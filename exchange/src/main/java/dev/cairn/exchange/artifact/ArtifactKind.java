package dev.cairn.exchange.artifact;

/** The two kinds of artifact, each with its folder and file suffix. */
public enum ArtifactKind {
  /** {@code <origin>/segments/<sha256>.seg.zst}: sealed events, named by the SHA-256 of the file. */
  SEGMENT("segments", ".seg.zst"),
  /** {@code <origin>/checkpoints/<10-digit number>.json}: a signed list of segments covering 1..head. */
  CHECKPOINT("checkpoints", ".json");

  private final String folder;
  private final String suffix;

  ArtifactKind(String folder, String suffix) {
    this.folder = folder;
    this.suffix = suffix;
  }

  public String folder() {
    return folder;
  }

  public String suffix() {
    return suffix;
  }
}
