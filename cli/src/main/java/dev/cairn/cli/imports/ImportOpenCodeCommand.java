package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.OpenCodeFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import opencode [DIR]}: imports OpenCode sessions from its database. */
@Command(name = "opencode", header = "Import OpenCode sessions (incremental; default ~/.local/share/opencode).", mixinStandardHelpOptions = true,
    description = {"Import OpenCode sessions from DIR/opencode.db (default $XDG_DATA_HOME/opencode, else",
        "~/.local/share/opencode), read read-only while OpenCode may be writing it. A session is read again only",
        "when it changed. Mapping: docs/import-opencode.md. Secrets are redacted before anything is stored."})
public final class ImportOpenCodeCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The OpenCode data folder (default: $XDG_DATA_HOME/opencode, else ~/.local/share/opencode).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportOpenCodeCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = dir != null ? dir : OpenCodeFormat.INSTANCE.defaultRoot(ctx::env, ctx.userHome());
    AgentImportVerb.run(ctx, Home.of(ctx), OpenCodeFormat.INSTANCE, root, dryRun, json);
    return 0;
  }
}
