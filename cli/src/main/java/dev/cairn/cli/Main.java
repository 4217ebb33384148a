package dev.cairn.cli;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.CairnException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * The composition root: builds the command line with a {@link Context} for every verb, maps
 * errors to one line on stderr and an exit code, and exits.
 *
 * <p>Exit codes: 0 success; 1 internal error (a bug: please report); 2 usage error (unknown verb
 * or option, missing argument); 3 bad input (a file, line or value cairn does not accept); 4 the
 * home's state forbids it (not initialised, another writer holds the lock); 5 stored data is
 * corrupt; 6 an I/O error.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("chronicle.analytics.disable", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Context ctx = new Context(System.getenv(), System.in, out, err, System.console() != null, java.time.Clock.systemUTC(),
        java.nio.file.Path.of(System.getProperty("user.home")));
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
      ctx.err().println("cairn: " + e.getMessage());
      ctx.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, ctx));
    return cli.execute(args);
  }

  static int report(Exception e, Context ctx) {
    if (e instanceof CommandLine.ParameterException p) {
      ctx.err().println("cairn: " + p.getMessage());
      return 2;
    }
    if (e instanceof CairnException c) {
      ctx.err().println("cairn: " + oneLine(c.getMessage()));
      return exitCode(c);
    }
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      // an operating error (a full disk, a permission, a vanished file), not a bug: one line, exit 6
      Throwable io = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      String m = String.valueOf(io.getMessage());
      ctx.err().println("cairn: " + (m.contains("No space left") ? "no space left on device (" + oneLine(m) + ")" : "I/O error: " + oneLine(m)));
      return 6;
    }
    ctx.err().println("cairn: internal error: " + e + " (set CAIRN_DEBUG=1 for the stack trace)");
    if (ctx.env("CAIRN_DEBUG") != null) {
      e.printStackTrace(ctx.err());
    }
    return 1;
  }

  /** A message on one line: a parser's multi-line detail (JSON, TOML) folded in. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** The exit code that says what kind of failure {@code c} is (docs/cli.md lists them). */
  public static int exitCode(CairnException c) {
    return switch (c.kind()) {
      case BAD_INPUT -> 3;
      case STATE -> 4;
      case CORRUPT -> 5;
      case IO -> 6;
    };
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
