package dev.cairn.exchange.transport;

import dev.cairn.ledger.CairnException;

/**
 * A transport operation failed for an operating reason (I/O, network, a refusal by the store);
 * names the target and the operation, and keeps what the store answered, if it answered: the HTTP
 * status ({@code 0} when nothing came back) and the store's error code (S3's {@code NoSuchBucket},
 * {@code SlowDown}, ...; null if none), and what to do about it ({@link FailureKind}), which the
 * transport that threw it decided. Immutable.
 */
public final class TransportException extends CairnException implements ClassifiedFailure {
  private final int status;
  private final String code;
  private final FailureKind failureKind;

  /** No answer from the store (network, local I/O): retryable, except a full disk, which does not empty itself. */
  public TransportException(String where, String operation, Throwable cause) {
    this(where, operation, 0, null, cause, noSpaceLeft(cause) ? FailureKind.TERMINAL : FailureKind.RETRYABLE);
  }

  /** The store answered with an HTTP status; classified by the status alone ({@link FailureKind#ofHttpStatus}). */
  public TransportException(String where, String operation, int status, Throwable cause) {
    this(where, operation, status, null, cause, FailureKind.ofHttpStatus(status));
  }

  public TransportException(String where, String operation, int status, String code, Throwable cause, FailureKind failureKind) {
    super(where + ": " + operation + " failed: " + describe(cause), cause);
    this.status = status;
    this.code = code;
    this.failureKind = failureKind;
  }

  private static boolean noSpaceLeft(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof dev.cairn.ledger.DiskFullException || String.valueOf(c.getMessage()).contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public FailureKind failureKind() {
    return failureKind;
  }

  /** What went wrong, also when the JDK gives no message (a refused connection, a timeout). */
  private static String describe(Throwable cause) {
    String m = cause.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused (nothing listens there, or a firewall said no)";
    }
    if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
      return "timed out";
    }
    Throwable inner = cause.getCause();
    return inner != null && inner != cause ? describe(inner) : cause.getClass().getSimpleName();
  }

  /** The HTTP status the store answered with, or 0 if it did not answer (network, local I/O). */
  public int status() {
    return status;
  }

  /** The store's error code, or null. */
  public String code() {
    return code;
  }

  /**
   * A store that refused these credentials (401, 403) is a state to fix (a key, a token, a policy),
   * exit 4 like an http peer's refused token; anything else an operating error.
   */
  @Override
  public Kind kind() {
    return status == 401 || status == 403 ? Kind.STATE : Kind.IO;
  }
}
