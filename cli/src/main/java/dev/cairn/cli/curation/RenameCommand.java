package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionRenamed;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn rename SESSION TITLE}. */
@Command(name = "rename", header = "Give a session a curated title.", mixinStandardHelpOptions = true,
    description = {"Give a session a curated title (the recorded title stays in the view as recorded_title).",
        "SESSION is an id or a unique prefix. Appends nothing if the title is already TITLE."})
public final class RenameCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1", paramLabel = "TITLE", description = "The new title (1-500 characters, one line).")
  String title;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public RenameCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "renamed", "already has that title", c.apply(new SessionRenamed(id, title, null)));
    }
    return 0;
  }
}
