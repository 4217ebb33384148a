package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.crypt.DecryptionException;
import dev.cairn.exchange.http.HttpTransport;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.exchange.trust.ForgedCheckpointException;
import dev.cairn.ledger.LedgerLockedException;
import java.util.Set;

/**
 * Sorts a failed transfer into what to do about it:
 * <ul>
 *   <li>{@link Kind#RETRYABLE}: the network or the store is having a bad moment (no answer, I/O,
 *       HTTP 5xx, 429 and S3 throttling codes, another cairn command holding the lock). Back off and
 *       try again.
 *   <li>{@link Kind#PAUSE}: the target cannot work until someone changes something (bucket missing,
 *       credentials or token refused, a key that does not open the target's files). Stop that target;
 *       retrying would only hammer it.
 *   <li>{@link Kind#TERMINAL}: this transfer will never succeed as it is (403 on an object, other
 *       4xx, a corrupt or forged artifact, a write-once conflict). Dead-letter it at once.
 * </ul>
 * Stateless.
 */
public final class Failures {
  /** What to do about a failure. */
  public enum Kind {
    RETRYABLE,
    TERMINAL,
    PAUSE
  }

  private static final Set<String> THROTTLING = Set.of("SlowDown", "Throttling", "ThrottlingException", "RequestTimeout",
      "RequestLimitExceeded", "TooManyRequests", "ServiceUnavailable", "InternalError");
  private static final Set<String> AUTH = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
      "TokenRefreshRequired", "AuthorizationHeaderMalformed");
  private static final Set<String> MISSING_TARGET = Set.of("NoSuchBucket");

  private Failures() {}

  private static boolean noSpaceLeft(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof dev.cairn.ledger.DiskFullException || String.valueOf(c.getMessage()).contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  public static Kind classify(Throwable t) {
    if (t instanceof DecryptionException || t instanceof HttpTransport.UnauthorizedException
        || t instanceof dev.cairn.exchange.crypt.TargetMarkers.EncryptionMismatchException) {
      return Kind.PAUSE;
    }
    if (t instanceof ArtifactCorruptException || t instanceof ForgedCheckpointException || t instanceof ArtifactConflictException) {
      return Kind.TERMINAL;
    }
    if (t instanceof LedgerLockedException) {
      return Kind.RETRYABLE;
    }
    if (noSpaceLeft(t)) {
      return Kind.TERMINAL; // a full disk does not empty itself while we back off
    }
    if (t instanceof TransportException e) {
      String code = e.code();
      int status = e.status();
      if (code != null && MISSING_TARGET.contains(code)) {
        return Kind.PAUSE;
      }
      if ((code != null && AUTH.contains(code)) || status == 401) {
        return Kind.PAUSE;
      }
      if (status == 0 || status == 429 || status >= 500 || (code != null && THROTTLING.contains(code))) {
        return Kind.RETRYABLE;
      }
      return Kind.TERMINAL; // 403 on an object and any other 4xx
    }
    return Kind.TERMINAL;
  }
}
