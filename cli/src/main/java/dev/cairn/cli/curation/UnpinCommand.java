package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessageUnpinned;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn unpin SESSION ORDINAL}. */
@Command(name = "unpin", mixinStandardHelpOptions = true, description = "Remove the pin from a message of a session.")
public final class UnpinCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1", paramLabel = "ORDINAL", description = "The message's position, from 0.")
  long ordinal;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public UnpinCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), "unpinned message " + ordinal + " of", "has no pin on message " + ordinal,
          c.apply(new MessageUnpinned(id, ordinal, null)));
    }
    return 0;
  }
}
