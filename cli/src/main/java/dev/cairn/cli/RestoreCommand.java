package dev.cairn.cli;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionRestored;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn restore SESSION}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Take a session out of the trash.",
        "SESSION is an id or a unique prefix of it (or of the part after '~'). Appends one event whose prev",
        "is the version this machine's view holds; appends nothing if the session is not in the trash."})
final class RestoreCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  RestoreCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "restored", "is not in the trash", c.apply(new SessionRestored(id, null)));
    }
    return 0;
  }
}
