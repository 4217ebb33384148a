package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionUntagged;
import picocli.CommandLine.Command;

/** {@code cairn untag SESSION TAG...}. */
@Command(name = "untag", mixinStandardHelpOptions = true, description = {"Remove tags from a session (one event per tag that is set).", "SESSION is an id or a unique prefix."})
public final class UntagCommand extends SessionTagsCommand {
  public UntagCommand(Context ctx) {
    super(ctx);
  }

  @Override
  Curation change(SessionId id, String tag) {
    return new SessionUntagged(id, tag, null);
  }

  @Override
  String done() {
    return "untagged";
  }

  @Override
  String unchanged() {
    return "is not tagged";
  }
}
