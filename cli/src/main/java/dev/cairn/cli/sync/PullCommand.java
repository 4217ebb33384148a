package dev.cairn.cli.sync;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.exchange.sync.SyncScope;
import dev.cairn.ledger.Origin;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn pull TARGET [--from ORIGIN...]}: pull and apply what the target has; push nothing. */
@Command(name = "pull", header = "Pull and apply what the target has (optionally only some machines'); push nothing.",
    mixinStandardHelpOptions = true,
    description = {"The second half of 'cairn sync': fetch the checkpoints and segments this machine lacks, verify them (hash,",
        "signature, pinned key, coverage), append their events and project. --from limits it to the named machines'",
        "events (origins, as 'cairn peers' lists them); a later sync or pull brings the rest. Nothing of this machine's",
        "is sealed or pushed. Same TARGET forms, options and exit codes as sync."})
public final class PullCommand extends SyncCommand {
  @Option(names = "--from", paramLabel = "ORIGIN", split = ",", description = "Only these machines' events (repeat or comma-separate).")
  List<String> from;

  public PullCommand(Context ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws InterruptedException {
    scope(); // a malformed --from is bad input before anything runs
    return super.call();
  }

  @Override
  protected SyncScope scope() {
    Set<Origin> origins = new TreeSet<>();
    if (from != null) {
      for (String o : from) {
        if (!Origin.isValid(o)) {
          throw new BadInputException("--from", 0, "expected a machine's origin (1-63 of a-z, 0-9 and -, as 'cairn peers' lists them),"
              + " found '" + o + "'");
        }
        origins.add(new Origin(o));
      }
    }
    return SyncScope.pull(origins);
  }

  @Override
  protected String done() {
    return "pulled from";
  }
}
