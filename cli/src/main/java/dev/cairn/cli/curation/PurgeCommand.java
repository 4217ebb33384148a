package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.SessionPurged;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn purge SESSION --yes}. */
@Command(name = "purge", header = "Remove a session's content for good, everywhere (needs --yes).", mixinStandardHelpOptions = true,
    description = {"Remove a session's content for good, on every machine that syncs with this one:",
        "the view deletes its messages and curation and ignores every later event about it.",
        "(The purge is an event too; the ledger keeps history.) Needs --yes."})
public final class PurgeCommand implements Callable<Integer> {
  private final Context ctx;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--yes", description = "Yes, purge it.")
  boolean yes;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public PurgeCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (!yes) {
      throw new ParameterException(spec.commandLine(), "purge deletes the session's content on every machine; add --yes to do it");
    }
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      var e = c.append(new Draft(new SessionPurged(id)));
      CurationOutput.print(ctx, json, id.toString(), "purged", "", java.util.Optional.of(e));
    }
    return 0;
  }
}
