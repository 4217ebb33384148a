package dev.cairn.exchange.transport;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.ledger.Origin;
import java.util.List;
import java.util.Optional;

/**
 * Where artifacts are exchanged: a folder, a peer's HTTP endpoint, a bucket. Dumb on purpose —
 * names and bytes, write-once — so that any store can be one. The layout of names is {@link
 * ArtifactName#path()} under the transport's root.
 *
 * <p>Contract (checked for every implementation by the transport contract tests):
 * <ul>
 *   <li>{@link #putIfAbsent} is write-once: the first writer of a name wins; writing the same bytes
 *       again is {@link PutResult#ALREADY_PRESENT}; other bytes are {@link ArtifactConflictException}
 *       and the stored bytes are unchanged. A name is never visible before all its bytes are
 *       durable, and never with partial bytes.
 *   <li>{@link #list} returns names in lexical order, only names after {@code after} when given.
 *   <li>{@link #get} of a missing name is {@link ArtifactNotFoundException}.
 *   <li>Names are validated before any file or network access.
 * </ul>
 *
 * <p>Implementations state their own thread-safety; the folder transport is thread-safe and safe
 * with other processes writing the same folder.
 */
public interface Transport extends AutoCloseable {
  /**
   * The largest artifact any transport reads: a bigger object is not a valid artifact (segments are
   * cut at a few MiB), so a hostile store cannot make a reader buffer gigabytes.
   */
  long MAX_ARTIFACT_BYTES = 64L << 20;

  /** A short description for messages and status (for example {@code folder:/mnt/sync/cairn}). */
  String describe();

  /** Origins that have at least one artifact, sorted. */
  List<Origin> origins();

  /** Artifacts of {@code origin} of {@code kind}, sorted by name, only those after {@code after} if not null. */
  List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after);

  Optional<ArtifactInfo> head(ArtifactName name);

  byte[] get(ArtifactName name);

  PutResult putIfAbsent(ArtifactName name, byte[] bytes);

  /** The target's marker file ({@code cairn-target.json} at its root, see TargetMarker), if one was written. */
  Optional<byte[]> marker();

  /** Writes the marker if there is none: write-once like an artifact (same bytes: ALREADY_PRESENT; others: conflict). */
  PutResult putMarker(byte[] bytes);

  /**
   * Whether the other end is a home serving its own store ({@code cairn serve}), which holds its
   * own origin in plaintext whatever its clients store there.
   */
  default boolean isServingHome() {
    return false;
  }

  /** Removes the artifact; missing is not an error. (Used by GC and tests; sync never deletes.) */
  void delete(ArtifactName name);

  /**
   * Moves a corrupt artifact out of the way so that a good copy can be written under its name:
   * afterwards the name is not found and not listed, and the bytes are kept for inspection under
   * {@code .quarantine/<path>.<millis>} with the reason beside them ({@code .reason}). Returns
   * false, changing nothing, when there is no such artifact, or when the transport never moves (a
   * serving peer verifies everything it accepts and keeps its own store clean). Checked by the
   * transport contract tests.
   */
  boolean moveAside(ArtifactName name, String reason);

  @Override
  default void close() {}
}
