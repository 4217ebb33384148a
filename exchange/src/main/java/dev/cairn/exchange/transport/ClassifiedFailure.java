package dev.cairn.exchange.transport;

/**
 * A failure that knows what should be done about it: thrown by transports (each maps what its
 * store answered) and by the checks a transfer runs (decryption, verification, write-once).
 */
public interface ClassifiedFailure {
  FailureKind failureKind();
}
