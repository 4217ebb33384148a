package dev.cairn.exchange.artifact;

/**
 * The kinds of artifact, each with its folder and file suffix. Segments and checkpoints exist in
 * two forms: plain, and age-encrypted for a target that encrypts at rest. An encrypted artifact
 * keeps the name of its plaintext (identity and verification stay on the plaintext hash) and
 * adds {@code .age} to the suffix, so the name says what the object is.
 */
public enum ArtifactKind {
  /** {@code <origin>/segments/<sha256>.seg.zst}: sealed events, named by the SHA-256 of the file. */
  SEGMENT("segments", ".seg.zst", true, false),
  /** {@code <origin>/checkpoints/<10-digit number>.json}: a signed list of segments covering 1..head. */
  CHECKPOINT("checkpoints", ".json", false, false),
  /** {@code <origin>/segments/<sha256 of the plaintext>.seg.zst.age}: an age-encrypted segment. */
  SEGMENT_AGE("segments", ".seg.zst.age", true, true),
  /** {@code <origin>/checkpoints/<10-digit number>.json.age}: an age-encrypted checkpoint. */
  CHECKPOINT_AGE("checkpoints", ".json.age", false, true);

  private final String folder;
  private final String suffix;
  private final boolean segment;
  private final boolean encrypted;

  ArtifactKind(String folder, String suffix, boolean segment, boolean encrypted) {
    this.folder = folder;
    this.suffix = suffix;
    this.segment = segment;
    this.encrypted = encrypted;
  }

  public String folder() {
    return folder;
  }

  public String suffix() {
    return suffix;
  }

  /** Whether this is a segment (plain or encrypted); otherwise it is a checkpoint. */
  public boolean isSegment() {
    return segment;
  }

  public boolean isEncrypted() {
    return encrypted;
  }

  /** The plain kind of the same artifact. */
  public ArtifactKind plain() {
    return segment ? SEGMENT : CHECKPOINT;
  }

  /** The encrypted kind of the same artifact. */
  public ArtifactKind encrypted() {
    return segment ? SEGMENT_AGE : CHECKPOINT_AGE;
  }

  /** The word a listing request names this kind by: {@code segments}, {@code checkpoints}, {@code segments.age}, {@code checkpoints.age}. */
  public String listingName() {
    return encrypted ? folder + ".age" : folder;
  }

  /** The kind a listing word names, or null. */
  public static ArtifactKind ofListingName(String word) {
    for (ArtifactKind k : values()) {
      if (k.listingName().equals(word)) {
        return k;
      }
    }
    return null;
  }
}
