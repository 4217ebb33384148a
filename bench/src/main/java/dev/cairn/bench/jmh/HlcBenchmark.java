package dev.cairn.bench.jmh;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.clock.HybridClock;
import dev.cairn.ledger.clock.PhysicalClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** HLC tick (a local event's timestamp) and the string form round trip. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HlcBenchmark {
  private final HybridClock clock = new HybridClock(PhysicalClock.SYSTEM, Duration.ofMinutes(5), Hlc.ZERO);
  private final Hlc sample = new Hlc(1_763_754_392_123L, 7);
  private final String text = sample.toString();

  @Benchmark
  public Hlc tick() {
    return clock.tick();
  }

  @Benchmark
  public String format() {
    return sample.toString();
  }

  @Benchmark
  public Hlc parse() {
    return Hlc.parse(text);
  }
}
