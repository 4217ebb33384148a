package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.cli.imports.agent.TranscriptImport;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.bench.ClaudeTranscripts;
import java.util.List;

/**
 * {@code import-claude}: a {@code ~/.claude/projects} of real-shaped transcripts ({@link
 * ClaudeTranscripts}: the record mix of a real archive, progress records and large tool results
 * included) imported into a fresh home, then imported again unchanged. Reported: the first import
 * in MB/s of transcript beside its reference, reading and parsing the same bytes with a streaming
 * JSON parser and nothing else (goal: at least 0.5 of it), and how many times faster the unchanged
 * re-import is (goal: at least 50x; it reads no transcript).
 */
public final class ImportClaudeFigure {
  private ImportClaudeFigure() {}

  private static final TranscriptImport.Listener QUIET = TranscriptImport.Listener.QUIET;

  public static List<Figure> run(Path dir, int transcripts) throws IOException {
    Path projects = dir.resolve("projects");
    ClaudeTranscripts.Written written = new ClaudeTranscripts(17).write(projects, transcripts);
    Origin origin = new Origin("bench-claude");
    double reference = Double.MAX_VALUE;
    double first = Double.MAX_VALUE;
    double second = 0;
    TranscriptImport.Summary s1 = null;
    for (int round = 0; round < 2; round++) { // each side twice, alternating; the best time counts
      reference = Math.min(reference, parseOnly(projects));
      Path home = dir.resolve("home-" + round);
      try (Ledger ledger = Ledger.open(new LedgerPaths(home.resolve("ledger")), origin)) {
        long t0 = System.nanoTime();
        s1 = importer(ledger, origin, home).run(projects, true, QUIET);
        first = Math.min(first, (System.nanoTime() - t0) / 1e9);
        if (round == 1) {
          long t1 = System.nanoTime();
          TranscriptImport.Summary s2 = importer(ledger, origin, home).run(projects, true, QUIET);
          second = (System.nanoTime() - t1) / 1e9;
          if (s2.messageEvents() != 0 || s2.bytesRead() != 0) {
            throw new IllegalStateException("the unchanged re-import appended " + s2.messageEvents() + " events and read " + s2.bytesRead() + " bytes");
          }
        }
      }
    }
    double mb = written.bytes() / 1e6;
    return List.of(
        Figure.throughput("import-claude-first", mb / first, "MB/s", "parse-only: every line through Jackson's streaming parser, strings read",
            mb / reference, String.format("%d transcripts, %.1f MB, %d messages in %.2f s (%.0f messages/s); parse-only %.2f s",
                transcripts, mb, s1.messageEvents(), first, s1.messageEvents() / first, reference)),
        Figure.throughput("import-claude-reimport", first / second, "x faster", "goal 50x", 50,
            String.format("unchanged re-import %.3f s, 0 bytes read", second)));
  }

  private static TranscriptImport importer(Ledger ledger, Origin origin, Path home) {
    return new TranscriptImport(dev.cairn.cli.imports.agent.ClaudeFormat.INSTANCE, origin, home.resolve("state/claude-import.json"),
        ledger::appendLocal, () -> {
          ledger.sync();
          return ledger.state().lastIndex();
        }, dev.cairn.cli.imports.redact.Redactor.standard());
  }

  /** Seconds to read every transcript and pass each line through a streaming JSON parser (strings read), nothing else. */
  static double parseOnly(Path projects) throws IOException {
    JsonFactory json = new JsonFactory();
    long t0 = System.nanoTime();
    long tokens = 0;
    List<Path> files;
    try (var walk = Files.walk(projects)) {
      files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      byte[] data = Files.readAllBytes(file); // the fastest a reader can get at the bytes
      int start = 0;
      for (int k = 0; k <= data.length; k++) {
        if (k < data.length && data[k] != '\n') {
          continue;
        }
        if (k > start) {
          try (JsonParser p = json.createParser(data, start, k - start)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
              tokens += t == JsonToken.VALUE_STRING ? p.getText().length() : 1;
            }
          }
        }
        start = k + 1;
      }
    }
    if (tokens == 0) {
      throw new IllegalStateException("parsed nothing under " + projects);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
