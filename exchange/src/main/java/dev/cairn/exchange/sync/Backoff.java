package dev.cairn.exchange.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one retry schedule every job of a process shares: after the first failure retry at once,
 * then after 5, 10, 20, 40 and 60 seconds, and every 60 seconds after that (clamped). Shared, so
 * that when the network is down every job waits the same growing delay instead of each starting
 * over at zero; the first success anywhere resets it. Thread-safe.
 */
public final class Backoff {
  public static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(60));

  private int failures;
  private Instant nextAttempt = Instant.MIN;

  /** Records a failure at {@code now}; returns how long to wait before the next attempt. */
  public synchronized Duration failed(Instant now) {
    Duration delay = SCHEDULE.get(Math.min(failures, SCHEDULE.size() - 1));
    failures++;
    Instant next = now.plus(delay);
    if (next.isAfter(nextAttempt)) {
      nextAttempt = next;
    }
    return Duration.between(now, nextAttempt).isNegative() ? Duration.ZERO : Duration.between(now, nextAttempt);
  }

  /** The first success resets the schedule. */
  public synchronized void succeeded() {
    failures = 0;
    nextAttempt = Instant.MIN;
  }

  /** Failures since the last success. */
  public synchronized int failures() {
    return failures;
  }

  /** How long a job starting at {@code now} should wait first (another job's failure may have set a delay). */
  public synchronized Duration waitBefore(Instant now) {
    return nextAttempt.isAfter(now) ? Duration.between(now, nextAttempt) : Duration.ZERO;
  }
}
