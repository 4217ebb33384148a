package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code verb}: the wall time of the interactive reading verbs as a person runs them — the {@code
 * ./cairn} launcher, a new JVM each time — on a home holding the bench's ledger and its rebuilt
 * view, beside {@code --version} (the JVM's own start-up). Each verb runs 5 times; the median
 * counts, with the peak RSS of the slowest run ({@code /usr/bin/time}). Goal: 0.5 s.
 */
public final class ReadVerbFigure {
  private static final int RUNS = 5;
  private static final double GOAL_SECONDS = 0.5;

  private ReadVerbFigure() {}

  public static List<Figure> run(Path repo, Path ledgerHome, Path home, long messages) throws IOException, InterruptedException {
    Path launcher = repo.resolve("cairn");
    if (!Files.isExecutable(launcher)) {
      return List.of(Figure.plain("verbs", Double.NaN, "s", "skipped: no ./cairn launcher at " + repo));
    }
    Files.createDirectories(home.getParent());
    LauncherRun.of(launcher, List.of("init", "--home", home.toString()));
    replaceLedger(home, ledgerHome);
    String session = first(LauncherRun.of(launcher, List.of("sessions", "--home", home.toString(), "--limit", "1", "--json")).out());
    List<Figure> out = new ArrayList<>();
    String[][] verbs = {{"--version"}, {"sessions", "--limit", "50"}, {"search", "ledger", "--limit", "20"}, {"show", session},
        {"status"}, {"conflicts"}};
    for (String[] verb : verbs) {
      List<String> args = new ArrayList<>(Arrays.asList(verb));
      if (!verb[0].startsWith("--")) {
        args.addAll(List.of("--home", home.toString()));
      }
      double[] seconds = new double[RUNS];
      long rss = 0;
      for (int i = 0; i < RUNS; i++) {
        LauncherRun r = LauncherRun.of(launcher, args);
        seconds[i] = r.seconds();
        rss = Math.max(rss, r.peakRssKb());
      }
      Arrays.sort(seconds);
      String name = "verb: " + (verb[0].equals("show") ? "show" : String.join(" ", verb[0]));
      out.add(Figure.cost(name, seconds[RUNS / 2], "s", "goal", GOAL_SECONDS,
          String.format("median of %d runs via ./cairn, %d messages; peak RSS %d MB", RUNS, messages, rss / 1024)));
    }
    return out;
  }

  /** The new home takes the bench's ledger (a link: it is only read) and a copy of its rebuilt view. */
  private static void replaceLedger(Path home, Path ledgerHome) throws IOException {
    Path ledger = home.resolve("ledger");
    try (var walk = Files.walk(ledger)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.createSymbolicLink(ledger, ledgerHome.resolve("ledger").toAbsolutePath());
    Files.deleteIfExists(home.resolve("view.db-wal"));
    Files.deleteIfExists(home.resolve("view.db-shm"));
    Files.copy(ledgerHome.resolve("rebuilt.db"), home.resolve("view.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String first(String sessionsJson) {
    try {
      var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sessionsJson);
      var list = tree.isArray() ? tree : tree.path("sessions");
      return list.path(0).path("session").asText();
    } catch (IOException e) {
      throw new IllegalStateException("sessions --json gave " + sessionsJson, e);
    }
  }
}
