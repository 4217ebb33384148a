package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionRestored;
import picocli.CommandLine.Command;

/** {@code cairn restore SESSION}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Take a session out of the trash.", "Appends one event whose prev is the version this machine's view holds; appends nothing if the session is not in the trash."})
public final class RestoreCommand extends SessionFlagCommand {
  public RestoreCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id) {
    return new SessionRestored(id, null);
  }

  @Override
  String done() {
    return "restored";
  }

  @Override
  String unchanged() {
    return "is not in the trash";
  }
}
