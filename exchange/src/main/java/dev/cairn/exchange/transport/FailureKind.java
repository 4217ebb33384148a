package dev.cairn.exchange.transport;

/**
 * What to do about a failed transfer:
 * <ul>
 *   <li>{@link #RETRYABLE}: the network or the store is having a bad moment (no answer, I/O,
 *       HTTP 5xx, 429 and throttling codes, another cairn command holding the lock). Back off and
 *       try again.
 *   <li>{@link #PAUSE}: the target cannot work until someone changes something (bucket missing,
 *       credentials or token refused, a key that does not open the target's files). Stop that
 *       target; retrying would only hammer it.
 *   <li>{@link #TERMINAL}: this transfer will never succeed as it is (403 on an object, other 4xx,
 *       a corrupt or forged artifact, a write-once conflict, a full disk). Dead-letter it at once.
 * </ul>
 */
public enum FailureKind {
  RETRYABLE,
  TERMINAL,
  PAUSE;

  /** What an HTTP status means on its own: no answer, 429 and 5xx are retryable, 401 pauses, any other 4xx is terminal. */
  public static FailureKind ofHttpStatus(int status) {
    if (status == 0 || status == 429 || status >= 500) {
      return RETRYABLE;
    }
    return status == 401 ? PAUSE : TERMINAL;
  }
}
