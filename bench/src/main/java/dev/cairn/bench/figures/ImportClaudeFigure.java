package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.cli.imports.agent.TranscriptImport;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code import-claude}: a synthetic {@code ~/.claude/projects} (N transcripts of 100 messages:
 * text, split assistant turns, tool calls with results, progress records) imported into a fresh
 * home, then imported again unchanged. Reported: the first import in messages/s, and how many
 * times faster the unchanged re-import is (goal: at least 50x; it reads no transcript).
 */
public final class ImportClaudeFigure {
  private ImportClaudeFigure() {}

  private static final TranscriptImport.Listener QUIET = TranscriptImport.Listener.QUIET;

  public static List<Figure> run(Path dir, int transcripts) throws IOException {
    Path projects = dir.resolve("projects");
    long messages = generate(projects, transcripts, new Random(17));
    Origin origin = new Origin("bench-claude");
    double first;
    double second;
    TranscriptImport.Summary s1;
    try (Ledger ledger = Ledger.open(new LedgerPaths(dir.resolve("home/ledger")), origin)) {
      long t0 = System.nanoTime();
      s1 = new TranscriptImport(dev.cairn.cli.imports.agent.ClaudeFormat.INSTANCE, origin, dir.resolve("home/state/claude-import.json"), ledger::appendLocal, () -> { ledger.sync(); return ledger.state().lastIndex(); }, dev.cairn.cli.imports.redact.Redactor.standard()).run(projects, true, QUIET);
      first = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      TranscriptImport.Summary s2 = new TranscriptImport(dev.cairn.cli.imports.agent.ClaudeFormat.INSTANCE, origin, dir.resolve("home/state/claude-import.json"), ledger::appendLocal, () -> { ledger.sync(); return ledger.state().lastIndex(); }, dev.cairn.cli.imports.redact.Redactor.standard())
          .run(projects, true, QUIET);
      second = (System.nanoTime() - t1) / 1e9;
      if (s2.messageEvents() != 0 || s2.bytesRead() != 0) {
        throw new IllegalStateException("the unchanged re-import appended " + s2.messageEvents() + " events and read " + s2.bytesRead() + " bytes");
      }
    }
    return List.of(
        Figure.plain("import-claude-first", s1.messageEvents() / first, "messages/s",
            String.format("%d transcripts, %d messages, %.1f MB in %.2f s", transcripts, messages, s1.bytesRead() / 1e6, first)),
        Figure.throughput("import-claude-reimport", first / second, "x faster", "goal 50x", 50,
            String.format("unchanged re-import %.3f s, 0 bytes read", second)));
  }

  /** Writes {@code transcripts} transcripts of 100 messages each; returns the message count. */
  static long generate(Path projects, int transcripts, Random r) throws IOException {
    String[] words = "the a ledger clock test build maven segment hash sqlite view event origin sync folder error fix run".split(" ");
    long messages = 0;
    for (int f = 0; f < transcripts; f++) {
      Path file = projects.resolve("-home-dev-p" + (f % 20)).resolve(String.format("%08x-0000-4000-8000-%012x.jsonl", f, f));
      Files.createDirectories(file.getParent());
      StringBuilder out = new StringBuilder();
      int m = 0;
      long t = 1_735_689_600L + f * 10_000L;
      while (m < 100) {
        out.append("{\"type\":\"user\",\"timestamp\":\"").append(java.time.Instant.ofEpochSecond(t++)).append("\",\"cwd\":\"/home/dev/p")
            .append(f % 20).append("\",\"message\":{\"role\":\"user\",\"content\":\"").append(text(r, words, 30)).append("\"}}\n");
        m++;
        String id = "msg_" + f + "_" + m;
        out.append("{\"type\":\"assistant\",\"timestamp\":\"").append(java.time.Instant.ofEpochSecond(t++))
            .append("\",\"message\":{\"id\":\"").append(id).append("\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"")
            .append(text(r, words, 80)).append("\"}],\"usage\":{\"input_tokens\":500,\"output_tokens\":80}}}\n");
        if (r.nextInt(10) < 3) {
          String tool = "toolu_" + f + "_" + m;
          out.append("{\"type\":\"assistant\",\"timestamp\":\"").append(java.time.Instant.ofEpochSecond(t++)).append("\",\"message\":{\"id\":\"")
              .append(id).append("\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"").append(tool)
              .append("\",\"name\":\"Bash\",\"input\":{\"command\":\"").append(text(r, words, 5)).append("\"}}]}}\n");
          out.append("{\"type\":\"progress\",\"timestamp\":\"").append(java.time.Instant.ofEpochSecond(t)).append("\",\"data\":{}}\n");
          out.append("{\"type\":\"user\",\"timestamp\":\"").append(java.time.Instant.ofEpochSecond(t++))
              .append("\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"").append(tool)
              .append("\",\"content\":\"").append(text(r, words, 60)).append("\"}]}}\n");
        }
        m++;
      }
      messages += m;
      Files.writeString(file, out, StandardCharsets.UTF_8);
    }
    return messages;
  }

  private static String text(Random r, String[] words, int median) {
    int n = Math.max(1, (int) Math.min(3000, Math.exp(Math.log(median) + r.nextGaussian())));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(words[r.nextInt(words.length)]).append(' ');
    }
    return sb.toString().strip();
  }
}
