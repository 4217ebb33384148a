package dev.cairn.cli.query;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn digest}: the hash of the view's logical content. */
@Command(name = "digest", header = "Print the digest of the view (equal on machines with the same events).", mixinStandardHelpOptions = true,
    description = {"Print the SHA-256 digest of the view's logical content (sessions, messages, registers,",
        "conflicts, tombstones). Two homes that hold the same events print the same digest,",
        "whatever order the events arrived in. See docs/schema.md."})
public final class DigestCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  public DigestCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      String digest = f.view().digest();
      if (json) {
        ctx.out().println(Json.write(Json.object().put("digest", digest).put("ledger_index", f.view().position().ledgerIndex())));
      } else {
        ctx.out().println(digest);
      }
    }
    return 0;
  }
}
