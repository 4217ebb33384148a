package dev.cairn.exchange.sync;

import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.ledger.CairnException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a job (one sync with one target, one reconcile) under the failure policy: a retryable
 * failure waits on the shared {@link Backoff} and tries again; past {@code maxElapsed} since the
 * first attempt, or on a terminal failure, the job goes to the {@link DeadLetters} list and the
 * caller moves on to its next job; a pause failure is handed back at once, for the caller to
 * pause the target. Clock and sleeping are injected, so the schedule is tested without waiting.
 *
 * <p>Thread-safe if its parts are (they are): several jobs may share one runner and one backoff.
 */
public final class JobRunner {
  /** How the runner waits. Production: {@code Thread::sleep}; tests: a fake that advances a clock. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** How a job ended: a value, or the failure that stopped it (its kind and message) after some attempts. Immutable. */
  public record Outcome<T>(T value, FailureKind failure, String error, CairnException cause, int attempts) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  public static final Duration DEFAULT_MAX_ELAPSED = Duration.ofMinutes(15);

  private final Backoff backoff;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxElapsed;
  private final Consumer<String> progress;

  public JobRunner(Backoff backoff, DeadLetters deadLetters, Clock clock, Sleeper sleeper, Duration maxElapsed, Consumer<String> progress) {
    this.backoff = backoff;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxElapsed = maxElapsed;
    this.progress = progress;
  }

  public <T> Outcome<T> run(TargetId target, String job, Supplier<T> work) throws InterruptedException {
    Instant first = clock.instant();
    Duration shared = backoff.waitBefore(first);
    if (!shared.isZero()) {
      progress.accept(target + ": waiting " + shared.toSeconds() + " s (shared backoff after earlier failures)");
      sleeper.sleep(shared);
    }
    int attempts = 0;
    while (true) {
      attempts++;
      CairnException failure;
      try {
        T value = work.get();
        backoff.succeeded();
        return new Outcome<>(value, null, null, null, attempts);
      } catch (CairnException e) {
        failure = e;
      }
      FailureKind kind = Failures.classify(failure);
      Instant now = clock.instant();
      switch (kind) {
        case PAUSE -> {
          return new Outcome<>(null, kind, failure.getMessage(), failure, attempts);
        }
        case TERMINAL -> {
          deadLetters.add(new DeadLetters.Entry(target, job, kind, failure.getMessage(), attempts, first, now));
          return new Outcome<>(null, kind, failure.getMessage(), failure, attempts);
        }
        default -> {
          Duration delay = backoff.failed(now);
          Duration elapsed = Duration.between(first, now);
          if (elapsed.plus(delay).compareTo(maxElapsed) > 0) {
            String why = "gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " over " + elapsed.toSeconds() + " s: " + failure.getMessage();
            deadLetters.add(new DeadLetters.Entry(target, job, kind, why, attempts, first, now));
            return new Outcome<>(null, kind, why, failure, attempts);
          }
          progress.accept(target + ": " + failure.getMessage() + "; retry " + (attempts + 1) + " in " + delay.toSeconds() + " s");
          sleeper.sleep(delay);
        }
      }
    }
  }
}
