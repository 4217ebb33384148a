package dev.cairn.cli;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionTagged;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn tag SESSION TAG...}. */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tag a session (one event per tag; a tag is 1-64 characters without spaces).", "SESSION is an id or a unique prefix."})
final class TagCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "One or more tags.")
  List<String> tags;

  @Option(names = "--json", description = "Print one JSON object per tag.")
  boolean json;

  TagCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      for (String tag : tags) {
        CurationOutput.print(ctx, json, id.toString(), "tagged '" + tag + "':", "is already tagged '" + tag + "'", c.apply(new SessionTagged(id, tag, null)));
      }
    }
    return 0;
  }
}
