package dev.cairn.cli;

import dev.cairn.ledger.Ledger;
import dev.cairn.projection.Rebuild;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn rebuild}: replays the ledger into a new view and swaps it in. */
@Command(name = "rebuild", header = "Rebuild the view from the ledger and swap it in atomically.", mixinStandardHelpOptions = true,
    description = {"Throw the view away and rebuild it from the ledger: replay every event into a new",
        "file, then swap it in atomically. A crash mid-rebuild leaves the old view intact."})
final class RebuildCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  RebuildCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = ctx.home();
    long started = System.nanoTime();
    Progress progress = new Progress(ctx, "rebuild", "events");
    Rebuild.Result r;
    try (Ledger ledger = home.openLedger()) { // the lock keeps writers out while the view is swapped
      long head = ledger.state().entries();
      r = Rebuild.run(ledger.reader(), home.view(), (applied, h) -> progress.update(applied, head));
    }
    progress.done();
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
      ctx.out().printf("rebuilt view from %d events in %.2f s (%.0f events/s); digest %s%n",
          events, seconds, events / Math.max(seconds, 1e-9), digest);
    }
    return 0;
  }
}
