package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gemini CLI: {@code ~/.gemini/tmp/<project-hash>/chats/session-<time>-<id>.jsonl} (an append-only
 * record log) and the older whole-file {@code session-*.json}; the session's native id is the file
 * name without {@code session-} and the extension (docs/import-gemini.md). Stateless.
 */
public final class GeminiFormat implements AgentFormat {
  public static final GeminiFormat INSTANCE = new GeminiFormat();
  static final String NOT_SESSION = "not a session-*.jsonl or session-*.json file";
  static final String SUB_AGENTS = "a sub-agent recording folder (not imported yet)";

  private GeminiFormat() {}

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public String agent() {
    return "gemini-cli";
  }

  @Override
  public String folderDescription() {
    return "a Gemini CLI folder (like ~/.gemini, holding tmp/<project-hash>/chats)";
  }

  @Override
  public Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome) {
    return userHome.resolve(".gemini");
  }

  @Override
  public boolean wholeFile(Source src) {
    return src.file().getFileName().toString().endsWith(".json");
  }

  @Override
  public Transcript parse(byte[] data, int length) {
    return GeminiParser.parse(data, length);
  }

  @Override
  public List<Source> sources(Path root, Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>();
    Path tmp = root.resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return out;
    }
    for (Path project : sorted(tmp)) {
      Path chats = project.resolve("chats");
      if (!Files.isDirectory(chats)) {
        continue; // other per-project state (checkpoints, logs): not sessions
      }
      String projectDir = project.getFileName().toString();
      for (Path f : sorted(chats)) {
        String name = f.getFileName().toString();
        if (Files.isDirectory(f)) {
          skipped.merge(SUB_AGENTS, 1L, Long::sum);
        } else if (name.startsWith("session-") && (name.endsWith(".jsonl") || name.endsWith(".json"))) {
          String stem = name.substring("session-".length(), name.lastIndexOf('.'));
          out.add(new Source(f, projectDir, stem, null, null, null));
        } else {
          skipped.merge(NOT_SESSION, 1L, Long::sum);
        }
      }
    }
    return out;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
