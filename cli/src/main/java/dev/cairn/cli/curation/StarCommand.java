package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionStarred;
import picocli.CommandLine.Command;

/** {@code cairn star SESSION}. */
@Command(name = "star", mixinStandardHelpOptions = true,
    description = {"Star a session.", "Appends one event whose prev is the version this machine's view holds; appends nothing if the session is already starred."})
public final class StarCommand extends SessionFlagCommand {
  public StarCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id) {
    return new SessionStarred(id, null);
  }

  @Override
  String done() {
    return "starred";
  }

  @Override
  String unchanged() {
    return "is already starred";
  }
}
