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
 * name without {@code session-} and the extension. A sub-agent's recording lies in a folder named by
 * its parent's {@code sessionId}: {@code chats/<sessionId>/<id>.jsonl} is session {@code
 * <parent>/<id>} (docs/import-gemini.md). Stateless.
 */
public final class GeminiFormat implements AgentFormat {
  public static final GeminiFormat INSTANCE = new GeminiFormat();
  static final String NOT_SESSION = "not a session-*.jsonl or session-*.json file";
  static final String SUB_AGENTS = "a sub-agent recording whose parent session is not here";
  private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]{1,200})\"");

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
      List<Source> sessions = new ArrayList<>();
      List<Path> folders = new ArrayList<>();
      for (Path f : sorted(chats)) {
        String name = f.getFileName().toString();
        if (Files.isDirectory(f)) {
          folders.add(f);
        } else if (name.startsWith("session-") && (name.endsWith(".jsonl") || name.endsWith(".json"))) {
          sessions.add(new Source(f, projectDir, name.substring("session-".length(), name.lastIndexOf('.')), null, null, null));
        } else {
          skipped.merge(NOT_SESSION, 1L, Long::sum);
        }
      }
      out.addAll(sessions);
      // a sub-agent folder is named by its parent's sessionId, which only the parent's first line says:
      // read those lines only when there are such folders (an import must not open unchanged files for nothing)
      Map<String, Source> bySessionId = new java.util.HashMap<>();
      if (!folders.isEmpty()) {
        for (Source src : sessions) {
          String sessionId = sessionId(src.file());
          if (sessionId != null) {
            bySessionId.put(sessionId, src);
          }
        }
      }
      for (Path folder : folders) {
        Source parent = bySessionId.get(folder.getFileName().toString());
        for (Path f : sorted(folder)) {
          String name = f.getFileName().toString();
          if (parent == null || !Files.isRegularFile(f) || !name.endsWith(".jsonl")) {
            skipped.merge(parent == null ? SUB_AGENTS : NOT_SESSION, 1L, Long::sum);
            continue;
          }
          String stem = name.substring(0, name.length() - ".jsonl".length());
          out.add(new Source(f, projectDir, parent.nativeId() + "/" + stem, parent.nativeId(), parent.file(), null));
        }
      }
    }
    return out;
  }

  /** The {@code sessionId} in the first 8 KiB of a chat file (its metadata comes first), or null. */
  private static String sessionId(Path f) {
    try (java.io.InputStream in = Files.newInputStream(f)) {
      java.util.regex.Matcher m = SESSION_ID.matcher(new String(in.readNBytes(8192), java.nio.charset.StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
