package dev.cairn.cli.admin;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.ViewFiles;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.Progress;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.Rebuild;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn rebuild}: replays the ledger into a new view and swaps it in. */
@Command(name = "rebuild", header = "Rebuild the view from the ledger and swap it in atomically.", mixinStandardHelpOptions = true,
    description = {"Throw the view away and rebuild it from the ledger: replay every event into a new",
        "file, then swap it in atomically. A crash mid-rebuild leaves the old view intact.",
        "First every ledger entry is checked: an unreadable one is healed from sealed artifacts or reported lost.",
        "A view.db that cannot be opened is moved aside (view.db.broken-TIME) and rebuilt. A rebuild that would hold",
        "fewer events than the current view is refused (exit 4; the ledger may be damaged: see cairn status) unless --force."})
public final class RebuildCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--force", description = "Swap the rebuilt view in even if it holds fewer events than the current one (says how many are lost).")
  boolean force;

  public RebuildCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = Home.of(ctx);
    long started = System.nanoTime();
    Progress progress = new Progress(ctx, "rebuild", "events");
    Rebuild.Result r;
    long[] before = {-1};
    try (Ledger ledger = home.openLedger()) { // the lock keeps writers out while the view is swapped
      ledger.recoverAll().forEach(line -> ctx.err().println("cairn: recovery: " + line));
      before[0] = ViewFiles.appliedOrSetAside(home, ctx.err());
      long head = ledger.state().entries();
      try (var reader = dev.cairn.ledger.LedgerReader.open(home.ledgerPaths())) { // a reader's smaller mapped blocks
        r = Rebuild.run(reader, home.view(), (applied, h) -> progress.update(applied, head),
            built -> force || built.position().entries() >= before[0]);
      }
    }
    progress.done();
    if (!r.swapped()) {
      throw new ShrinkingRebuildException(before[0], r.position().entries());
    }
    if (before[0] > r.position().entries()) {
      ctx.err().println("cairn: --force: the new view holds " + r.position().entries() + " events, " + (before[0] - r.position().entries())
          + " fewer than the view it replaced");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String digest;
    try (var view = home.openView()) {
      digest = view.digest();
    }
    long events = r.position().entries();
    if (json) {
      ctx.out().println(Json.write(Json.object().put("events", events).put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("skipped_unknown", r.position().skippedUnknown()).put("digest", digest)));
    } else {
      // a rate means something only over a run long enough to measure (not "2 events/s" for four)
      ctx.out().printf("rebuilt view from %d events in %.2f s%s; digest %s%n", events, seconds,
          seconds >= 1 && events >= 1000 ? String.format(" (%.0f events/s)", events / seconds) : "", digest);
    }
    return 0;
  }

  /** The rebuilt view would hold fewer events than the current one: refused, the current view kept. */
  static final class ShrinkingRebuildException extends dev.cairn.ledger.CairnException {
    ShrinkingRebuildException(long current, long rebuilt) {
      super("the ledger yields " + rebuilt + " events but the current view holds " + current + "; kept the current view (the ledger may be"
          + " damaged: see 'cairn status'; 'cairn reconcile TARGET --restore' brings sealed events back). 'cairn rebuild --force' replaces it,"
          + " losing " + (current - rebuilt) + " events from the view");
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
