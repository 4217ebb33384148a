package dev.cairn.ledger;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** Starts a child JVM with this JVM's class path and module flags (Chronicle's), for crash tests. */
public final class ChildJvm {
  private ChildJvm() {}

  public static Process start(Class<?> main, String... args) throws java.io.IOException {
    return start(java.util.Map.of(), main, args);
  }

  /** As {@link #start(Class, String...)}, with {@code env} added to the child's environment. */
  public static Process start(java.util.Map<String, String> env, Class<?> main, String... args) throws java.io.IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access") || arg.startsWith("-Dchronicle")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Dchronicle.analytics.disable=true");
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1"); // a child lives seconds: start fast rather than peak
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(env);
    return pb.start();
  }
}
