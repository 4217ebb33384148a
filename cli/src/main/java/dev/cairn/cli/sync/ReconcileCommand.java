package dev.cairn.cli.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.DurationConverter;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.TargetAccess;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.exchange.sync.JobRunner;
import dev.cairn.exchange.sync.ReconcileReport;
import dev.cairn.exchange.sync.Reconciler;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn reconcile TARGET [--restore] [--json]}: diff and converge with a target; retries its dead letters. */
@Command(name = "reconcile", header = "Verify a target against this machine and converge them (never deletes).", mixinStandardHelpOptions = true,
    description = {"Diffs what this machine's ledger and checkpoints say should exist, what its artifact store holds and what",
        "TARGET lists, origin by origin: uploads what the target lacks; downloads and verifies what both have (listings carry",
        "no checksum), moving a corrupt target copy aside and uploading a good one; reports orphans (artifacts no",
        "checkpoint reaches) and local corruption. --restore also fetches, verifies and applies what only the target has,",
        "which is how a machine is rebuilt from a target alone. Never deletes. A second run reports nothing to do.",
        "On a clean finish the target's dead letters are cleared and a paused target resumes.",
        "Exit codes: 0 in sync, 5 corruption was found (and healed where possible), else as for other verbs."})
public final class ReconcileCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "TARGET", description = "A target name (cairn target add), folder:PATH, a path, http(s)://HOST:PORT or s3://BUCKET/PREFIX.")
  String target;

  @Option(names = "--restore", description = "Also fetch, verify and apply what only the target has.")
  boolean restore;

  @Mixin TargetAccess access;

  @Option(names = "--max-elapsed", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "Retry transient failures on the shared schedule for at most this long (default ${DEFAULT-VALUE}; 0 = once).")
  Duration maxElapsed;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  public ReconcileCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    Home home = Home.of(ctx);
    TargetResolver.Resolved t = access.resolver(ctx, home).open(target);
    String where = t.transport().describe();
    JobRunner runner = Exchanges.runner(home, ctx.clock(), maxElapsed, line -> ctx.err().println("cairn: " + line));
    JobRunner.Outcome<ReconcileReport> out = runner.run(t.id(), "reconcile", () -> {
      try (HomeSession session = HomeSession.open(home)) {
        PinnedKeys pins = Exchanges.pins(home);
        dev.cairn.cli.output.Progress progress = new dev.cairn.cli.output.Progress(ctx, "reconcile " + where, "origins");
        ReconcileReport r;
        try {
          r = new Reconciler(session.ledger().localOrigin(), Exchanges.store(home), session.synchronizer(pins), pins)
              .reconcile(t.transport(), restore, progress::update);
        } finally {
          progress.done();
        }
        session.commit();
        return r;
      }
    });
    if (!out.succeeded()) {
      Exchanges.recordFailure(Exchanges.targets(home), t.id(), ctx.clock().instant(), out);
      throw out.cause();
    }
    ReconcileReport r = out.value();
    int deadLettersCleared = 0;
    if (r.problems().isEmpty()) {
      deadLettersCleared = Exchanges.deadLetters(home).clear(t.id());
      Exchanges.targets(home).success(t.id(), ctx.clock().instant());
    }
    print(where, r, deadLettersCleared);
    return ExitCode.corruptIf(r.reuploaded() + r.corruptLocal() + r.wrongKind() > 0);
  }

  private void print(String where, ReconcileReport r, int deadLettersCleared) {
    if (json) {
      ObjectNode o = Json.object().put("target", where).put("nothing_to_do", r.nothingToDo()).put("verified", r.verified())
          .put("uploaded", r.uploaded()).put("reuploaded", r.reuploaded()).put("corrupt_local", r.corruptLocal()).put("wrong_kind", r.wrongKind())
          .put("only_on_target", r.onlyOnTarget()).put("restored", r.restored()).put("orphans", r.orphans())
          .put("dead_letters_cleared", deadLettersCleared);
      ObjectNode per = o.putObject("origins");
      r.origins().forEach((origin, x) -> {
        ObjectNode p = per.putObject(origin.value()).put("verified", x.verified()).put("uploaded", x.uploaded()).put("reuploaded", x.reuploaded())
            .put("corrupt_local", x.corruptLocal()).put("only_on_target", x.onlyOnTarget()).put("restored", x.restored());
        ArrayNode orphans = p.putArray("orphans");
        x.orphans().forEach(orphans::add);
      });
      ArrayNode problems = o.putArray("problems");
      r.problems().forEach(problems::add);
      ArrayNode notes = o.putArray("notes");
      r.notes().forEach(notes::add);
      ctx.out().println(Json.write(o));
      return;
    }
    ctx.out().printf("reconciled with %s: %s%n", where, r.nothingToDo() ? "nothing to do" : "converged");
    ctx.out().printf("  verified %d, uploaded %d, re-uploaded %d (corrupt there), corrupt locally %d, only on target %d, restored %d, orphans %d%n",
        r.verified(), r.uploaded(), r.reuploaded(), r.corruptLocal(), r.onlyOnTarget(), r.restored(), r.orphans());
    r.origins().forEach((origin, x) -> x.orphans().forEach(o -> ctx.out().println("  orphan " + o + " (no checkpoint reaches it; 'cairn gc' may remove it)")));
    if (deadLettersCleared > 0) {
      ctx.out().printf("  cleared %d dead letter%s%n", deadLettersCleared, deadLettersCleared == 1 ? "" : "s");
    }
    r.notes().forEach(n -> ctx.out().println("  note: " + n));
    r.problems().forEach(p -> ctx.err().println("cairn: warning: " + p));
  }
}
