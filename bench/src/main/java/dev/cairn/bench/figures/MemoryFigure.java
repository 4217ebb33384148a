package dev.cairn.bench.figures;

import dev.cairn.bench.ClaudeTranscripts;
import dev.cairn.bench.Figure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code memory}: the peak resident memory of the long verbs as a person runs them (the {@code
 * ./cairn} launcher: its heap bound and collector), measured by {@code /usr/bin/time}: a first
 * {@code import claude} of a real-shaped tree, the same with one transcript of a given size added
 * (the largest file decides what an import holds), one with a single huge tool result, and a
 * {@code rebuild} of what was imported. Goal: 300 MB whatever the archive.
 */
public final class MemoryFigure {
  private static final double GOAL_MB = 300;

  private MemoryFigure() {}

  public static List<Figure> run(Path repo, Path dir, int transcripts, long bigTranscriptBytes, int hugeResultBytes) throws Exception {
    Path launcher = repo.resolve("cairn");
    if (!Files.isExecutable(launcher) || !LauncherRun.canMeasureMemory()) {
      return List.of(Figure.plain("memory", Double.NaN, "MB", "skipped: needs ./cairn and /usr/bin/time"));
    }
    List<Figure> out = new ArrayList<>();
    Path projects = dir.resolve("projects");
    ClaudeTranscripts.Written w = new ClaudeTranscripts(23).write(projects, transcripts);
    out.add(measure(launcher, dir.resolve("home-tree"), projects, "import claude, " + transcripts + " transcripts",
        String.format("%.0f MB in %d files", w.bytes() / 1e6, w.files())));
    out.add(rebuild(launcher, dir.resolve("home-tree")));

    Path big = dir.resolve("big");
    long bigBytes = new ClaudeTranscripts(29).writeOne(big.resolve("-home-dev-big"), "big-session", bigTranscriptBytes);
    out.add(measure(launcher, dir.resolve("home-big"), big, "import claude, one " + (bigBytes >> 20) + " MB transcript",
        String.format("%.0f MB in one file", bigBytes / 1e6)));

    Path huge = dir.resolve("huge");
    writeHugeResult(huge.resolve("-home-dev-huge").resolve("huge-session.jsonl"), hugeResultBytes);
    out.add(measure(launcher, dir.resolve("home-huge"), huge, "import claude, one " + (hugeResultBytes >> 20) + " MB tool result",
        "a single tool_result line"));
    return out;
  }

  private static Figure measure(Path launcher, Path home, Path projects, String name, String note) throws Exception {
    LauncherRun.of(launcher, List.of("init", "--home", home.toString()));
    LauncherRun r = LauncherRun.of(launcher, List.of("import", "claude", projects.toString(), "--home", home.toString(), "--json"));
    long kb = r.peakRssKb();
    double seconds = r.seconds();
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    String skipped = summary.path("skipped_files").isEmpty() ? "" : "; NOT imported: " + summary.path("skipped_files");
    return Figure.cost("peak RSS: " + name, kb / 1024.0, "MB", "goal", GOAL_MB,
        String.format("%s, %.1f s, %d messages%s", note, seconds, summary.path("message_events").asLong(), skipped));
  }

  private static Figure rebuild(Path launcher, Path home) throws Exception {
    LauncherRun r = LauncherRun.of(launcher, List.of("rebuild", "--home", home.toString()));
    return Figure.cost("peak RSS: rebuild", r.peakRssKb() / 1024.0, "MB", "goal", GOAL_MB, String.format("the imported home, %.1f s", r.seconds()));
  }

  /** A transcript of one prompt and one tool call whose result is {@code bytes} long. */
  private static void writeHugeResult(Path file, int bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      String head = "{\"type\":\"user\",\"sessionId\":\"huge-session\",\"uuid\":\"u1\",\"timestamp\":\"2025-06-01T10:00:00Z\",\"cwd\":\"/home/dev/huge\","
          + "\"message\":{\"role\":\"user\",\"content\":\"cat the log\"}}\n"
          + "{\"type\":\"assistant\",\"sessionId\":\"huge-session\",\"uuid\":\"u2\",\"timestamp\":\"2025-06-01T10:00:01Z\",\"message\":{\"id\":\"m1\","
          + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\","
          + "\"input\":{\"command\":\"cat big.log\"}}]}}\n"
          + "{\"type\":\"user\",\"sessionId\":\"huge-session\",\"uuid\":\"u3\",\"timestamp\":\"2025-06-01T10:00:02Z\",\"message\":{\"role\":\"user\","
          + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"";
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] line = "2025-06-01 10:00:00 INFO the service answered 200 in 12 ms\\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < bytes; written += line.length) {
        out.write(line);
      }
      out.write("\"}]}}\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
