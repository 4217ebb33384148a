package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionUnstarred;
import picocli.CommandLine.Command;

/** {@code cairn unstar SESSION}. */
@Command(name = "unstar", mixinStandardHelpOptions = true,
    description = {"Remove the star from a session.", "Appends one event whose prev is the version this machine's view holds; appends nothing if the session is not starred."})
public final class UnstarCommand extends SessionFlagCommand {
  public UnstarCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id) {
    return new SessionUnstarred(id, null);
  }

  @Override
  String done() {
    return "unstarred";
  }

  @Override
  String unchanged() {
    return "is not starred";
  }
}
