package dev.cairn.cli;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionUnstarred;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn unstar SESSION}. */
@Command(name = "unstar", mixinStandardHelpOptions = true,
    description = {"Remove the star from a session.",
        "SESSION is an id or a unique prefix of it (or of the part after '~'). Appends one event whose prev",
        "is the version this machine's view holds; appends nothing if the session is not starred."})
final class UnstarCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  UnstarCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "unstarred", "is not starred", c.apply(new SessionUnstarred(id, null)));
    }
    return 0;
  }
}
