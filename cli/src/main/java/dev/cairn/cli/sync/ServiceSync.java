package dev.cairn.cli.sync;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Config;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.exchange.sync.JobRunner;
import dev.cairn.exchange.sync.SyncReport;
import dev.cairn.exchange.sync.TargetLog;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.ledger.CairnException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service's sync: every named target in config.toml (read again each round, so a target added
 * while the service runs is synced), one after the other on one thread, soon after a local change
 * (2 s after the first of a burst) and at least every {@code floor}. The failure policy is the one
 * 'cairn sync --all' follows: a shared backoff, retries for at most {@code floor}, then a dead
 * letter; a paused target is skipped until 'cairn sync NAME' resumes it. One line per sync that
 * moved something or failed.
 *
 * <p>Thread-safety: {@link #soon()} from any thread; syncs run on the service's sync thread only.
 */
final class ServiceSync implements AutoCloseable {
  private final Context ctx;
  private final Home home;
  private final Duration floor;
  private final JobRunner runner;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  ServiceSync(Context ctx, Home home, Duration floor) {
    this.ctx = ctx;
    this.home = home;
    this.floor = floor;
    this.runner = Exchanges.runner(home, ctx.clock(), floor, line -> { });
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-sync");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    executor.scheduleWithFixedDelay(this::syncAll, 0, floor.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Something changed here: sync every target soon (once for a burst of changes). */
  void soon() {
    if (scheduled.compareAndSet(false, true)) {
      executor.schedule(() -> {
        scheduled.set(false);
        syncAll();
      }, 2, TimeUnit.SECONDS);
    }
  }

  private void syncAll() {
    try {
      var names = Config.read(home).targets().keySet();
      if (names.isEmpty()) {
        return;
      }
      TargetResolver resolver = TargetResolver.of(ctx, home);
      TargetLog log = Exchanges.targets(home);
      for (String name : names) {
        syncOne(resolver, log, name);
      }
    } catch (RuntimeException e) {
      say("cairn: serve: sync failed: " + e.getMessage());
    }
  }

  private void syncOne(TargetResolver resolver, TargetLog log, String name) {
    try {
      TargetResolver.Resolved t = resolver.open(name);
      if (log.isPaused(t.id())) {
        return; // 'cairn sync NAME' resumes it once fixed
      }
      JobRunner.Outcome<SyncReport> out = runner.run(t.id(), "sync", () -> TargetSync.once(home, t, false, ctx.clock().instant()));
      if (out.succeeded()) {
        SyncReport r = out.value();
        if (r.sealedEvents() + r.pushed() + r.pulled() + r.quarantined() + r.forged() + r.conflicted() > 0) {
          say(TargetSync.line(time(), t, r));
        }
        r.problems().forEach(p -> say("cairn: warning: " + p));
      } else {
        Exchanges.recordFailure(log, t.id(), ctx.clock().instant(), out);
        say(time() + " " + name + ": " + (out.failure() == FailureKind.PAUSE ? "paused (fix it, then 'cairn sync " + name + "'): "
            : "failed (dead-lettered; 'cairn reconcile " + name + "' retries): ") + out.error());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CairnException e) {
      say(time() + " " + name + ": " + e.getMessage());
    }
  }

  private String time() {
    return LocalTime.now(ctx.clock().withZone(ZoneId.systemDefault())).withNano(0).toString();
  }

  private void say(String line) {
    synchronized (ctx.out()) {
      ctx.out().println(line);
      ctx.out().flush();
    }
  }

  @Override
  public void close() {
    executor.shutdown(); // no interrupt: a sync in flight finishes its appends and releases the writer lock
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
