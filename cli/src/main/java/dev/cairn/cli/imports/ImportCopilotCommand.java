package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.CopilotFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import copilot [DIR]}: imports Copilot CLI event logs. */
@Command(name = "copilot", header = "Import Copilot CLI sessions (incremental; default ~/.copilot).", mixinStandardHelpOptions = true,
    description = {"Import GitHub Copilot CLI sessions: every session-state/<id>/events.jsonl (and the older",
        "session-state/<id>.jsonl) under DIR (default ~/.copilot). Incremental like 'import claude'.",
        "Mapping: docs/import-copilot.md. Secrets are redacted before anything is stored (docs/redaction.md)."})
public final class ImportCopilotCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The Copilot folder (default: ~/.copilot).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportCopilotCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = dir != null ? dir : CopilotFormat.INSTANCE.defaultRoot(ctx::env, ctx.userHome());
    AgentImportVerb.run(ctx, Home.of(ctx), CopilotFormat.INSTANCE, root, dryRun, json);
    return 0;
  }
}
