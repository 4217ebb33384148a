package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * GitHub Copilot CLI: {@code ~/.copilot/session-state/<id>/events.jsonl} (and the older
 * {@code session-state/<id>.jsonl}); the session's native id is {@code <id>}
 * (docs/import-copilot.md). Stateless.
 */
public final class CopilotFormat implements AgentFormat {
  public static final CopilotFormat INSTANCE = new CopilotFormat();
  static final String NOT_EVENTS = "not a session's events.jsonl";

  private CopilotFormat() {}

  @Override
  public String name() {
    return "copilot";
  }

  @Override
  public String agent() {
    return "copilot-cli";
  }

  @Override
  public String folderDescription() {
    return "a Copilot CLI folder (like ~/.copilot, holding session-state)";
  }

  @Override
  public Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome) {
    return userHome.resolve(".copilot");
  }

  @Override
  public Transcript parse(byte[] data, int length) {
    return CopilotParser.parse(data, length);
  }

  @Override
  public List<Source> sources(Path root, Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>();
    Path state = root.resolve("session-state");
    if (!Files.isDirectory(state)) {
      return out;
    }
    try (Stream<Path> entries = Files.list(state)) {
      for (Path e : entries.sorted().toList()) {
        String name = e.getFileName().toString();
        if (Files.isDirectory(e)) {
          Path events = e.resolve("events.jsonl");
          if (Files.isRegularFile(events)) {
            out.add(new Source(events, "copilot", name, null, null, null));
          } else {
            skipped.merge(NOT_EVENTS, 1L, Long::sum);
          }
        } else if (name.endsWith(".jsonl")) {
          out.add(new Source(e, "copilot", name.substring(0, name.length() - ".jsonl".length()), null, null, null));
        } else {
          skipped.merge(NOT_EVENTS, 1L, Long::sum);
        }
      }
    }
    return out;
  }
}
