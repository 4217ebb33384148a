package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionTrashed;
import picocli.CommandLine.Command;

/** {@code cairn trash SESSION}. */
@Command(name = "trash", mixinStandardHelpOptions = true,
    description = {"Move a session to the trash (hidden from 'sessions' and 'search'; nothing is deleted).", "Appends one event whose prev is the version this machine's view holds; appends nothing if the session is already in the trash."})
public final class TrashCommand extends SessionFlagCommand {
  public TrashCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id) {
    return new SessionTrashed(id, null);
  }

  @Override
  String done() {
    return "trashed";
  }

  @Override
  String unchanged() {
    return "is already in the trash";
  }
}
