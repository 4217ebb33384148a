package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionTagged;
import picocli.CommandLine.Command;

/** {@code cairn tag SESSION TAG...}. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = {"Tag a session (one event per tag that changes).", "SESSION is an id or a unique prefix."})
public final class TagCommand extends SessionTagsCommand {
  public TagCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id, String tag) {
    return new SessionTagged(id, tag, null);
  }

  @Override
  String done() {
    return "tagged";
  }

  @Override
  String unchanged() {
    return "is already tagged";
  }
}
