package dev.cairn.cli;

import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionTrashed;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn trash SESSION}. */
@Command(name = "trash", mixinStandardHelpOptions = true,
    description = {"Move a session to the trash (hidden from 'sessions' and 'search'; nothing is deleted).",
        "SESSION is an id or a unique prefix of it (or of the part after '~'). Appends one event whose prev",
        "is the version this machine's view holds; appends nothing if the session is already in the trash."})
final class TrashCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  TrashCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "trashed", "is already in the trash", c.apply(new SessionTrashed(id, null)));
    }
    return 0;
  }
}
