package dev.cairn.cli.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TerminalText;
import dev.cairn.projection.SearchHit;
import dev.cairn.projection.SearchResults;
import dev.cairn.projection.SessionFilter;
import dev.cairn.projection.SessionQueries;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn search QUERY}: full-text search over messages and tool calls. */
@Command(name = "search", header = "Full-text search over messages and tool calls.", mixinStandardHelpOptions = true,
    description = {"Search message text and tool calls (inputs and outputs), best matches first (BM25),",
        "with a snippet; [ and ] mark the matched words. Words are matched as given, all of them;",
        "--fts passes QUERY to SQLite FTS5 as is (\"exact phrase\", OR, NOT, prefix*, NEAR(a b)).",
        "When more than " + SessionQueries.SEARCH_WINDOW + " messages match, the best of the newest " + SessionQueries.SEARCH_WINDOW + " are shown",
        "(and a line says so): add words or filters to narrow the search."})
public final class SearchCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to find.")
  List<String> words;

  @Option(names = "--fts", description = "QUERY is FTS5 syntax.")
  boolean fts;

  @Option(names = "--all", description = "Also search trashed sessions.")
  boolean all;

  @Mixin
  SessionFilterOptions filters;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N results (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  public SearchCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String query = fts ? String.join(" ", words) : SessionQueries.plainQuery(String.join(" ", words));
    if (query.isBlank()) {
      throw new BadInputException("QUERY", 0, "expected at least one word to search for, found none");
    }
    SearchResults results;
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      SessionFilter filter = filters.apply(SessionFilter.DEFAULT)
          .withTrashed(all ? SessionFilter.Trashed.ALL : SessionFilter.Trashed.HIDE);
      results = f.view().queries().search(query, filter, limit);
    }
    List<SearchHit> hits = results.hits();
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      hits.forEach(h -> out.addObject().put("session", h.session()).put("title", h.title()).put("ordinal", h.ordinal())
          .put("role", h.role()).put("snippet", h.snippet()).put("rank", h.rank()));
      ctx.out().println(Json.write(out));
      return 0;
    }
    if (hits.isEmpty()) {
      ctx.out().println("no matches");
    } else if (results.windowed()) {
      ctx.out().println("more than " + SessionQueries.SEARCH_WINDOW + " messages match: the best of the newest "
          + SessionQueries.SEARCH_WINDOW + " (add words or filters to narrow)");
    }
    for (SearchHit h : hits) {
      TerminalText.writer(ctx.out()).printf("%s [%d] %s  %s%n    %s%n", h.session(), h.ordinal(), h.role(), h.title() == null ? "" : h.title(),
          h.snippet().replace("\n", " "));
    }
    return 0;
  }

}
