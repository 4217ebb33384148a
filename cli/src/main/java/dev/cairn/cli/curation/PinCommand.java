package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessagePinned;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn pin SESSION ORDINAL [--note TEXT]}. */
@Command(name = "pin", header = "Pin a message of a session, with an optional note.", mixinStandardHelpOptions = true,
    description = {"Pin a message of a session (ORDINAL as shown by 'cairn show'), with an optional note.",
        "Pinning again with another note replaces the note; with the same note it appends nothing."})
public final class PinCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1", paramLabel = "ORDINAL", description = "The message's position, from 0.")
  long ordinal;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why it is pinned (up to 2000 characters).")
  String note;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  public PinCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      Messages.requireExists(c.view(), id, ordinal);
      CurationOutput.print(ctx, json, id.toString(), "pinned message " + ordinal + " of", "already has message " + ordinal + " pinned like that",
          c.apply(new MessagePinned(id, ordinal, note, null)));
    }
    return 0;
  }
}
