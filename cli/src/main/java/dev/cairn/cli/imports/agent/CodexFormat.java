package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Codex CLI: {@code $CODEX_HOME/sessions} (else {@code ~/.codex/sessions}), one rollout file per
 * session under {@code YYYY/MM/DD/rollout-<time>-<uuid>.jsonl}; the session's native id is the
 * uuid (docs/import-codex.md). Stateless.
 */
public final class CodexFormat implements AgentFormat {
  public static final CodexFormat INSTANCE = new CodexFormat();
  static final String NOT_ROLLOUT = "not a rollout-*.jsonl file";
  private static final Pattern UUID_AT_END = Pattern.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.jsonl$");
  private static final int MAX_DEPTH = 4;

  private CodexFormat() {}

  @Override
  public String name() {
    return "codex";
  }

  @Override
  public String agent() {
    return "codex";
  }

  @Override
  public String folderDescription() {
    return "a Codex CLI sessions folder (like ~/.codex/sessions)";
  }

  @Override
  public Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome) {
    String dir = env.apply("CODEX_HOME");
    return (dir != null && !dir.isBlank() ? Path.of(dir) : userHome.resolve(".codex")).resolve("sessions");
  }

  @Override
  public Transcript parse(byte[] data, int length) {
    return CodexParser.parse(data, length);
  }

  @Override
  public List<Source> sources(Path root, Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith("rollout-") || !name.endsWith(".jsonl")) {
          skipped.merge(NOT_ROLLOUT, 1L, Long::sum);
          continue;
        }
        Matcher uuid = UUID_AT_END.matcher(name);
        String nativeId = uuid.find() ? uuid.group(1).toLowerCase(java.util.Locale.ROOT) : name.substring(0, name.length() - ".jsonl".length());
        out.add(new Source(f, "codex", nativeId, null, null, null));
      }
    }
    return out;
  }
}
