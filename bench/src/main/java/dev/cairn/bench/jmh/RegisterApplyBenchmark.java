package dev.cairn.bench.jmh;

import dev.cairn.ledger.event.SessionTagChanged;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Draft;
import dev.cairn.projection.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Register apply through the real path: 100 curation events (star, unstar, tag on one session,
 * so each is an LWW upsert plus a fork check) appended, then one catch-up applies them in one
 * SQLite transaction. Reported per batch of 100.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"})
public class RegisterApplyBenchmark {
  private Path dir;
  private Ledger ledger;
  private View view;
  private final SessionId session = SessionId.parse("jmh-000001~s1");
  private int n;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cairn-jmh-");
    ledger = Ledger.open(new LedgerPaths(dir.resolve("ledger")), new Origin("jmh-000001"));
    view = View.open(dir.resolve("view.db"));
  }

  @Benchmark
  public long applyHundredCurationEvents() {
    for (int k = 0; k < 100; k++) {
      int m = n++ % 3;
      ledger.appendLocal(new Draft(m == 0 ? SessionFlagged.starred(session, null) : m == 1 ? SessionFlagged.unstarred(session, null)
          : SessionTagChanged.tagged(session, "t" + (n % 7), null)));
    }
    return view.catchUp(ledger.reader());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    view.close();
    ledger.close();
  }
}
