package dev.cairn.cli.sync;

import dev.cairn.cli.command.Context;
import dev.cairn.exchange.sync.SyncScope;
import picocli.CommandLine.Command;

/** {@code cairn push TARGET}: seal this machine's new events and push what the target lacks; pull nothing. */
@Command(name = "push", header = "Seal this machine's new events and push what the target lacks (no pull).", mixinStandardHelpOptions = true,
    description = {"The first half of 'cairn sync': seal this machine's new events into a signed segment and push every",
        "checkpoint and segment the target lacks (this machine's and those it relays for others). Nothing is pulled or",
        "applied. Same TARGET forms, options and exit codes as sync; --dry-run counts what sealing would write too."})
public final class PushCommand extends SyncCommand {
  public PushCommand(Context ctx) {
    super(ctx);
  }

  @Override
  protected SyncScope scope() {
    return SyncScope.PUSH;
  }

  @Override
  protected String done() {
    return "pushed to";
  }
}
