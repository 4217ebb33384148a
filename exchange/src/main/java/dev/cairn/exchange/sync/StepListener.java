package dev.cairn.exchange.sync;

/**
 * Told after each step of a long exchange (an origin pushed or pulled, reconciled): how many are
 * done of how many. For progress bars; called on the exchanging thread.
 */
@FunctionalInterface
public interface StepListener {
  StepListener NONE = (done, total) -> { };

  void step(long done, long total);
}
