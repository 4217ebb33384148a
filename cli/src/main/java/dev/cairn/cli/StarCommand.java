package dev.cairn.cli;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionStarred;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn star SESSION}. */
@Command(name = "star", mixinStandardHelpOptions = true,
    description = {"Star a session.",
        "SESSION is an id or a unique prefix of it (or of the part after '~'). Appends one event whose prev",
        "is the version this machine's view holds; appends nothing if the session is already starred."})
final class StarCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  StarCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "starred", "is already starred", c.apply(new SessionStarred(id, null)));
    }
    return 0;
  }
}
