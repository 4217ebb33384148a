package dev.cairn.cli.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TerminalText;
import dev.cairn.projection.ConflictRow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn conflicts}: recorded forks. */
@Command(name = "conflicts", header = "List recorded conflicts (concurrent edits of the same field).", mixinStandardHelpOptions = true,
    description = {"List recorded conflicts: curation events on the same register of a session whose writers",
        "saw the same version but chose different values. The winner (greatest HLC) stands; each loser",
        "is listed with its origin and value. Re-curate to settle it (the new event sees the winner)."})
public final class ConflictsCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  public ConflictsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<ConflictRow> rows;
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      rows = f.view().queries().conflicts();
    }
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      rows.forEach(c -> out.addObject().put("session", c.session()).put("register", c.register()).put("prev", c.prev())
          .put("winner_origin", c.winnerOrigin()).put("winner_seq", c.winnerSeq()).put("winner_hlc", c.winnerHlc())
          .put("winner_value", c.winnerValue()).put("loser_origin", c.loserOrigin()).put("loser_seq", c.loserSeq())
          .put("loser_hlc", c.loserHlc()).put("loser_value", c.loserValue()));
      ctx.out().println(Json.write(out));
      return 0;
    }
    if (rows.isEmpty()) {
      ctx.out().println("no conflicts");
      return 0;
    }
    String last = "";
    for (ConflictRow c : rows) {
      String group = c.session() + " " + c.register() + " " + c.prev();
      if (!group.equals(last)) {
        TerminalText.writer(ctx.out()).printf("%s  %s  (both saw %s)%n  winner  %-24s %s%n", c.session(), c.register(),
            c.prev().isEmpty() ? "no value" : c.prev(), c.winnerOrigin() + "/" + c.winnerSeq(), c.winnerValue());
        last = group;
      }
      TerminalText.writer(ctx.out()).printf("  loser   %-24s %s%n", c.loserOrigin() + "/" + c.loserSeq(), c.loserValue());
    }
    return 0;
  }
}
