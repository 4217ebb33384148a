package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.SessionFlagged;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn star|unstar|trash|restore SESSION}: one verb class, one {@link Row} per verb.
 * Resolves SESSION, appends one curation event (with prev = the view's version) unless the session
 * already is that way, and prints the result. Mutable only while picocli parses.
 */
@Command(mixinStandardHelpOptions = true)
public final class FlagVerb implements Callable<Integer> {
  private static final String PREV = "Appends one event whose prev is the version this machine's view holds; appends nothing if the session ";

  /** The four verbs: name, the flag they set, their help and their words. */
  public enum Row {
    STAR("star", SessionFlagged.Flag.STARRED, "Star a session.", "is already starred", "starred"),
    UNSTAR("unstar", SessionFlagged.Flag.UNSTARRED, "Remove the star from a session.", "is not starred", "unstarred"),
    TRASH("trash", SessionFlagged.Flag.TRASHED, "Move a session to the trash (hidden from 'sessions' and 'search'; nothing is deleted).",
        "is already in the trash", "trashed"),
    RESTORE("restore", SessionFlagged.Flag.RESTORED, "Take a session out of the trash.", "is not in the trash", "restored");

    private final String verb;
    private final SessionFlagged.Flag flag;
    private final String[] description;
    private final String unchanged;
    private final String done;

    Row(String verb, SessionFlagged.Flag flag, String summary, String unchanged, String done) {
      this.verb = verb;
      this.flag = flag;
      this.description = new String[] {summary, PREV + unchanged + "."};
      this.unchanged = unchanged;
      this.done = done;
    }

    public String verb() {
      return verb;
    }

    public String[] description() {
      return description.clone();
    }
  }

  private final Context ctx;
  private final Row row;

  @Parameters(paramLabel = "SESSION", description = "Session id or unique prefix (of the id or of the part after '~').")
  String session;

  @Option(names = "--json", description = "Print {session, appended, event, prev}.")
  boolean json;

  public FlagVerb(Context ctx, Row row) {
    this.ctx = ctx;
    this.row = row;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      CurationOutput.print(ctx, json, id.toString(), row.done, row.unchanged, c.apply(new SessionFlagged(row.flag, id, null)));
    }
    return 0;
  }
}
