package dev.cairn.cli.query;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.projection.SessionFilter;
import picocli.CommandLine.Option;

/**
 * The filters {@code sessions} and {@code search} share, as picocli options (a mixin). Filters
 * combine (AND). Not thread-safe (picocli fills it).
 */
public final class SessionFilterOptions {
  @Option(names = "--starred", description = "Only starred sessions.")
  boolean starred;

  @Option(names = "--tag", paramLabel = "TAG", description = "Only sessions with this tag.")
  String tag;

  @Option(names = "--project", paramLabel = "P", description = "Only sessions of this project.")
  String project;

  @Option(names = "--agent", paramLabel = "A", description = "Only sessions of this agent (e.g. claude-code).")
  String agent;

  @Option(names = "--machine", paramLabel = "ORIGIN", description = "Only sessions recorded on this machine (its origin id, as 'peers' lists).")
  String machine;

  @Option(names = "--since", paramLabel = "DATE", description = "Only sessions started on or after DATE (2025-11-20, or any ISO-8601 prefix).")
  String since;

  @Option(names = "--until", paramLabel = "DATE", description = "Only sessions started on or before DATE (2025-11-20 includes that whole day).")
  String until;

  /** {@code base} narrowed by these options. */
  SessionFilter apply(SessionFilter base) {
    return base.withStarred(starred ? Boolean.TRUE : null).withTag(tag).withProject(project).withAgent(agent).withOrigin(machine)
        .withSince(date("--since", since)).withUntil(date("--until", until));
  }

  private static String date(String option, String value) {
    if (value != null && !SessionFilter.isDatePrefix(value)) {
      throw new BadInputException(option, 0, "expected a date like 2025-11-20, found '" + value + "'");
    }
    return value;
  }
}
