package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What star, unstar, trash and restore share: resolve SESSION, append one curation event (with
 * prev = the view's version) unless the session already is that way, print the result. A verb
 * names its event and its words.
 */
abstract class SessionFlagCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix (of the id or of the part after '~').")
  String session;

  @Option(names = "--json", description = "Print {session, appended, event, prev}.")
  boolean json;

  public SessionFlagCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** The event this verb appends for {@code id} (prev is filled in from the view). */
  abstract Curation change(SessionId id);

  /** Past tense for the result line, e.g. "starred". */
  abstract String done();

  /** How a session that needs no change is described, e.g. "is already starred". */
  abstract String unchanged();

  @Override
  public Integer call() {
    try (Curator c = new Curator(ctx.home())) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), done(), unchanged(), c.apply(change(id)));
    }
    return 0;
  }
}
