package dev.cairn.exchange.artifact;

import dev.cairn.ledger.Origin;
import java.util.regex.Pattern;

/**
 * The name of an artifact, the same in the local store and on every target:
 * {@code <origin>/segments/<sha256>.seg.zst} or {@code <origin>/checkpoints/<NNNNNNNNNN>.json}, or
 * either with {@code .age} appended for an encrypted artifact (see {@link ArtifactKind}).
 *
 * <p>Valid if and only if the origin matches {@code [a-z0-9][a-z0-9-]{0,62}}, a segment id is 64
 * lower-case hex digits and a checkpoint id is exactly 10 decimal digits, not all zeros. Nothing else is ever
 * turned into a path, so a name cannot traverse out of its folder. Checkpoint ids are fixed width:
 * lexical order is numeric order. Immutable.
 */
public record ArtifactName(Origin origin, ArtifactKind kind, String id) implements Comparable<ArtifactName> {
  private static final Pattern CHECKPOINT_ID = Pattern.compile("[0-9]{10}");
  public static final long CHECKPOINT_MAX = 9_999_999_999L;

  public ArtifactName {
    if (origin == null || kind == null) {
      throw new ArtifactNameException("an origin and a kind", null);
    }
    boolean ok = kind.isSegment() ? Sha256.isValid(id) : id != null && CHECKPOINT_ID.matcher(id).matches();
    if (!ok) {
      throw new ArtifactNameException(kind.isSegment() ? "64 lower-case hex digits" : "10 decimal digits", id);
    }
    if (!kind.isSegment() && id.equals("0000000000")) {
      throw new ArtifactNameException("a checkpoint number of 1-" + CHECKPOINT_MAX, id);
    }
  }

  public static ArtifactName segment(Origin origin, Sha256 sha) {
    return new ArtifactName(origin, ArtifactKind.SEGMENT, sha.hex());
  }

  public static ArtifactName checkpoint(Origin origin, long number) {
    if (number < 1 || number > CHECKPOINT_MAX) {
      throw new ArtifactNameException("a checkpoint number of 1-" + CHECKPOINT_MAX, Long.toString(number));
    }
    return new ArtifactName(origin, ArtifactKind.CHECKPOINT, String.format("%010d", number));
  }

  /** Parses a file name inside {@code <origin>/<kind folder>/}. */
  public static ArtifactName parseFile(Origin origin, ArtifactKind kind, String fileName) {
    if (fileName == null || !fileName.endsWith(kind.suffix())) {
      throw new ArtifactNameException("a file name ending in " + kind.suffix(), fileName);
    }
    return new ArtifactName(origin, kind, fileName.substring(0, fileName.length() - kind.suffix().length()));
  }

  /** Parses a relative path {@code <origin>/<folder>/<file>}. */
  public static ArtifactName parsePath(String path) {
    String[] parts = path == null ? new String[0] : path.split("/", -1);
    if (parts.length != 3 || !Origin.isValid(parts[0])) {
      throw new ArtifactNameException("<origin>/segments/<sha256>.seg.zst or <origin>/checkpoints/<10 digits>.json", path);
    }
    boolean known = false;
    for (ArtifactKind k : ArtifactKind.values()) {
      if (k.folder().equals(parts[1])) {
        known = true;
        if (parts[2].endsWith(k.suffix())) {
          return parseFile(new Origin(parts[0]), k, parts[2]);
        }
      }
    }
    if (!known) {
      throw new ArtifactNameException("a folder named segments or checkpoints", parts[1]);
    }
    throw new ArtifactNameException("a file name ending in .seg.zst, .json, .seg.zst.age or .json.age", parts[2]);
  }

  /** The same artifact in its encrypted form ({@code .age} added to the suffix). */
  public ArtifactName encrypted() {
    return kind.isEncrypted() ? this : new ArtifactName(origin, kind.encrypted(), id);
  }

  /** The same artifact in its plain form. */
  public ArtifactName plain() {
    return kind.isEncrypted() ? new ArtifactName(origin, kind.plain(), id) : this;
  }

  public String fileName() {
    return id + kind.suffix();
  }

  /** {@code <origin>/<folder>/<file>}, with forward slashes. */
  public String path() {
    return origin.value() + "/" + kind.folder() + "/" + fileName();
  }

  public long checkpointNumber() {
    if (kind.isSegment()) {
      throw new IllegalStateException("not a checkpoint: " + this);
    }
    return Long.parseLong(id);
  }

  public Sha256 sha256() {
    if (!kind.isSegment()) {
      throw new IllegalStateException("not a segment: " + this);
    }
    return new Sha256(id);
  }

  @Override
  public int compareTo(ArtifactName o) {
    return path().compareTo(o.path());
  }

  @Override
  public String toString() {
    return path();
  }
}
