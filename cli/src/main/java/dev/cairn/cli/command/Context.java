package dev.cairn.cli.command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What every verb needs from the outside world, handed in by {@code Main} (the composition root):
 * the environment, the user's home directory, the clock, the streams and the {@code --home} flag
 * ({@code Home.of(ctx)} turns them into the home a verb works on).
 * Nothing below the CLI reads environment variables, system properties or the system clock.
 *
 * <p>Not thread-safe; one per command-line invocation.
 */
public final class Context {
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private final InputStream in;
  private final Clock clock;
  private final Path userHome;
  private final String osName;
  private String homeFlag;

  public Context(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, boolean interactive, Clock clock, Path userHome,
      String osName) {
    this.osName = osName;
    this.env = Map.copyOf(env);
    this.in = in;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.clock = clock;
    this.userHome = userHome;
  }

  /**
   * For in-process runs (tests): the system clock, a user home of {@code HOME} in {@code env} (else
   * the working directory), and the operating system {@code CAIRN_OS_NAME} in {@code env} names (else Linux).
   */
  public Context(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, boolean interactive) {
    this(env, in, out, err, interactive, Clock.systemUTC(), Path.of(env.getOrDefault("HOME", ".")).toAbsolutePath(),
        env.getOrDefault("CAIRN_OS_NAME", "Linux"));
  }

  /** A context for a command run inside this one (the demo's steps): the same environment, clock and user, other streams. */
  public Context child(InputStream in, PrintWriter out, PrintWriter err) {
    return new Context(env, in, out, err, false, clock, userHome, osName);
  }

  /** Set by the top-level command's {@code --home} option while picocli parses. */
  public void homeFlag(String dir) {
    this.homeFlag = dir;
  }

  /** The {@code --home} flag, or null. */
  public String homeFlag() {
    return homeFlag;
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

  /** The clock every verb stamps and measures with. */
  public Clock clock() {
    return clock;
  }

  /** The user's home directory (where ~/.cairn and ~/.claude are). */
  public Path userHome() {
    return userHome;
  }

  /** The operating system's name ({@code os.name}: "Linux", "Mac OS X", ...). */
  public String osName() {
    return osName;
  }

  public String env(String name) {
    return env.get(name);
  }
}
