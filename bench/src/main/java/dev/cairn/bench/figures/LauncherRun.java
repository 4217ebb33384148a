package dev.cairn.bench.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./cairn} as a person does, a new JVM each time, under {@code /usr/bin/time} when it is
 * there: what it printed, how long it took, and its peak resident memory. A non-zero exit is an
 * error (the figure is wrong without the run). Stateless.
 */
record LauncherRun(String out, double seconds, long peakRssKb) {
  private static final Path TIME = Path.of("/usr/bin/time");

  static boolean canMeasureMemory() {
    return Files.isExecutable(TIME);
  }

  static LauncherRun of(Path launcher, List<String> args) throws IOException, InterruptedException {
    Path rss = Files.createTempFile("cairn-rss", ".txt");
    try {
      List<String> cmd = new ArrayList<>();
      if (canMeasureMemory()) {
        cmd.addAll(List.of(TIME.toString(), "-o", rss.toString(), "-f", "%M"));
      }
      cmd.add(launcher.toString());
      cmd.addAll(args);
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("cairn " + args + " did not finish");
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (p.exitValue() != 0) {
        throw new IllegalStateException("cairn " + args + " exited " + p.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse(""));
      }
      String text = Files.readString(rss).trim();
      long kb = text.isEmpty() ? 0 : Long.parseLong(text.lines().reduce((a, b) -> b).orElse("0").trim());
      return new LauncherRun(out, seconds, kb);
    } finally {
      Files.deleteIfExists(rss);
    }
  }
}
