package dev.cairn.cli.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.Views;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.TerminalText;
import dev.cairn.projection.SessionFilter;
import dev.cairn.projection.SessionRow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn sessions}: lists sessions with their curated fields. */
@Command(name = "sessions", header = "List sessions with curated fields; filter by star, tag, project, agent, machine, date.", mixinStandardHelpOptions = true,
    description = {"List sessions, newest first, with curated title, star (*), message count and tags.",
        "Trashed sessions are hidden unless --all or --trashed. Filters combine (AND).",
        "Sub-agent and compaction sessions are folded under their parent (SUBS counts them); --all-kinds lists them too."})
public final class SessionsCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--all", description = "Include trashed sessions.")
  boolean all;

  @Option(names = "--trashed", description = "Only trashed sessions.")
  boolean trashed;






  @Mixin
  SessionFilterOptions filters;

  @Option(names = "--limit", paramLabel = "N", description = "At most N sessions (default: all).")
  int limit;

  @Option(names = "--all-kinds", description = "List sub-agent and compaction sessions as rows of their own (by default they are"
      + " folded under their parent, which counts them).")
  boolean allKinds;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  public SessionsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    List<SessionRow> rows;
    java.util.Map<String, Long> subAgents;
    java.util.Map<String, String> refs;
    try (Views.Fresh f = Views.caughtUp(Home.of(ctx))) {
      SessionFilter.Trashed t = trashed ? SessionFilter.Trashed.ONLY : all ? SessionFilter.Trashed.ALL : SessionFilter.Trashed.HIDE;
      rows = f.view().queries().sessions(filters.apply(SessionFilter.DEFAULT).withTrashed(t).withLimit(limit).withTopLevel(!allKinds && !trashed));
      subAgents = f.view().queries().subAgentCounts();
      refs = json ? java.util.Map.of() : f.view().queries().shortRefs(rows.stream().map(SessionRow::session).toList(), SHORT_REF);
    }
    if (json) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (SessionRow r : rows) {
        out.addObject().put("session", r.session()).put("title", r.title()).put("project", r.project()).put("agent", r.agent())
            .put("started_at", r.startedAt()).put("ended_at", r.endedAt()).put("starred", r.starred()).put("trashed", r.trashed())
            .put("tags", r.tags()).put("pins", r.pins()).put("messages", r.messages()).put("parent", r.parent())
            .put("kind", r.kind()).put("sub_agents", subAgents.getOrDefault(r.session(), 0L));
      }
      ctx.out().println(Json.write(out));
      return 0;
    }
    if (rows.isEmpty()) {
      ctx.out().println("no sessions");
      return 0;
    }
    int width = Math.max(7, refs.values().stream().mapToInt(String::length).max().orElse(7));
    String format = "%-1s %-" + width + "s %-20s %-36s %5s %4s  %s%n";
    TerminalText.writer(ctx.out()).printf(format, "", "SESSION", "STARTED", "TITLE", "MSGS", "SUBS", "TAGS");
    for (SessionRow r : rows) {
      long subs = subAgents.getOrDefault(r.session(), 0L);
      TerminalText.writer(ctx.out()).printf(format, r.starred() ? "*" : (r.trashed() ? "x" : ""), refs.get(r.session()),
          cut(r.startedAt() == null ? "" : r.startedAt(), 20), cut(r.title() == null ? "" : r.title(), 36), Long.toString(r.messages()),
          subs == 0 ? "" : Long.toString(subs), r.tags() == null ? "" : r.tags());
    }
    return 0;
  }

  /** The fewest characters of a session's native id a list shows (more when needed to tell it from another). */
  static final int SHORT_REF = 8;

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
