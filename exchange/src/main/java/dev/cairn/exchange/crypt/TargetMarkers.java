package dev.cairn.exchange.crypt;

import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ClassifiedFailure;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import java.util.Optional;

/**
 * Keeps plaintext and ciphertext apart on a target. Before anything is pushed, the target's
 * {@link TargetMarker} is read: a push whose encryption differs from the marker's (plaintext into an
 * encrypted target, or the reverse) is refused with {@link EncryptionMismatchException} and nothing
 * is written. A target without a marker gets one on the first push, unless it already holds
 * artifacts of the other kind (a target made before markers existed, or written by hand), which is
 * refused the same way. A home serving its own store ({@link Transport#isServingHome()}) keeps its
 * own origin in plaintext whatever its clients store: there only the marker counts.
 *
 * <p>Stateless; thread-safety that of the transport.
 */
public final class TargetMarkers {
  private TargetMarkers() {}

  /** The marker a push through {@code target} would write: its encryption's, or plaintext. */
  public static TargetMarker expected(Transport target) {
    return target instanceof EncryptedTransport e ? e.expectedMarker() : TargetMarker.PLAINTEXT;
  }

  /**
   * Checks that pushing through {@code target} keeps the target's encryption, and writes the
   * marker if there is none and {@code write} (not in a dry run).
   *
   * @throws EncryptionMismatchException if the push would mix plaintext and ciphertext
   */
  public static void ensure(Transport target, boolean write) {
    TargetMarker mine = expected(target);
    Transport raw = target instanceof EncryptedTransport e ? e.inner() : target;
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<byte[]> stored = raw.marker();
      if (stored.isPresent()) {
        TargetMarker theirs = TargetMarker.parse(stored.get(), raw.describe());
        if (theirs.encrypted() != mine.encrypted()) {
          throw new EncryptionMismatchException(raw.describe(), theirs, mine);
        }
        return;
      }
      if (!raw.isServingHome()) {
        refuseIfHoldingOtherKind(raw, mine);
      }
      if (!write) {
        return;
      }
      try {
        raw.putMarker(mine.encode());
        return;
      } catch (ArtifactConflictException e) {
        // another machine wrote its marker first: read it and check against it
      }
    }
  }

  private static void refuseIfHoldingOtherKind(Transport raw, TargetMarker mine) {
    ArtifactKind other = mine.encrypted() ? ArtifactKind.CHECKPOINT : ArtifactKind.CHECKPOINT_AGE;
    for (Origin origin : raw.origins()) {
      if (!raw.list(origin, other, null).isEmpty()) {
        TargetMarker found = mine.encrypted() ? TargetMarker.PLAINTEXT : new TargetMarker(TargetMarker.Scheme.AGE_X25519, java.util.List.of());
        throw new EncryptionMismatchException(raw.describe(), found, mine);
      }
    }
  }

  /** A push would put plaintext into an encrypted target, or ciphertext into a plaintext one. */
  public static final class EncryptionMismatchException extends CairnException implements ClassifiedFailure {
    EncryptionMismatchException(String where, TargetMarker theirs, TargetMarker mine) {
      super(where + " holds " + (theirs.encrypted() ? "encrypted" : "plaintext") + " artifacts (" + theirs.describe() + "), but this sync would write "
          + mine.describe() + "; nothing was written. " + (theirs.encrypted()
              ? "Sync it as a named target with its encryption: cairn target add NAME URL --encrypt-to RECIPIENT (or --encrypt-passphrase-file FILE)"
              : "Use another folder or prefix for an encrypted target"));
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }

    @Override
    public FailureKind failureKind() {
      return FailureKind.PAUSE; // the target or this machine's setting must change first
    }
  }
}
