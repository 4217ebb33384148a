package dev.cairn.cli;

import dev.cairn.cli.Main;
import dev.cairn.cli.command.Context;
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
 * {@code cairn demo}: the main job end to end on built-in sample data, in fresh temporary homes
 * (never the user's): two machines each import their own Claude Code transcripts, sync through a
 * shared folder, curate the same session concurrently (a conflicting rename), sync again, and end
 * with equal digests and the same recorded conflict; then one rebuilds and keeps its digest.
 */
@Command(name = "demo", header = "Run the main job end to end on sample data (two machines, a folder).", mixinStandardHelpOptions = true,
    description = {"Run cairn end to end on built-in sample data in fresh temporary homes (yours is untouched):",
        "two machines (laptop and desk) import their Claude Code transcripts, sync through a shared folder,",
        "both rename the same session before syncing again (a recorded conflict), star, tag, pin, search;",
        "at the end both hold the same digest and the same conflict, and a rebuild keeps the digest.",
        "Then it serves the laptop's web UI (a login link is printed) until Ctrl-C; --no-serve ends there."})
public final class DemoCommand implements Callable<Integer> {
  private static final String[] LAPTOP = {
      "claude/-home-ana-cairn/0b6c6a9e-flaky.jsonl",
      "claude/-home-ana-infra/5e2d7a10-s3.jsonl",
      "claude/-home-ana-infra/5e2d7a10-s3/subagents/agent-7f3e21.jsonl"};
  private static final String[] DESK = {"claude-desk/-home-ana-cairn/c9e04b21-docs.jsonl"};
  private final Context ctx;

  @Option(names = "--keep", description = "Keep the temporary homes and print their paths (default: delete them).")
  boolean keep;

  @Option(names = "--no-serve", description = "End when the demo does, instead of serving the laptop's web UI until Ctrl-C.")
  boolean noServe;

  public DemoCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Path root = Files.createTempDirectory("cairn-demo-");
    Path laptop = root.resolve("laptop");
    Path desk = root.resolve("desk");
    String shared = "folder:" + java.nio.file.Files.createDirectories(root.resolve("shared-folder"));
    try {
      Path laptopProjects = unpack(root.resolve("laptop-claude-projects"), LAPTOP);
      Path deskProjects = unpack(root.resolve("desk-claude-projects"), DESK);
      title("Two machines, laptop and desk, each with its own Claude Code sessions");
      step("laptop$ cairn init --origin demo-laptop", laptop, "init", "--origin", "demo-laptop");
      step("desk$ cairn init --origin demo-desk", desk, "init", "--origin", "demo-desk");
      step("laptop$ cairn import claude   (2 sessions, 1 sub-agent)", laptop, "import", "claude", laptopProjects.toString());
      step("laptop$ cairn import claude   (again: nothing new, no file read)", laptop, "import", "claude", laptopProjects.toString());
      step("desk$ cairn import claude   (1 session)", desk, "import", "claude", deskProjects.toString());

      title("They sync through a shared folder (Syncthing, a NAS, a USB stick: any folder)");
      step("laptop$ cairn sync " + shared, laptop, "sync", shared);
      step("desk$ cairn sync " + shared, desk, "sync", shared);
      step("laptop$ cairn sync " + shared, laptop, "sync", shared);
      step("desk$ cairn sessions", desk, "sessions");

      title("Both rename the same session before syncing again: a fork, recorded as a conflict");
      step("laptop$ cairn rename 0b6c 'Flaky ledger test: inject the clock'", laptop, "rename", "0b6c", "Flaky ledger test: inject the clock");
      step("desk$ cairn rename 0b6c 'HLC test fix'", desk, "rename", "0b6c", "HLC test fix");
      step("laptop$ cairn star 0b6c", laptop, "star", "0b6c");
      step("laptop$ cairn pin 0b6c 2 --note 'root cause'", laptop, "pin", "0b6c", "2", "--note", "root cause");
      step("desk$ cairn tag 0b6c testing hlc", desk, "tag", "0b6c", "testing", "hlc");
      step("desk$ cairn sync " + shared, desk, "sync", shared);
      step("laptop$ cairn sync " + shared, laptop, "sync", shared);
      step("desk$ cairn sync " + shared + "   (again)", desk, "sync", shared);
      step("desk$ cairn conflicts", desk, "conflicts");
      step("laptop$ cairn conflicts", laptop, "conflicts");
      step("desk$ cairn show 0b6c", desk, "show", "0b6c");
      step("desk$ cairn search wall clock", desk, "search", "wall", "clock");
      step("laptop$ cairn peers", laptop, "peers");

      title("Same events, same data");
      String laptopDigest = capture(laptop, "digest");
      String deskDigest = capture(desk, "digest");
      ctx.out().println("\nlaptop$ cairn digest\n" + laptopDigest + "\ndesk$ cairn digest\n" + deskDigest);
      step("laptop$ cairn rebuild   (throw the view away, replay the ledger)", laptop, "rebuild");
      String rebuilt = capture(laptop, "digest");
      ctx.out().println("\nlaptop$ cairn digest\n" + rebuilt);
      boolean ok = laptopDigest.equals(deskDigest) && laptopDigest.equals(rebuilt);
      ctx.out().println(ok
          ? "\nequal digests on both machines, and after the rebuild: the view is a pure function of the events."
          : "\nDIGESTS DIFFER: this is a bug.");
      step("desk$ cairn status", desk, "status");
      if (ok && !noServe) {
        keep = true; // Ctrl-C ends the JVM while the service stops: the homes stay for a look afterwards
        title("The laptop's archive in the browser: open the link below (Ctrl-C stops)");
        step("laptop$ cairn serve", laptop, "serve", "--port", "0", "--claude-projects", laptopProjects.toString());
      }
      return ok ? 0 : 1;
    } finally {
      if (keep) {
        ctx.out().println("\ndemo kept: homes " + laptop + " and " + desk + ", shared folder " + root.resolve("shared-folder"));
      } else {
        deleteTree(root);
      }
    }
  }

  private void title(String text) {
    ctx.out().println("\n=== " + text + " ===");
  }

  private static Path unpack(Path projects, String[] names) throws IOException {
    for (String name : names) {
      Path target = projects.resolve(name.substring(name.indexOf('/') + 1));
      Files.createDirectories(target.getParent());
      try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
        Files.copy(in, target);
      }
    }
    return projects;
  }

  private void step(String title, Path home, String... args) {
    ctx.out().println("\n" + title);
    ctx.out().flush();
    int code = Main.run(withHome(home, args), ctx.child(InputStream.nullInputStream(), ctx.out(), ctx.err()));
    if (code != 0) {
      throw new DemoFailedException(title, code);
    }
  }

  private String capture(Path home, String... args) {
    var buffer = new java.io.StringWriter();
    int code = Main.run(withHome(home, args), ctx.child(InputStream.nullInputStream(), new java.io.PrintWriter(buffer, true), ctx.err()));
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
