package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What tag and untag share: one event per tag that changes, each with prev = the view's version. */
abstract class SessionTagsCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "One or more tags (1-64 characters, no spaces).")
  List<String> tags;

  @Option(names = "--json", description = "Print one JSON object per tag.")
  boolean json;

  public SessionTagsCommand(Context ctx) {
    this.ctx = ctx;
  }

  abstract Curation change(SessionId id, String tag);

  abstract String done();

  abstract String unchanged();

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      for (String tag : tags) {
        CurationOutput.print(ctx, json, id.toString(), done() + " '" + tag + "':", unchanged() + " '" + tag + "'", c.apply(change(id, tag)));
      }
    }
    return 0;
  }
}
