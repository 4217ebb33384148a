package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.GeminiFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import gemini [DIR]}: imports Gemini CLI chat recordings. */
@Command(name = "gemini", header = "Import Gemini CLI chats (incremental; default ~/.gemini).", mixinStandardHelpOptions = true,
    description = {"Import Gemini CLI chat recordings: every tmp/<project-hash>/chats/session-*.jsonl (and the older",
        "session-*.json) under DIR (default ~/.gemini). Incremental like 'import claude'; a rewound exchange",
        "($rewindTo) is left out of the session's messages. Mapping: docs/import-gemini.md.",
        "Secrets are redacted before anything is stored (docs/redaction.md)."})
public final class ImportGeminiCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The Gemini folder (default: ~/.gemini).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportGeminiCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = dir != null ? dir : GeminiFormat.INSTANCE.defaultRoot(ctx::env, ctx.userHome());
    AgentImportVerb.run(ctx, Home.of(ctx), GeminiFormat.INSTANCE, root, dryRun, json);
    return 0;
  }
}
