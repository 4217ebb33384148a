package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn demo}: the main job end to end on embedded sample data, in a fresh temporary home
 * (never the user's): import local sessions and curation plus a second machine's events with a
 * concurrent rename, show the sessions and the feed, rebuild, and show the digest unchanged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run cairn end to end on built-in sample data in a fresh temporary home (your home is untouched):",
        "init, import events (this machine's sessions and curation, and another machine's events,",
        "including a concurrent rename: a conflict), sessions, tail, digest, rebuild, digest again."})
final class DemoCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--keep", description = "Keep the temporary home and print its path (default: delete it).")
  boolean keep;

  DemoCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path home = Files.createTempDirectory("cairn-demo-");
    try {
      step("cairn init --origin demo-laptop", null, home, "init", "--origin", "demo-laptop");
      try (InputStream sample = DemoCommand.class.getResourceAsStream("demo/sample-events.ndjson")) {
        step("cairn import events sample-events.ndjson   (13 local events, 5 from machine desk-77aa01)", sample, home, "import", "events", "-");
      }
      step("cairn sessions", null, home, "sessions");
      step("cairn tail --from-start   (the change feed)", null, home, "tail", "--from-start");
      String before = capture(home, "digest");
      ctx.out().println("\n$ cairn digest\n" + before);
      step("cairn rebuild   (throw the view away, replay the ledger)", null, home, "rebuild");
      String after = capture(home, "digest");
      ctx.out().println("\n$ cairn digest\n" + after);
      ctx.out().println(before.equals(after)
          ? "\ndigest unchanged by the rebuild: the view is a pure function of the ledger."
          : "\nDIGEST CHANGED by the rebuild: this is a bug.");
      step("cairn status", null, home, "status");
      ctx.out().println("\nThe rename of 'The ledger test fails...' by desk-77aa01 and the one made here saw the same version:");
      ctx.out().println("a conflict. The later one (here) stands; the other is kept in the view's 'conflicts' table:");
      ctx.out().println("  sqlite3 " + home.resolve("view.db") + " 'select * from conflicts'" + (keep ? "" : "   (use --keep)"));
      return before.equals(after) ? 0 : 1;
    } finally {
      if (keep) {
        ctx.out().println("\ndemo home kept at " + home);
      } else {
        deleteTree(home);
      }
    }
  }

  private void step(String title, InputStream in, Path home, String... args) {
    ctx.out().println("\n$ " + title);
    ctx.out().flush();
    int code = Main.run(withHome(home, args), new Context(java.util.Map.of(), in == null ? InputStream.nullInputStream() : in,
        ctx.out(), ctx.err(), ctx.interactive()));
    if (code != 0) {
      throw new DemoFailedException(title, code);
    }
  }

  private String capture(Path home, String... args) {
    var buffer = new java.io.StringWriter();
    int code = Main.run(withHome(home, args), new Context(java.util.Map.of(), InputStream.nullInputStream(),
        new java.io.PrintWriter(buffer, true), ctx.err(), false));
    if (code != 0) {
      throw new DemoFailedException(String.join(" ", args), code);
    }
    return buffer.toString().strip();
  }

  private static String[] withHome(Path home, String[] args) {
    String[] out = new String[args.length + 2];
    out[0] = "--home";
    out[1] = home.toString();
    System.arraycopy(args, 0, out, 2, args.length);
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A demo step failed; the step's own error was printed above. */
  static final class DemoFailedException extends dev.cairn.ledger.CairnException {
    DemoFailedException(String step, int code) {
      super("demo step '" + step + "' failed with exit code " + code);
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
