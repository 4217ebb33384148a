package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.AgentFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn import}: with an agent, that agent's importer; without one, every agent whose
 * folder exists on this machine, one summary line each.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    header = "Import agents' transcripts (all whose folders exist, or one) or NDJSON events.",
    description = {"Without a subcommand: import every agent whose folder exists here (Claude Code, Codex CLI,",
        "Gemini CLI, Copilot CLI, OpenCode), one summary line per agent.",
        "With one: claude, codex, gemini, copilot, opencode (sessions) or events (NDJSON events)."},
    subcommands = {ImportClaudeCommand.class, ImportCodexCommand.class, ImportGeminiCommand.class, ImportCopilotCommand.class, ImportOpenCodeCommand.class, ImportEventsCommand.class})
public final class ImportCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print each agent's summary as JSON (one object per line).")
  boolean json;

  public ImportCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Home home = Home.of(ctx);
    int found = 0;
    for (AgentFormat format : AgentImportRun.FORMATS) {
      Path root = format.defaultRoot(ctx::env, ctx.userHome());
      if (Files.isDirectory(root)) {
        found++;
        AgentImportVerb.run(ctx, home, format, root, dryRun, json);
      }
    }
    if (found == 0) {
      ctx.out().println("no agent's folder here (looked for " + String.join(", ",
          AgentImportRun.FORMATS.stream().map(f -> f.defaultRoot(ctx::env, ctx.userHome()).toString()).toList()) + ")");
    }
    return 0;
  }
}
