package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.ProgressListener;
import dev.cairn.projection.Rebuild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code scale}: the rebuild's events/s at several sizes of real-shaped ledger, each rebuilt in a
 * child JVM with the launcher's settings ({@code -XX:+UseSerialGC -Xms32m -Xmx1g}), with the
 * child's peak resident memory (VmHWM): rebuild streams, so neither should move much with size.
 * Goal: events/s flat within 20 % of the smallest size.
 */
public final class ScaleFigure {
  private ScaleFigure() {}

  /** Runs in the child: rebuild the ledger under {@code home}, print "events seconds vmhwm_kb". */
  public static void child(Path home) throws Exception {
    long t0 = System.nanoTime();
    Rebuild.Result r;
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      r = Rebuild.run(reader, home.resolve("scale.db"), ProgressListener.NONE);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long events = r.position().entries();
    System.out.println("SCALE " + events + " " + seconds + " " + vmHwmKb());
  }

  static long vmHwmKb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** One measured size: events, events/s, peak RSS in MB. */
  public record Point(long events, double perSecond, double peakRssMb) {}

  public static Point measure(Path home) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access") || arg.startsWith("-D") || arg.startsWith("--sun-misc")) {
        cmd.add(arg);
      }
    }
    cmd.addAll(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx1g", "-Dchronicle.analytics.disable=true", "-cp", System.getProperty("java.class.path"),
        "dev.cairn.bench.BenchMain", "--scale-child", home.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("SCALE ")) {
          result = line;
        }
      }
    }
    if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0 || result == null) {
      throw new IllegalStateException("scale child failed (exit " + p.exitValue() + ")");
    }
    String[] f = result.split(" ");
    long events = Long.parseLong(f[1]);
    return new Point(events, events / Double.parseDouble(f[2]), Long.parseLong(f[3]) / 1024.0);
  }

  public static List<Figure> figures(List<Point> points) {
    List<Figure> out = new ArrayList<>();
    Point base = points.get(0);
    for (Point p : points) {
      out.add(Figure.throughput("scale-" + label(p.events()), p.perSecond(), "events/s", "rebuild at " + label(base.events()) + " (goal >= 0.8)",
          base.perSecond(), String.format("real-shaped; peak RSS %.0f MB with the launcher's heap settings", p.peakRssMb())));
    }
    return out;
  }

  static String label(long n) {
    return n >= 1_000_000 ? (n / 1_000_000) + "M" : n >= 1000 ? (n / 1000) + "k" : Long.toString(n);
  }
}
