package dev.cairn.cli.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.DurationConverter;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.TargetAccess;
import dev.cairn.cli.output.Json;
import dev.cairn.exchange.sync.GarbageCollector;
import dev.cairn.exchange.sync.GcReport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn gc [TARGET] [--dry-run] [--grace 7d]}: remove artifacts no checkpoint reaches. */
@Command(name = "gc", header = "Delete artifacts no checkpoint reaches any more (after a grace window).", mixinStandardHelpOptions = true,
    description = {"Removes from TARGET (or, without one, from this machine's artifact store) what compaction and newer",
        "checkpoints left behind: superseded checkpoints and the segments only they listed, and segments no checkpoint",
        "lists. Only after the grace window, only for origins whose newest checkpoint verifies with the pinned key and",
        "whose segments are all present and verified, only segments whose events that checkpoint covers: never the only",
        "copy of an event, never an origin without a checkpoint. --dry-run lists exactly what a real run would delete."})
public final class GcCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "A target name, folder:PATH, a path, http(s)://HOST:PORT or s3://BUCKET/PREFIX (default: the local store).")
  String target;

  @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
      description = "Keep anything younger than this, and checkpoints superseded less than this long ago (default ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
  boolean dryRun;

  @Mixin TargetAccess access;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  public GcCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = Home.of(ctx);
    Transport store = target == null ? Exchanges.store(home) : access.resolver(ctx, home).open(target).transport();
    GcReport r;
    try (Ledger ledger = home.openLedger()) { // the writer lock: no local seal or sync runs meanwhile
      var pins = Exchanges.pins(home);
      pins.pinOwn(ledger.localOrigin(), Exchanges.key(home).publicKey(), ctx.clock().instant());
      dev.cairn.cli.output.Progress progress = new dev.cairn.cli.output.Progress(ctx, "gc " + store.describe(), "origins");
      try {
        r = new GarbageCollector(pins, ctx.clock().instant()).collect(store, grace, dryRun, progress::update);
      } finally {
        progress.done();
      }
    }
    if (json) {
      ObjectNode o = Json.object().put("store", store.describe()).put("dry_run", dryRun).put("grace", DurationConverter.format(grace))
          .put("deleted_count", r.deleted().size()).put("deleted_bytes", r.deletedBytes()).put("kept", r.kept());
      ArrayNode d = o.putArray("deleted");
      r.deleted().forEach(n -> d.add(n.toString()));
      ArrayNode notes = o.putArray("notes");
      r.notes().forEach(notes::add);
      ctx.out().println(Json.write(o));
      return 0;
    }
    ctx.out().printf("%s %s: %s %d artifact%s (%d bytes), kept %d (grace %s)%n", dryRun ? "gc dry run on" : "gc on", store.describe(),
        dryRun ? "would delete" : "deleted", r.deleted().size(), r.deleted().size() == 1 ? "" : "s", r.deletedBytes(), r.kept(), DurationConverter.format(grace));
    r.deleted().forEach(n -> ctx.out().println("  " + (dryRun ? "would delete " : "deleted ") + n));
    r.notes().forEach(n -> ctx.out().println("  note: " + n));
    return 0;
  }
}
