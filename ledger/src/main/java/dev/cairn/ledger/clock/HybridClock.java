package dev.cairn.ledger.clock;

import dev.cairn.ledger.Hlc;
import java.time.Duration;

/**
 * A hybrid logical clock with the send and receive rules of Kulkarni et al. 2014, Fig. 5.
 *
 * <ul>
 *   <li>local or send: {@code l' = max(l, pt)}; {@code c' = c + 1} if {@code l' == l}, else 0.
 *   <li>receive {@code (lm, cm)}: {@code l' = max(l, lm, pt)}; {@code c'} is {@code max(c, cm) +
 *       1} if {@code l' == l == lm}, {@code c + 1} if only {@code l' == l}, {@code cm + 1} if only
 *       {@code l' == lm}, else 0.
 * </ul>
 *
 * <p>Two cairn-specific limits: a remote wall time more than {@code maxDrift} ahead of physical
 * time is refused with {@link ClockDriftException} and leaves the clock untouched (so one
 * machine with a broken clock cannot drag everyone's clock into the future); and when the
 * counter would pass {@link Hlc#LOGICAL_MAX} the wall component advances by one millisecond and
 * the counter restarts, which keeps the clock strictly increasing with a bounded string form.
 *
 * <p>The clock never goes backwards: construct it with the greatest timestamp already persisted
 * (the ledger does this from its state) as the floor.
 *
 * <p>Thread-safety: all methods are synchronized; one instance may be shared.
 */
public final class HybridClock {
  public static final Duration DEFAULT_MAX_DRIFT = Duration.ofMinutes(5);

  private final PhysicalClock physical;
  private final long maxDriftMillis;
  private final Duration maxDrift;
  private long wall;
  private int logical;

  public HybridClock(PhysicalClock physical, Duration maxDrift, Hlc floor) {
    if (maxDrift.isNegative() || maxDrift.isZero()) {
      throw new IllegalArgumentException("maxDrift must be positive, was " + maxDrift);
    }
    this.physical = physical;
    this.maxDrift = maxDrift;
    this.maxDriftMillis = maxDrift.toMillis();
    this.wall = floor.wall();
    this.logical = floor.logical();
  }

  /** Timestamps a local event (also used for sends). Strictly greater than every earlier result. */
  public synchronized Hlc tick() {
    long pt = physical.nowMillis();
    if (pt > wall) {
      wall = pt;
      logical = 0;
    } else {
      bumpLogical(logical);
    }
    return current();
  }

  /**
   * Merges a remote timestamp into the clock, returning the new local time (greater than both
   * the previous local time and {@code remote}).
   *
   * @throws ClockDriftException if {@code remote} is more than the maximum drift ahead of
   *     physical time; the clock is not changed
   */
  public synchronized Hlc receive(Hlc remote) {
    long pt = physical.nowMillis();
    checkDrift(remote, pt);
    long before = wall;
    long next = Math.max(Math.max(before, remote.wall()), pt);
    if (next == before && next == remote.wall()) {
      wall = next;
      bumpLogical(Math.max(logical, remote.logical()));
    } else if (next == before) {
      bumpLogical(logical);
    } else if (next == remote.wall()) {
      wall = next;
      bumpLogical(remote.logical());
    } else {
      wall = next;
      logical = 0;
    }
    return current();
  }

  /** Throws {@link ClockDriftException} if {@code remote} is too far ahead; changes nothing. */
  public void checkDrift(Hlc remote) {
    checkDrift(remote, physical.nowMillis());
  }

  private void checkDrift(Hlc remote, long pt) {
    if (remote.wall() - pt > maxDriftMillis) {
      throw new ClockDriftException(remote, pt, maxDrift);
    }
  }

  /** The last timestamp handed out or merged. */
  public synchronized Hlc current() {
    return new Hlc(wall, logical);
  }

  public Duration maxDrift() {
    return maxDrift;
  }

  private void bumpLogical(int from) {
    if (from >= Hlc.LOGICAL_MAX) {
      wall++;
      logical = 0;
    } else {
      logical = from + 1;
    }
  }
}
