package dev.cairn.cli.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TrustOutput;
import dev.cairn.ledger.LedgerState;
import dev.cairn.projection.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn status}: what this home holds and how far the view is behind. */
@Command(name = "status", header = "Show this home: ledger, origins, quarantine, view lag, targets.", mixinStandardHelpOptions = true,
    description = {"Show this home: origin, ledger entries and size, head index, per-origin high-water marks,",
        "quarantined events, and the view's position and lag (entries not yet applied).",
        "Unlike other reading verbs, status does not catch the view up: it reports the lag."})
public final class StatusCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  public StatusCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    int code;
    Home home = Home.of(ctx);
    String origin = home.origin().value();
    // status opens the queue even when the view is current: it is the verb that finds a damaged ledger
    try (var reader = home.openReader(); var view = home.openView()) {
      LedgerState state = reader.state();
      long headIndex = reader.headIndex();
      Position position = view.position();
      long lag = position.lag(state.entries());
      long bytes = diskBytes(home.ledgerPaths().queue());
      int quarantined = reader.quarantined();
      java.time.Instant now = ctx.clock().instant();
      var targets = Exchanges.targets(home).entries();
      var deadLetters = Exchanges.deadLetters(home).entries();
      String recipient = TargetResolver.identity(home, ctx).recipient().value();
      var pins = Exchanges.pins(home);
      code = ExitCode.corruptIf(!pins.conflicts().isEmpty()); // two keys claim an origin: a person must decide
      if (json) {
        ObjectNode o = Json.object().put("home", home.root().toString()).put("origin", origin).put("age_recipient", recipient)
            .put("ledger_entries", state.entries()).put("ledger_file_bytes", bytes).put("head_index", headIndex)
            .put("max_hlc", state.maxHlc().toString()).put("quarantined", quarantined)
            .put("view_index", position.ledgerIndex()).put("view_applied", position.applied())
            .put("view_skipped_unknown", position.skippedUnknown()).put("view_lag", lag);
        ObjectNode hw = o.putObject("high_water");
        state.highWater().forEach((k, v) -> hw.put(k.value(), v.value()));
        ObjectNode ts = o.putObject("targets");
        targets.forEach((name, t) -> ts.putObject(name.value()).put("last_success", t.lastSuccess() == null ? null : t.lastSuccess().toString())
            .put("last_attempt", t.lastAttempt() == null ? null : t.lastAttempt().toString()).put("last_error", t.lastError())
            .put("staleness", t.staleness(now)).put("failures_in_a_row", t.failures()).put("paused", t.paused()));
        var dl = o.putArray("dead_letters");
        deadLetters.forEach(d -> dl.addObject().put("target", d.target().value()).put("job", d.job()).put("kind", d.kind().name().toLowerCase())
            .put("error", d.error()).put("attempts", d.attempts()).put("first", d.first().toString()).put("last", d.last().toString()));
        o.put("trust", pins.mode().word());
        TrustOutput.json(pins, o);
        ctx.out().println(Json.write(o));
        return code;
      }
      ctx.out().printf("home        %s%n", home.root());
      ctx.out().printf("origin      %s%n", origin);
      ctx.out().printf("age         %s (for --encrypt-to on other machines)%n", recipient);
      ctx.out().printf("ledger      %d entries, head index %d%n", state.entries(), headIndex);
      ctx.out().printf("clock       %s%n", state.maxHlc());
      ctx.out().printf("origins     %s%n", state.highWater().isEmpty() ? "none" : "");
      state.highWater().forEach((k, v) -> ctx.out().printf("  %-28s seq %d%n", k, v.value()));
      ctx.out().printf("quarantine  %d events held back%n", quarantined);
      ctx.out().printf("view        %d applied, %d unknown skipped, %s; %s%n", position.applied(), position.skippedUnknown(),
          lag == 0 ? "up to date" : lag + " entries behind", human(viewBytes(home)));
      ctx.out().printf("targets     %s%n", targets.isEmpty() ? "none synced yet" : "");
      new java.util.TreeMap<>(targets).forEach((name, t) -> ctx.out().printf("  %-40s %-12s last success %s%s%s%n", name, t.staleness(now),
          t.lastSuccess() == null ? "never" : t.lastSuccess().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
          t.paused() != null ? "; PAUSED: " + t.paused() : t.lastError() == null ? "" : "; last error: " + t.lastError(),
          t.failures() > 0 && t.paused() == null ? " (" + t.failures() + " failed in a row)" : ""));
      ctx.out().printf("dead letters %s%n", deadLetters.isEmpty() ? "none" : deadLetters.size() + " (cairn reconcile TARGET retries them)");
      deadLetters.forEach(d -> ctx.out().printf("  %-40s %-10s %s, %d attempt%s, last %s: %s%n", d.target(), d.job(), d.kind().name().toLowerCase(),
          d.attempts(), d.attempts() == 1 ? "" : "s", d.last(), d.error()));
      ctx.out().printf("trust       %s%s%n", pins.mode().word(), pins.conflicts().isEmpty() && pins.untrusted().isEmpty() ? ", no key conflicts" : "");
      TrustOutput.printProblems(pins, ctx.out());
    }
    return code;
  }

  /** The view's files (view.db and its WAL): real bytes, unlike the ledger's pre-allocated, sparse cycle files. */
  private static long viewBytes(Home home) throws IOException {
    long n = 0;
    for (String suffix : new String[] {"", "-wal"}) {
      Path p = home.view().resolveSibling(home.view().getFileName() + suffix);
      n += Files.exists(p) ? Files.size(p) : 0;
    }
    return n;
  }

  private static long diskBytes(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String human(long bytes) {
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KiB on disk";
    }
    return String.format("%.1f MiB on disk", bytes / 1024.0 / 1024.0);
  }
}
