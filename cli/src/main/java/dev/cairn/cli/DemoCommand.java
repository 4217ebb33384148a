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
 * {@code cairn demo}: the main job end to end on built-in sample data, in a fresh temporary home
 * (never the user's): import Claude Code transcripts (a session, another with a sub-agent), curate
 * them, receive another machine's events including a concurrent rename (a conflict), search,
 * rebuild, and show the digest unchanged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run cairn end to end on built-in sample data in a fresh temporary home (your home is untouched):",
        "init, import claude (sample transcripts), star/tag/rename/pin, import another machine's events",
        "(with a concurrent rename: a recorded conflict), conflicts, search, show, digest, rebuild, digest."})
final class DemoCommand implements Callable<Integer> {
  private static final String[] TRANSCRIPTS = {
      "claude/-home-ana-cairn/0b6c6a9e-flaky.jsonl",
      "claude/-home-ana-infra/5e2d7a10-s3.jsonl",
      "claude/-home-ana-infra/5e2d7a10-s3/subagents/agent-7f3e21.jsonl"};
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
      Path projects = unpackTranscripts(home);
      step("cairn init --origin demo-laptop", null, home, "init", "--origin", "demo-laptop");
      step("cairn import claude " + projects + "   (2 sessions, 1 sub-agent)", null, home, "import", "claude", projects.toString());
      step("cairn import claude " + projects + "   (again: nothing new)", null, home, "import", "claude", projects.toString());
      step("cairn sessions", null, home, "sessions");
      step("cairn star 0b6c", null, home, "star", "0b6c");
      step("cairn tag 0b6c testing hlc", null, home, "tag", "0b6c", "testing", "hlc");
      step("cairn rename 0b6c 'Flaky ledger test: inject the clock'", null, home, "rename", "0b6c", "Flaky ledger test: inject the clock");
      step("cairn pin 0b6c 2 --note 'root cause'", null, home, "pin", "0b6c", "2", "--note", "root cause");
      try (InputStream peer = DemoCommand.class.getResourceAsStream("demo/peer-events.ndjson")) {
        step("cairn import events -   (5 events from machine desk-77aa01, which renamed the same session)", peer, home,
            "import", "events", "-");
      }
      step("cairn conflicts", null, home, "conflicts");
      step("cairn search wall clock", null, home, "search", "wall", "clock");
      step("cairn sessions --starred", null, home, "sessions", "--starred");
      step("cairn show 0b6c", null, home, "show", "0b6c");
      step("cairn tail --from-start --type session.renamed   (the change feed)", null, home, "tail", "--from-start", "--type", "session.renamed");
      String before = capture(home, "digest");
      ctx.out().println("\n$ cairn digest\n" + before);
      step("cairn rebuild   (throw the view away, replay the ledger)", null, home, "rebuild");
      String after = capture(home, "digest");
      ctx.out().println("\n$ cairn digest\n" + after);
      ctx.out().println(before.equals(after)
          ? "\ndigest unchanged by the rebuild: the view is a pure function of the ledger."
          : "\nDIGEST CHANGED by the rebuild: this is a bug.");
      step("cairn status", null, home, "status");
      ctx.out().println("\nThe view is a plain SQLite file:  sqlite3 " + home.resolve("view.db")
          + " 'select session, title, starred, tags from session_view'" + (keep ? "" : "   (run with --keep to keep it)"));
      return before.equals(after) ? 0 : 1;
    } finally {
      if (keep) {
        ctx.out().println("\ndemo home kept at " + home);
      } else {
        deleteTree(home);
      }
    }
  }

  private static Path unpackTranscripts(Path home) throws IOException {
    Path projects = home.resolve("sample-claude-projects");
    for (String name : TRANSCRIPTS) {
      Path target = projects.resolve(name.substring("claude/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
        Files.copy(in, target);
      }
    }
    return projects;
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
