package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.CodexFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import codex [DIR]}: imports Codex CLI rollouts. */
@Command(name = "codex", header = "Import Codex CLI sessions (incremental; default ~/.codex/sessions).", mixinStandardHelpOptions = true,
    description = {"Import Codex CLI rollouts: every YYYY/MM/DD/rollout-<time>-<uuid>.jsonl under DIR",
        "(default $CODEX_HOME/sessions, else ~/.codex/sessions). Incremental like 'import claude'; token",
        "counts are stored per turn (the difference of Codex's running totals). Mapping: docs/import-codex.md.",
        "Secrets are redacted before anything is stored (docs/redaction.md)."})
public final class ImportCodexCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The sessions folder (default: ~/.codex/sessions).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportCodexCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = dir != null ? dir : CodexFormat.INSTANCE.defaultRoot(ctx::env, ctx.userHome());
    AgentImportVerb.run(ctx, Home.of(ctx), CodexFormat.INSTANCE, root, dryRun, json);
    return 0;
  }
}
