package dev.cairn.cli.imports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn import}: the parent of the importers. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import into the ledger: claude (Claude Code transcripts) or events (NDJSON events).",
    subcommands = {ImportClaudeCommand.class, ImportEventsCommand.class})
public final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
