package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.transport.ClassifiedFailure;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.ledger.LedgerLockedException;

/**
 * Sorts a failed job into what to do about it ({@link FailureKind}). Transports and the checks a
 * transfer runs classify their own failures ({@link ClassifiedFailure}: each transport maps what
 * its store answered). What is left here: an artifact that fails verification is terminal (the same
 * bytes fail the same way), another cairn command holding the writer lock is retryable, and
 * anything else unknown is terminal. Stateless.
 */
public final class Failures {
  private Failures() {}

  public static FailureKind classify(Throwable t) {
    if (t instanceof ClassifiedFailure c) {
      return c.failureKind();
    }
    if (t instanceof ArtifactCorruptException) {
      return FailureKind.TERMINAL;
    }
    if (t instanceof LedgerLockedException) {
      return FailureKind.RETRYABLE;
    }
    return FailureKind.TERMINAL;
  }
}
