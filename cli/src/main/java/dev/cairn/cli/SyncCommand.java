package dev.cairn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.sync.SyncReport;
import dev.cairn.exchange.sync.TargetLog;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn sync TARGET}: exchange artifacts with a target. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Exchange sessions with other machines through TARGET: folder:PATH or a path (a synced folder, a",
        "network share, a USB stick), or http(s)://HOST:PORT (a machine running 'cairn serve'; --token): seal this machine's new events into a signed segment, push what",
        "the target lacks, pull what this machine lacks (for every origin, relays included), verify",
        "(hash, signature, pinned key, coverage), append, project. Running it again with nothing new",
        "moves no artifact. Corrupt artifacts are quarantined and forged checkpoints rejected: both are",
        "reported, the rest of the sync goes on, and the exit code is then 5."})
final class SyncCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "TARGET", description = "folder:PATH or PATH.")
  String target;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for an http(s) peer (default: $CAIRN_TOKEN).")
  String token;

  @Option(names = "--dry-run", description = "Say what would be sealed, pushed and pulled; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  SyncCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = ctx.home();
    Transport transport = Targets.open(target, token != null ? token : ctx.env("CAIRN_TOKEN"));
    Clock clock = Clock.systemUTC();
    TargetLog log = Exchanges.targets(home);
    SyncReport report;
    try (Ledger ledger = home.openLedger(); View view = home.openView()) {
      PinnedKeys pins = Exchanges.pins(home);
      try {
        report = Exchanges.synchronizer(home, ledger, pins, clock).sync(transport, dryRun);
      } catch (CairnException e) {
        if (!dryRun) {
          log.failure(transport.describe(), clock.instant(), e.getMessage());
        }
        throw e;
      }
      if (!dryRun) {
        ledger.sync();
        view.catchUp(ledger.reader());
        log.success(transport.describe(), clock.instant());
      }
    }
    print(transport, report);
    return report.quarantined() + report.forged() > 0 ? 5 : 0;
  }

  private void print(Transport transport, SyncReport r) {
    if (json) {
      ObjectNode o = Json.object().put("target", transport.describe()).put("dry_run", r.dryRun).put("sealed_events", r.sealedEvents)
          .put("sealed_segments", r.sealedSegments).put("pushed", r.pushed()).put("pulled", r.pulled()).put("applied", r.applied())
          .put("held_back", r.heldBack()).put("quarantined", r.quarantined()).put("forged", r.forged())
          .put("bytes", r.transferredBytes()).put("list_calls", r.listCalls);
      ObjectNode per = o.putObject("origins");
      r.origins.forEach((origin, x) -> per.putObject(origin.value()).put("pushed", x.pushed).put("pulled", x.pulled)
          .put("applied", x.applied).put("duplicates", x.duplicates).put("held_back", x.heldBack).put("quarantined", x.quarantined)
          .put("forged", x.forged).put("checkpoint", x.checkpoint).put("head", x.head));
      ArrayNode problems = o.putArray("problems");
      r.problems.forEach(problems::add);
      ctx.out().println(Json.write(o));
      return;
    }
    String verb = r.dryRun ? "would seal" : "sealed";
    ctx.out().printf("%s with %s: %s %d events (%d segment%s); %s %d artifacts, %s %d, %s %d events%s%n",
        r.dryRun ? "dry run" : "synced", transport.describe(), verb, r.sealedEvents, r.sealedSegments, r.sealedSegments == 1 ? "" : "s",
        r.dryRun ? "would push" : "pushed", r.pushed(), r.dryRun ? "would pull" : "pulled", r.pulled(),
        r.dryRun ? "would apply" : "applied", r.applied(),
        r.heldBack() > 0 ? "; " + r.heldBack() + " held back (clock ahead)" : "");
    r.origins.forEach((origin, x) -> {
      if (x.pushed + x.pulled + x.applied + x.quarantined + x.forged > 0) {
        ctx.out().printf("  %-28s pushed %d, pulled %d, applied %d%s%s%n", origin, x.pushed, x.pulled, x.applied,
            x.quarantined > 0 ? ", quarantined " + x.quarantined : "", x.forged > 0 ? ", FORGED " + x.forged : "");
      }
    });
    r.problems.forEach(p -> ctx.err().println("cairn: warning: " + p));
  }
}
