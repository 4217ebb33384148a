package dev.cairn.cli;

import dev.cairn.cli.admin.InitCommand;
import dev.cairn.cli.admin.RebuildCommand;
import dev.cairn.cli.admin.ServiceCommand;
import dev.cairn.cli.admin.StatusCommand;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.curation.FlagVerb;
import dev.cairn.cli.curation.PinCommand;
import dev.cairn.cli.curation.PurgeCommand;
import dev.cairn.cli.curation.RenameCommand;
import dev.cairn.cli.curation.TagVerb;
import dev.cairn.cli.curation.UnpinCommand;
import dev.cairn.cli.imports.ImportCommand;
import dev.cairn.cli.query.ConflictsCommand;
import dev.cairn.cli.query.DigestCommand;
import dev.cairn.cli.query.SearchCommand;
import dev.cairn.cli.query.SessionsCommand;
import dev.cairn.cli.query.ShowCommand;
import dev.cairn.cli.query.TailCommand;
import dev.cairn.cli.sync.GcCommand;
import dev.cairn.cli.sync.OpenCommand;
import dev.cairn.cli.sync.PeersCommand;
import dev.cairn.cli.sync.ReconcileCommand;
import dev.cairn.cli.sync.ServeCommand;
import dev.cairn.cli.sync.SyncCommand;
import dev.cairn.cli.sync.TargetCommand;
import java.util.List;
import picocli.CommandLine;
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
    footer = {"", "The home is --home DIR, else $CAIRN_HOME, else ~/.cairn. Docs: docs/cli.md."})
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

  /**
   * Adds every verb, in the order {@code --help} lists them. Star, unstar, trash and restore are one
   * class with four rows ({@link FlagVerb.Row}); tag and untag one with two ({@link TagVerb.Row}).
   */
  static void addVerbs(CommandLine cli, Context ctx, CommandLine.IFactory factory) {
    cli.addSubcommand(InitCommand.class);
    cli.addSubcommand(ImportCommand.class);
    cli.addSubcommand(SessionsCommand.class);
    cli.addSubcommand(ShowCommand.class);
    cli.addSubcommand(SearchCommand.class);
    cli.addSubcommand(dev.cairn.cli.usage.UsageCommand.class);
    cli.addSubcommand(dev.cairn.cli.mcp.McpCommand.class);
    add(cli, FlagVerb.Row.STAR.verb(), new FlagVerb(ctx, FlagVerb.Row.STAR), FlagVerb.Row.STAR.description(), factory);
    add(cli, FlagVerb.Row.UNSTAR.verb(), new FlagVerb(ctx, FlagVerb.Row.UNSTAR), FlagVerb.Row.UNSTAR.description(), factory);
    cli.addSubcommand(RenameCommand.class);
    for (TagVerb.Row row : TagVerb.Row.values()) {
      add(cli, row.verb(), new TagVerb(ctx, row), row.description(), factory);
    }
    cli.addSubcommand(PinCommand.class);
    cli.addSubcommand(UnpinCommand.class);
    add(cli, FlagVerb.Row.TRASH.verb(), new FlagVerb(ctx, FlagVerb.Row.TRASH), FlagVerb.Row.TRASH.description(), factory);
    add(cli, FlagVerb.Row.RESTORE.verb(), new FlagVerb(ctx, FlagVerb.Row.RESTORE), FlagVerb.Row.RESTORE.description(), factory);
    for (Class<?> verb : List.of(PurgeCommand.class, ConflictsCommand.class, SyncCommand.class,
        dev.cairn.cli.sync.PushCommand.class, dev.cairn.cli.sync.PullCommand.class, ReconcileCommand.class, GcCommand.class,
        ServeCommand.class, OpenCommand.class, TargetCommand.class, PeersCommand.class, TailCommand.class, DigestCommand.class, RebuildCommand.class,
        dev.cairn.cli.admin.VerifyCommand.class,
        StatusCommand.class, ServiceCommand.class, DemoCommand.class, CommandLine.HelpCommand.class)) {
      cli.addSubcommand(verb);
    }
  }

  private static void add(CommandLine cli, String name, Object verb, String[] description, CommandLine.IFactory factory) {
    CommandLine sub = new CommandLine(verb, factory);
    sub.getCommandSpec().usageMessage().description(description);
    cli.addSubcommand(name, sub);
  }

  @Override
  public void run() {
    spec.commandLine().usage(ctx.out());
  }
}
