package dev.cairn.cli.usage;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.projection.UsageQuery;
import dev.cairn.projection.UsageRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn usage}: tokens and cost across every machine the archive holds. */
@Command(name = "usage", header = "Tokens and cost per day, week, month, session, project, machine or model, across every machine.",
    mixinStandardHelpOptions = true,
    description = {"Input, output, cache-write and cache-read tokens and their cost, per row and in total, over every",
        "session the archive holds (every machine's, sub-agents included, trashed too: the tokens were spent).",
        "Cost comes from a bundled, dated price table, overridden by CAIRN_HOME/prices.toml or --prices FILE;",
        "a model without a price is shown as unpriced, never guessed. Rules and tables: docs/usage.md."})
public final class UsageCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "GROUPING", arity = "0..1", defaultValue = "daily",
      description = "daily (default), weekly, monthly, session, project, machine, model or total.")
  String grouping;

  @Option(names = "--since", paramLabel = "DATE", description = "Only messages from DATE on (2025-11-20, or any ISO-8601 prefix).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only messages up to DATE, inclusive (2025-11-20 includes that day).")
  String until;

  @Option(names = "--agent", paramLabel = "A", description = "Only this agent's sessions (claude-code, codex, gemini-cli, ...).")
  String agent;

  @Option(names = "--project", paramLabel = "P", description = "Only this project's sessions.")
  String project;

  @Option(names = "--machine", paramLabel = "ORIGIN", description = "Only sessions recorded on this machine.")
  String machine;

  @Option(names = "--by-machine", description = "Split every row by the machine that recorded the session.")
  boolean byMachine;

  @Option(names = "--prices", paramLabel = "FILE", description = "A price table to use on top of the bundled one (default: CAIRN_HOME/prices.toml).")
  Path prices;

  @Option(names = "--json", description = "Print rows and total as JSON, with the table and date that priced each model.")
  boolean json;

  public UsageCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UsageQuery.Grouping g;
    try {
      g = UsageQuery.Grouping.valueOf(grouping.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("GROUPING", 0, "expected daily, weekly, monthly, session, project, machine, model or total, found '"
          + grouping + "'");
    }
    for (String[] d : new String[][] {{"--since", since}, {"--until", until}}) {
      if (d[1] != null && !dev.cairn.projection.SessionFilter.isDatePrefix(d[1])) {
        throw new BadInputException(d[0], 0, "expected a date like 2025-11-20, found '" + d[1] + "'");
      }
    }
    if (prices != null && !java.nio.file.Files.isRegularFile(prices)) {
      throw new BadInputException("--prices", 0, "expected a price table file, found nothing at " + prices);
    }
    Home home = Home.of(ctx);
    PriceTable table = PriceTable.load(prices != null ? prices : home.root().resolve("prices.toml"));
    List<UsageRow> rows;
    try (Views.Fresh f = Views.caughtUp(home)) {
      rows = f.view().usage().rows(g, new UsageQuery.Filter(since, until, agent, project, machine), byMachine);
    }
    UsageReport report = UsageReport.of(g, rows, table);
    Map<String, UsageReport.Line> lines = report.lines();
    UsageReport.Line total = report.total();
    if (json) {
      ctx.out().println(Json.write(report.toJson()));
      return 0;
    }
    if (lines.isEmpty()) {
      ctx.out().println("no token usage recorded" + (since != null || until != null || agent != null || project != null || machine != null
          ? " for these filters" : ""));
      return 0;
    }
    String head = g == UsageQuery.Grouping.TOTAL ? "" : g.name().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT);
    ctx.out().printf("%-36s %s%14s %14s %14s %14s %12s%n", head.isEmpty() ? "" : head, byMachine ? String.format("%-16s ", "MACHINE") : "",
        "INPUT", "OUTPUT", "CACHE WRITE", "CACHE READ", "COST");
    for (UsageReport.Line l : lines.values()) {
      print(l);
    }
    print(total);
    if (total.unpricedTokens > 0) {
      ctx.out().println("unpriced: " + String.format(Locale.ROOT, "%,d", total.unpricedTokens) + " tokens of models without a price "
          + "(add them to CAIRN_HOME/prices.toml; docs/usage.md)");
    }
    return 0;
  }

  private void print(UsageReport.Line l) {
    String cost = l.cost == 0 && l.unpricedTokens > 0 ? "unpriced" : String.format(Locale.ROOT, "$%.2f%s", l.cost, l.unpricedTokens > 0 ? "+" : "");
    String group = l.group.length() > 36 ? l.group.substring(0, 35) + "\u2026" : l.group;
    ctx.out().printf(Locale.ROOT, "%-36s %s%,14d %,14d %,14d %,14d %12s%n", group, byMachine ? String.format("%-16s ", l.machine == null ? "" : l.machine) : "",
        l.input, l.output, l.cacheWrite, l.cacheRead, cost);
  }

}
