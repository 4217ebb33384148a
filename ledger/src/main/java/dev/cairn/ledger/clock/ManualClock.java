package dev.cairn.ledger.clock;

import java.util.concurrent.atomic.AtomicLong;

/** A physical clock that only moves when told to; for tests and deterministic demos. Thread-safe. */
public final class ManualClock implements PhysicalClock {
  private final AtomicLong millis;

  public ManualClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  @Override
  public long nowMillis() {
    return millis.get();
  }

  public void set(long value) {
    millis.set(value);
  }

  public void advance(long deltaMillis) {
    millis.addAndGet(deltaMillis);
  }
}
