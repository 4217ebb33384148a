package dev.cairn.bench.jmh;

import dev.cairn.bench.Workload;
import dev.cairn.ledger.event.Envelope;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Canonical encode and decode of workload events (median ~400-byte texts), and the envelope scan. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmark {
  private final List<Event> events = new ArrayList<>();
  private final List<byte[]> lines = new ArrayList<>();
  private int i;

  @Setup
  public void setUp() {
    Workload w = new Workload(1, 4096);
    while (w.hasNext()) {
      Event e = w.next();
      events.add(e);
      lines.add(EventCodec.encode(e));
    }
  }

  @Benchmark
  public byte[] encode() {
    return EventCodec.encode(events.get(i++ & 4095));
  }

  @Benchmark
  public Event decode() {
    return EventCodec.decode(lines.get(i++ & 4095));
  }

  @Benchmark
  public Envelope envelope() {
    return Envelope.scan(lines.get(i++ & 4095));
  }
}
