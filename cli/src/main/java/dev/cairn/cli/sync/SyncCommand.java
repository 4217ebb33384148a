package dev.cairn.cli.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.DurationConverter;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.TargetAccess;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.exchange.sync.Failures;
import dev.cairn.exchange.sync.JobRunner;
import dev.cairn.exchange.sync.SyncReport;
import dev.cairn.exchange.sync.TargetLog;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn sync TARGET}: exchange artifacts with a target. */
@Command(name = "sync", header = "Exchange events with other machines (folder, HTTP peer, S3 bucket).", mixinStandardHelpOptions = true,
    description = {"Exchange sessions with other machines through TARGET: folder:PATH or a path (a synced folder, a",
        "network share, a USB stick), http(s)://HOST:PORT (a machine running 'cairn serve'; --token), or",
        "s3://BUCKET/PREFIX (any S3-compatible store; AWS_* variables, --endpoint, or secrets.toml): seal this machine's new events into a signed segment, push what",
        "the target lacks, pull what this machine lacks (for every origin, relays included), verify",
        "(hash, signature, pinned key, coverage), append, project. Running it again with nothing new",
        "moves no artifact. Corrupt artifacts are quarantined and forged checkpoints rejected: both are",
        "reported, the rest of the sync goes on, and the exit code is then 5."})
public class SyncCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "A target name (cairn target add), folder:PATH, a path, or http(s)://HOST:PORT.")
  String target;

  @Option(names = "--all", description = "Sync with every named target, one after the other.")
  boolean all;

  @Option(names = "--watch", description = "Keep syncing: on local change (debounced 2 s) and at least every --interval; Ctrl-C stops.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "60", description = "With --watch: the periodic floor (default ${DEFAULT-VALUE} s).")
  int interval;

  @Mixin TargetAccess access;

  @Option(names = "--dry-run", description = "Say what would be sealed, pushed and pulled; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--max-elapsed", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = {"Retry transient failures (network, 5xx, throttling) on the shared schedule (at once, 5 s, 10 s, 20 s, 40 s,",
          "then every 60 s) for at most this long (default ${DEFAULT-VALUE}; 0 = one attempt); then the job is dead-lettered",
          "(see 'cairn status'; 'cairn reconcile TARGET' retries it)."})
  java.time.Duration maxElapsed;

  public SyncCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** What one exchange does: a sync pushes and pulls ({@link PushCommand} and {@link PullCommand} say otherwise). */
  protected dev.cairn.exchange.sync.SyncScope scope() {
    return dev.cairn.exchange.sync.SyncScope.BOTH;
  }

  /** What the summary line starts with, before the target. */
  protected String done() {
    return "synced with";
  }

  @Override
  public Integer call() throws InterruptedException {
    Home home = Home.of(ctx);
    java.util.List<TargetResolver.Resolved> targets = resolve(home);
    JobRunner runner = Exchanges.runner(home, ctx.clock(), dryRun ? java.time.Duration.ZERO : maxElapsed,
        line -> ctx.err().println("cairn: " + line));
    if (!watch) {
      if (targets.size() == 1 && !all) {
        // one target named explicitly: run it even if paused (that is how a fixed target resumes)
        JobRunner.Outcome<Integer> out = runJob(home, runner, targets.get(0), false);
        if (!out.succeeded()) {
          throw out.cause();
        }
        return out.value();
      }
      int code = 0;
      for (TargetResolver.Resolved t : targets) {
        JobRunner.Outcome<Integer> out = runJob(home, runner, t, true);
        code = Math.max(code, out.succeeded() ? out.value() : out.cause() == null ? 0 : ExitCode.of(out.cause()).code());
      }
      return code;
    }
    return watchLoop(home, runner, targets);
  }

  /**
   * One sync job under the failure policy. Unattended (--all, --watch), a paused target is skipped
   * and failures are reported as one line each so the other targets still run.
   */
  private JobRunner.Outcome<Integer> runJob(Home home, JobRunner runner, TargetResolver.Resolved t, boolean unattended) throws InterruptedException {
    TargetLog log = Exchanges.targets(home);
    if (unattended && log.isPaused(t.id())) {
      ctx.out().println(now() + " " + t.label() + ": paused (" + log.entries().get(t.id()).paused()
          + "); fix it, then run: cairn sync " + t.label());
      return new JobRunner.Outcome<>(0, null, null, null, 0);
    }
    JobRunner.Outcome<Integer> out = runner.run(t.id(), "sync", () -> syncOnce(home, t, watch));
    if (!out.succeeded() && !dryRun) {
      Exchanges.recordFailure(log, t.id(), ctx.clock().instant(), out);
      if (unattended) {
        ctx.out().println(now() + " " + t.label() + ": "
            + (out.failure() == FailureKind.PAUSE ? "paused: " : "failed (dead-lettered; 'cairn reconcile " + t.label() + "' retries): ") + out.error());
      }
    }
    return out;
  }

  private java.util.List<TargetResolver.Resolved> resolve(Home home) {
    TargetResolver resolver = access.resolver(ctx, home);
    java.util.List<String> names;
    if (all) {
      if (target != null) {
        throw new BadInputException("TARGET", 0, "expected either TARGET or --all, found both");
      }
      names = resolver.allNames();
    } else if (target == null) {
      throw new BadInputException("TARGET", 0, "expected a target name, folder:PATH, a path or a URL (or --all), found nothing");
    } else {
      names = java.util.List.of(target);
    }
    return names.stream().map(resolver::open).toList();
  }

  /** Syncs on local change (debounced) and at a periodic floor, one line per sync, until interrupted. */
  private int watchLoop(Home home, JobRunner runner, java.util.List<TargetResolver.Resolved> targets) {
    Thread main = Thread.currentThread();
    Thread hook = new Thread(main::interrupt);
    Runtime.getRuntime().addShutdownHook(hook);
    try (var reader = home.openReader()) {
      while (!Thread.currentThread().isInterrupted()) {
        for (TargetResolver.Resolved t : targets) {
          try {
            runJob(home, runner, t, true);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Ctrl-C while backing off
            break;
          }
          ctx.out().flush();
        }
        try (var cursor = reader.after(reader.headIndex())) {
          if (cursor.next(java.time.Duration.ofSeconds(Math.max(1, interval))) != null) {
            Thread.sleep(2_000); // debounce: let a burst of local changes finish
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // the JVM is already shutting down
      }
    }
    ctx.out().println("stopped watching");
    return 0;
  }

  /** The local time of day, to the second, that unattended runs start their lines with. */
  private String now() {
    return java.time.LocalTime.now(ctx.clock().withZone(java.time.ZoneId.systemDefault())).withNano(0).toString();
  }

  private int syncOnce(Home home, TargetResolver.Resolved target, boolean compact) {
    Transport transport = target.transport();
    dev.cairn.cli.output.Progress progress = new dev.cairn.cli.output.Progress(ctx, target.label(), "origins"); // a terminal only
    SyncReport report;
    try {
      report = TargetSync.once(home, target, dryRun, ctx.clock().instant(), scope(), compact ? dev.cairn.exchange.sync.StepListener.NONE
          : progress::update);
    } finally {
      progress.done();
    }
    if (compact) {
      ctx.out().println(TargetSync.line(now(), target, report));
      report.problems().forEach(p -> ctx.err().println("cairn: warning: " + p));
    } else {
      print(transport, report);
    }
    return ExitCode.corruptIf(report.quarantined() + report.forged() + report.conflicted() > 0);
  }

  private void print(Transport transport, SyncReport r) {
    if (json) {
      ObjectNode o = Json.object().put("target", transport.describe()).put("dry_run", r.dryRun()).put("sealed_events", r.sealedEvents())
          .put("sealed_segments", r.sealedSegments()).put("pushed", r.pushed()).put("pulled", r.pulled()).put("applied", r.applied())
          .put("held_back", r.heldBack()).put("quarantined", r.quarantined()).put("forged", r.forged())
          .put("key_conflicts", r.conflicted()).put("untrusted", r.untrusted())
          .put("bytes", r.transferredBytes()).put("list_calls", r.listCalls());
      ObjectNode per = o.putObject("origins");
      r.origins().forEach((origin, x) -> per.putObject(origin.value()).put("pushed", x.pushed()).put("pulled", x.pulled())
          .put("applied", x.applied()).put("duplicates", x.duplicates()).put("held_back", x.heldBack()).put("quarantined", x.quarantined())
          .put("forged", x.forged()).put("key_conflict", x.conflicted()).put("untrusted", x.untrusted()).put("checkpoint", x.checkpoint()).put("head", x.head()));
      ArrayNode problems = o.putArray("problems");
      r.problems().forEach(problems::add);
      ArrayNode planned = o.putArray("planned");
      r.planned().forEach(planned::add);
      ctx.out().println(Json.write(o));
      return;
    }
    String verb = r.dryRun() ? "would seal" : "sealed";
    ctx.out().printf("%s %s: %s %d events (%d segment%s); %s %d artifacts, %s %d, %s %d events%s%n",
        r.dryRun() ? "dry run with" : done(), transport.describe(), verb, r.sealedEvents(), r.sealedSegments(), r.sealedSegments() == 1 ? "" : "s",
        r.dryRun() ? "would push" : "pushed", r.pushed(), r.dryRun() ? "would pull" : "pulled", r.pulled(),
        r.dryRun() ? "would apply" : "applied", r.applied(),
        r.heldBack() > 0 ? "; " + r.heldBack() + " held back (clock ahead)" : "");
    r.origins().forEach((origin, x) -> {
      if (x.pushed() + x.pulled() + x.applied() + x.quarantined() + x.forged() > 0 || x.conflicted() || x.untrusted()) {
        ctx.out().printf("  %-28s pushed %d, pulled %d, applied %d%s%s%s%n", origin, x.pushed(), x.pulled(), x.applied(),
            x.quarantined() > 0 ? ", quarantined " + x.quarantined() : "", x.forged() > 0 ? ", FORGED " + x.forged() : "",
            x.conflicted() ? ", STOPPED: key conflict" : x.untrusted() ? ", held back: not trusted" : "");
      }
    });
    r.planned().forEach(p -> ctx.out().println("  would " + p));
    r.problems().forEach(p -> ctx.err().println("cairn: warning: " + p));
  }
}
