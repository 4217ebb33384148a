package dev.cairn.cli;

import dev.cairn.cli.admin.DemoCommand;
import dev.cairn.cli.admin.InitCommand;
import dev.cairn.cli.admin.RebuildCommand;
import dev.cairn.cli.admin.StatusCommand;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.curation.PinCommand;
import dev.cairn.cli.curation.PurgeCommand;
import dev.cairn.cli.curation.RenameCommand;
import dev.cairn.cli.curation.RestoreCommand;
import dev.cairn.cli.curation.StarCommand;
import dev.cairn.cli.curation.TagCommand;
import dev.cairn.cli.curation.TrashCommand;
import dev.cairn.cli.curation.UnpinCommand;
import dev.cairn.cli.curation.UnstarCommand;
import dev.cairn.cli.curation.UntagCommand;
import dev.cairn.cli.imports.ImportCommand;
import dev.cairn.cli.query.ConflictsCommand;
import dev.cairn.cli.query.DigestCommand;
import dev.cairn.cli.query.SearchCommand;
import dev.cairn.cli.query.SessionsCommand;
import dev.cairn.cli.query.ShowCommand;
import dev.cairn.cli.query.TailCommand;
import dev.cairn.cli.sync.GcCommand;
import dev.cairn.cli.sync.PeersCommand;
import dev.cairn.cli.sync.ReconcileCommand;
import dev.cairn.cli.sync.ServeCommand;
import dev.cairn.cli.sync.SyncCommand;
import dev.cairn.cli.sync.TargetCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code cairn} command: global options and the list of verbs. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    version = "cairn 0.1.0",
    description = {
        "Keeps one complete, curated archive of AI-agent sessions on every machine you use.",
        "Every change is an event in a local ledger; 'view.db' is a SQLite view built from it.",
        "",
        "Start with: cairn init, cairn import claude, cairn sessions, cairn search WORDS, cairn star SESSION."},
    footer = {"", "The home is --home DIR, else $CAIRN_HOME, else ~/.cairn. Docs: docs/cli.md."},
    subcommands = {
        InitCommand.class,
        ImportCommand.class,
        SessionsCommand.class,
        ShowCommand.class,
        SearchCommand.class,
        StarCommand.class,
        UnstarCommand.class,
        RenameCommand.class,
        TagCommand.class,
        UntagCommand.class,
        PinCommand.class,
        UnpinCommand.class,
        TrashCommand.class,
        RestoreCommand.class,
        PurgeCommand.class,
        ConflictsCommand.class,
        SyncCommand.class,
        ReconcileCommand.class,
        GcCommand.class,
        ServeCommand.class,
        TargetCommand.class,
        PeersCommand.class,
        TailCommand.class,
        DigestCommand.class,
        RebuildCommand.class,
        StatusCommand.class,
        DemoCommand.class,
        picocli.CommandLine.HelpCommand.class})
public final class CairnCommand implements Runnable {
  private final Context ctx;
  @Spec CommandSpec spec;

  public CairnCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Option(names = "--home", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The cairn home (default: $CAIRN_HOME, else ~/.cairn).")
  void home(String dir) {
    ctx.homeFlag(dir);
  }

  @Override
  public void run() {
    spec.commandLine().usage(ctx.out());
  }
}
