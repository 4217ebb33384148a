package dev.cairn.bench;

import dev.cairn.bench.figures.AppendFigure;
import dev.cairn.bench.figures.EncryptFigure;
import dev.cairn.bench.figures.ImportClaudeFigure;
import dev.cairn.bench.figures.ImportFolderFigure;
import dev.cairn.bench.figures.PageTimeFigure;
import dev.cairn.bench.figures.RebuildFigure;
import dev.cairn.bench.figures.ScaleFigure;
import dev.cairn.bench.figures.SealFigure;
import dev.cairn.bench.figures.TailLatencyFigure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark runner: every hot path measured beside a ceiling measured in the same run on the
 * same data (see docs/benchmarks.md). Run as {@code ./cairn bench [--quick] [--events N] [--json]}.
 */
@Command(name = "cairn bench", mixinStandardHelpOptions = true,
    description = {"Measure rebuild, append, tail latency, seal, folder import, no-op sync, scale and Claude import,",
        "each beside a ceiling measured in the same run on the same data, and print their ratios.",
        "--quick: a small run (a few minutes on 2 cores). Full run: --events 1000000 (synthetic) and --real-events 200000",
        "(real-shaped) by default; the scale figure runs real-shaped ledgers of 100k to --scale-max (1M; 10M for the docs).",
        "Numbers swing 30-50 %% between runs on shared machines: compare ratios."})
public final class BenchMain implements Callable<Integer> {
  @Option(names = "--quick", description = "A small run, under a minute.")
  boolean quick;

  @Option(names = "--events", paramLabel = "N", description = "Events in the main ledger (default: 1000000, or 50000 with --quick).")
  Long events;

  @Option(names = "--real-events", paramLabel = "N",
      description = "Events in the real-shaped ledger (default: 200000, or 20000 with --quick; 0 skips it).")
  Long realEvents;

  @Option(names = "--json", description = "Print one JSON object with a figures array.")
  boolean json;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work directory (default: a new temporary directory, deleted after).")
  Path dir;

  @Option(names = "--pages-only", description = "Only the ledger, its rebuild and the web UI's page times (what the UI's goal is checked on).")
  boolean pagesOnly;

  @Option(names = "--scale-max", paramLabel = "N",
      description = "The largest real-shaped ledger of the scale figure (default: 1000000, or 40000 with --quick; 10000000 for the docs' run).")
  Long scaleMax;

  @Option(names = "--only", split = ",", paramLabel = "FIGURE",
      description = "Only these figures: rebuild, pages, verbs, append, tail, seal, folder, scale, memory, import (comma-separated).")
  java.util.Set<String> only;

  @Option(names = "--scale-child", hidden = true)
  Path scaleChild;

  public static void main(String[] args) {
    System.setProperty("chronicle.analytics.disable", "true");
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (scaleChild != null) {
      ScaleFigure.child(scaleChild);
      return 0;
    }
    long n = events != null ? events : quick ? 50_000 : 1_000_000;
    Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("cairn-bench-");
    long started = System.nanoTime();
    List<Figure> figures = new ArrayList<>();
    try {
      long real = realEvents != null ? realEvents : quick ? 20_000 : 200_000;
      if (real > 0 && wants("rebuild")) {
        progress("generating a real-shaped ledger of " + real + " events (3 origins)");
        Path shaped = Fixtures.ledger(work.resolve("real"), real, WorkloadShape.REAL);
        progress("rebuild (real-shaped)");
        RebuildFigure.Result r = RebuildFigure.run(shaped, real, WorkloadShape.REAL);
        add(figures, List.of(r.figure()));
        add(figures, List.of(Fixtures.storage(shaped, real, r.viewBytes())));
        Fixtures.delete(work.resolve("real"));
      }

      if (pagesOnly) {
        only = java.util.Set.of("rebuild", "pages");
      }
      Path main = null;
      RebuildFigure.Result rebuild = null;
      if (wants("rebuild") || wants("pages") || wants("seal") || wants("folder") || wants("verbs")) {
        progress("generating a synthetic ledger of " + n + " events (3 origins)");
        main = Fixtures.ledger(work.resolve("main"), n);
        progress("rebuild (synthetic)");
        rebuild = RebuildFigure.run(main, n, WorkloadShape.SYNTHETIC);
        add(figures, List.of(rebuild.figure()));
      }

      if (wants("pages")) {
        progress("web UI page times on the rebuilt view");
        add(figures, PageTimeFigure.run(main, n));
      }

      if (wants("verbs")) {
        progress("reading verbs through ./cairn on a home with the synthetic ledger");
        add(figures, dev.cairn.bench.figures.ReadVerbFigure.run(repo(), main, work.resolve("verbs/home"),
            Math.round(n * 0.85)));
      }

      if (wants("append")) {
        progress("append");
        add(figures, AppendFigure.run(work.resolve("append"), (int) Math.min(n, quick ? 50_000 : 300_000)));
      }

      if (wants("tail")) {
        progress("tail latency");
        add(figures, TailLatencyFigure.run(work.resolve("tail"), quick ? 2_000 : 10_000));
      }

      if (wants("seal")) {
        progress("seal");
        add(figures, SealFigure.run(main, work.resolve("seal")));
        progress("encrypt and decrypt the sealed segments (age X25519)");
        add(figures, EncryptFigure.run(work.resolve("seal").resolve("timed")));
      }

      if (wants("folder")) {
        progress("import from a folder, then a no-op sync");
        add(figures, ImportFolderFigure.run(main, work.resolve("folder"), rebuild.eventsPerSecond()));
      }

      if (wants("scale")) {
        long max = scaleMax != null ? scaleMax : quick ? 40_000 : 1_000_000;
        List<Long> sizes = new ArrayList<>();
        for (long size = quick ? 10_000 : 100_000; size <= max; size *= 10) {
          sizes.add(size);
        }
        if (sizes.get(sizes.size() - 1) != max) {
          sizes.add(max);
        }
        List<ScaleFigure.Point> points = new ArrayList<>();
        for (long size : sizes) {
          progress("scale: a real-shaped ledger of " + size + " events, rebuilt in a child JVM as ./cairn runs it");
          Path home = Fixtures.ledger(work.resolve("scale-" + size), size, WorkloadShape.REAL);
          points.add(ScaleFigure.measure(home));
          Fixtures.delete(work.resolve("scale-" + size));
        }
        add(figures, ScaleFigure.figures(points));
      }

      if (wants("memory")) {
        progress("peak RSS of import and rebuild through ./cairn");
        add(figures, dev.cairn.bench.figures.MemoryFigure.run(repo(), work.resolve("memory"), quick ? 40 : 400,
            quick ? 64L << 20 : 1L << 30, quick ? 16 << 20 : 100 << 20));
      }

      if (wants("import")) {
        progress("import-claude");
        add(figures, ImportClaudeFigure.run(work.resolve("claude"), quick ? 80 : 800));
      }
    } finally {
      if (dir == null) {
        Fixtures.delete(work);
      }
    }
    return report(figures, n, started);
  }

  /** The repository the bench jar was built in (bench/target/cairn-bench.jar), where ./cairn is. */
  private static Path repo() {
    try {
      Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (java.net.URISyntaxException e) {
      return Path.of(".");
    }
  }

  private boolean wants(String figure) {
    return only == null || only.contains(figure);
  }

  private int report(List<Figure> figures, long n, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    if (json) {
      Report.json(System.out, figures, n, quick, seconds);
    } else {
      System.out.println();
      Report.table(System.out, figures, n, quick, seconds);
    }
    return 0;
  }

  private void add(List<Figure> all, List<Figure> some) {
    all.addAll(some);
    for (Figure f : some) {
      progress(String.format("  %-24s %.2f %s (ratio %s)", f.name(), f.value(), f.unit(), Double.isNaN(f.ratio()) ? "-" : String.format("%.2f", f.ratio())));
    }
  }

  private static void progress(String line) {
    System.err.println("bench: " + line);
  }
}
