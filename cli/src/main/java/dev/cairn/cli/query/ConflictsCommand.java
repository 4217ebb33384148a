package dev.cairn.cli.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
@Command(name = "conflicts", header = "List open conflicts (concurrent edits of the same field); --all for their history.",
    mixinStandardHelpOptions = true,
    description = {"List conflicts: curation events on the same register of a session whose writers saw the same",
        "version but chose different values. The winner (greatest HLC) stands; each loser is listed with its origin",
        "and value. A conflict is open until someone curates that field again after seeing the winner (rename, star,",
        "tag... on a machine that has synced): then it is resolved, and shown only with --all, with what settled it.",
        "Exit 0 either way; --json prints the values as JSON values (a title is a string, a flag true or false)."})
public final class ConflictsCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Option(names = "--all", description = "Also the resolved conflicts, with the write that settled each and the value now.")
  boolean all;

  /** A register value (canonical JSON text) as the JSON value it is, not a string holding JSON. */
  private static com.fasterxml.jackson.databind.JsonNode value(String canonical) {
    try {
      return Json.MAPPER.readTree(canonical);
    } catch (java.io.IOException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(canonical); // never stored by cairn; shown as found
    }
  }

  public ConflictsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<ConflictRow> rows;
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      rows = all ? f.view().queries().conflicts() : f.view().queries().openConflicts();
    }
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      rows.forEach(c -> out.addObject().put("session", c.session()).put("register", c.register()).put("prev", c.prev())
          .put("winner_origin", c.winnerOrigin()).put("winner_seq", c.winnerSeq()).put("winner_hlc", c.winnerHlc())
          .<ObjectNode>set("winner_value", value(c.winnerValue())).put("loser_origin", c.loserOrigin()).put("loser_seq", c.loserSeq())
          .put("loser_hlc", c.loserHlc()).<ObjectNode>set("loser_value", value(c.loserValue())).put("resolved", c.isResolved())
          .put("resolved_by", c.resolvedBy()).set("resolution", c.resolution() == null ? null : value(c.resolution())));
      ctx.out().println(Json.write(out));
      return 0;
    }
    if (rows.isEmpty()) {
      ctx.out().println(all ? "no conflicts" : "no open conflicts (--all shows resolved ones)");
      return 0;
    }
    String last = "";
    for (ConflictRow c : rows) {
      String group = c.session() + " " + c.register() + " " + c.prev();
      if (!group.equals(last)) {
        TerminalText.writer(ctx.out()).printf("%s  %s  (both saw %s)%s%n  winner  %-24s %s%n", c.session(), c.register(),
            c.prev().isEmpty() ? "no value" : c.prev(), c.isResolved() ? "  resolved by " + c.resolvedBy() + ": now " + c.resolution() : "",
            c.winnerOrigin() + "/" + c.winnerSeq(), c.winnerValue());
        last = group;
      }
      TerminalText.writer(ctx.out()).printf("  loser   %-24s %s%n", c.loserOrigin() + "/" + c.loserSeq(), c.loserValue());
    }
    return 0;
  }
}
