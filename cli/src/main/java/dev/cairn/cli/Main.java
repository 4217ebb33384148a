package dev.cairn.cli;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.ledger.CairnException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * The composition root: builds the command line with a {@link Context} for every verb, maps
 * errors to one line on stderr and an exit code, and exits.
 *
 * <p>Exit codes are {@link ExitCode}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("chronicle.analytics.disable", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Context ctx = new Context(System.getenv(), System.in, out, err, System.console() != null, java.time.Clock.systemUTC(),
        java.nio.file.Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    int code = run(args, ctx);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. Used by tests in-process. */
  public static int run(String[] args, Context ctx) {
    Factory factory = new Factory(ctx);
    CommandLine cli = new CommandLine(new CairnCommand(ctx), factory);
    CairnCommand.addVerbs(cli, ctx, factory);
    cli.setOut(ctx.out());
    cli.setErr(ctx.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpWidth(120);
    cli.setParameterExceptionHandler((e, a) -> {
      ctx.err().println("cairn: " + dev.cairn.cli.command.UsageError.describe(e));
      ctx.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCode.USAGE.code();
    });
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, ctx));
    return cli.execute(args);
  }

  static int report(Exception e, Context ctx) {
    if (e instanceof CommandLine.ParameterException p) {
      ctx.err().println("cairn: " + dev.cairn.cli.command.UsageError.describe(p));
      return ExitCode.USAGE.code();
    }
    if (e instanceof CairnException c) {
      ctx.err().println("cairn: " + oneLine(c.getMessage()));
      return ExitCode.of(c).code();
    }
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      // an operating error (a full disk, a permission, a vanished file), not a bug: one line, exit 6
      Throwable io = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      String m = String.valueOf(io.getMessage());
      ctx.err().println("cairn: " + (m.contains("No space left") ? "no space left on device (" + oneLine(m) + ")" : "I/O error: " + oneLine(m)));
      return ExitCode.IO.code();
    }
    ctx.err().println("cairn: internal error: " + e + " (set CAIRN_DEBUG=1 for the stack trace)");
    if (ctx.env("CAIRN_DEBUG") != null) {
      e.printStackTrace(ctx.err());
    }
    return ExitCode.INTERNAL.code();
  }

  /** A message on one line: a parser's multi-line detail (JSON, TOML) folded in. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Creates verbs with the {@link Context}: a verb has a constructor taking it, or none. */
  private record Factory(Context ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> withContext = cls.getDeclaredConstructor(Context.class);
        return withContext.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

}
