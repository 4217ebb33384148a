package dev.cairn.cli.curation;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.output.CurationOutput;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionTagChanged;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn tag|untag SESSION TAG...}: one verb class, one {@link Row} per verb. One event per
 * tag that changes, each with prev = the view's version. Mutable only while picocli parses.
 */
@Command(mixinStandardHelpOptions = true)
public final class TagVerb implements Callable<Integer> {
  /** The two verbs: name, the event they append, their help and their words. */
  public enum Row {
    TAG("tag", (id, tag) -> SessionTagChanged.tagged(id, tag, null), "Tag a session (one event per tag that changes).", "is already tagged", "tagged"),
    UNTAG("untag", (id, tag) -> SessionTagChanged.untagged(id, tag, null), "Remove tags from a session (one event per tag that is set).",
        "is not tagged", "untagged");

    private final String verb;
    private final BiFunction<SessionId, String, Curation> change;
    private final String summary;
    private final String unchanged;
    private final String done;

    Row(String verb, BiFunction<SessionId, String, Curation> change, String summary, String unchanged, String done) {
      this.verb = verb;
      this.change = change;
      this.summary = summary;
      this.unchanged = unchanged;
      this.done = done;
    }

    public String verb() {
      return verb;
    }

    public String[] description() {
      return new String[] {summary, "SESSION is an id or a unique prefix."};
    }
  }

  private final Context ctx;
  private final Row row;

  @Parameters(index = "0", paramLabel = "SESSION", description = "Session id or unique prefix.")
  String session;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "One or more tags (1-64 characters, no spaces).")
  List<String> tags;

  @Option(names = "--json", description = "Print one JSON object per tag.")
  boolean json;

  public TagVerb(Context ctx, Row row) {
    this.ctx = ctx;
    this.row = row;
  }

  @Override
  public Integer call() {
    try (Curator c = new Curator(Home.of(ctx))) {
      SessionId id = c.resolve(session);
      for (String tag : tags) {
        CurationOutput.print(ctx, json, id.toString(), row.done + " '" + tag + "':", row.unchanged + " '" + tag + "'",
            c.apply(row.change.apply(id, tag)));
      }
    }
    return 0;
  }
}
