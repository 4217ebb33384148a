package dev.cairn.cli.command;

import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomePermissions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What every verb needs from the outside world, handed in by {@link Main} (the composition root):
 * the environment, the output streams and the {@code --home} flag. Nothing below the CLI reads
 * environment variables or system properties.
 *
 * <p>Not thread-safe; one per command-line invocation.
 */
public final class Context {
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private final InputStream in;
  public String homeFlag;

  public Context(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, boolean interactive) {
    this.env = env;
    this.in = in;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  /** The home this command works on; a home readable by others is made private first, with one line saying so. */
  public Home home() {
    Home home = Home.resolve(homeFlag, env.get("CAIRN_HOME"), line -> err.println("cairn: recovery: " + line));
    int changed = HomePermissions.tighten(home.root());
    if (changed > 0) {
      err.println("cairn: " + home.root() + " was readable by other users; made it private (directories 0700, files 0600; "
          + changed + " changed)");
    }
    return home;
  }

  public InputStream in() {
    return in;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Whether stdout is a terminal (progress bars and colours only then). */
  public boolean interactive() {
    return interactive;
  }

  public String env(String name) {
    return env.get(name);
  }
}
