package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.ClaudeFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import claude [DIR]}: imports Claude Code transcripts. */
@Command(name = "claude", header = "Import Claude Code transcripts (incremental; default ~/.claude/projects).", mixinStandardHelpOptions = true,
    description = {"Import Claude Code transcripts: every <project>/<session>.jsonl and its sub-agents",
        "(<session>/subagents/agent-*.jsonl) under DIR (default ~/.claude/projects).",
        "Incremental: unchanged files are not read; a grown file yields only new or changed messages;",
        "running it twice appends nothing the second time. A half-written last line waits for the next run.",
        "Malformed lines are reported (file:line) and skipped. Mapping: docs/import-claude.md.",
        "Secrets (API keys, tokens, private keys, credentials in URLs, password= assignments) are replaced",
        "with [redacted:<rule>] before anything is stored; --dry-run lists where. Rules: docs/redaction.md."})
public final class ImportClaudeCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The projects folder (default: ~/.claude/projects).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportClaudeCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = dir != null ? dir : ClaudeFormat.INSTANCE.defaultRoot(ctx::env, ctx.userHome());
    AgentImportVerb.run(ctx, Home.of(ctx), ClaudeFormat.INSTANCE, root, dryRun, json);
    return 0;
  }
}
