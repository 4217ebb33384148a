package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Claude Code: {@code $CLAUDE_CONFIG_DIR/projects} (else {@code ~/.claude/projects}), one folder per
 * project, a JSON Lines transcript per session and its sub-agents beside it (docs/import-claude.md).
 *
 * <p>Layout: {@code <root>/<project>/<uuid>.jsonl} is session {@code <origin>~<uuid>};
 * {@code <root>/<project>/<uuid>/subagents/agent-<id>.jsonl} is session {@code
 * <origin>~<uuid>/agent-<id>} with parent {@code <origin>~<uuid>}, and so is a workflow's
 * {@code subagents/workflows/<wf>/agent-<id>.jsonl} ({@code <uuid>/workflows/<wf>/agent-<id>}).
 * Stateless.
 */
public final class ClaudeFormat implements AgentFormat {
  public static final ClaudeFormat INSTANCE = new ClaudeFormat();

  private ClaudeFormat() {}

  @Override
  public String name() {
    return "claude";
  }

  @Override
  public String agent() {
    return "claude-code";
  }

  @Override
  public String folderDescription() {
    return "a Claude Code projects folder (like ~/.claude/projects)";
  }

  @Override
  public Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome) {
    String dir = env.apply("CLAUDE_CONFIG_DIR");
    return dir != null && !dir.isBlank() ? Path.of(dir).resolve("projects") : userHome.resolve(".claude").resolve("projects");
  }

  @Override
  public Transcript parse(byte[] data, int length) {
    return ClaudeParser.parse(data, length);
  }

  static final String NOT_JSONL = "not a .jsonl transcript";

  @Override
  public List<Source> sources(Path root, java.util.Map<String, Long> skipped) throws IOException {
    List<Source> out = new ArrayList<>();
    for (Path project : sorted(root)) {
      if (!Files.isDirectory(project)) {
        skipped.merge(NOT_JSONL, 1L, Long::sum);
        continue;
      }
      String projectDir = project.getFileName().toString();
      List<Source> subAgents = new ArrayList<>(); // after the sessions, so a parent is read before its sub-agents
      for (Path entry : sorted(project)) {
        String name = entry.getFileName().toString();
        if (Files.isRegularFile(entry)) {
          if (name.endsWith(".jsonl")) {
            out.add(new Source(entry, projectDir, strip(name), null, null, null));
          } else {
            skipped.merge(NOT_JSONL, 1L, Long::sum);
          }
        } else if (Files.isDirectory(entry.resolve("subagents"))) {
          Path subagents = entry.resolve("subagents");
          for (Path agent : sorted(subagents)) {
            String a = agent.getFileName().toString();
            if (Files.isRegularFile(agent) && a.startsWith("agent-") && a.endsWith(".jsonl")) {
              subAgents.add(new Source(agent, projectDir, name + "/" + strip(a), name, project.resolve(name + ".jsonl"),
                  strip(a).substring("agent-".length())));
            } else if (a.equals("workflows") && Files.isDirectory(agent)) {
              for (Path workflow : sorted(agent)) {
                if (!Files.isDirectory(workflow)) {
                  skipped.merge(NOT_JSONL, 1L, Long::sum);
                  continue;
                }
                for (Path w : sorted(workflow)) {
                  String f = w.getFileName().toString();
                  if (Files.isRegularFile(w) && f.startsWith("agent-") && f.endsWith(".jsonl")) {
                    subAgents.add(new Source(w, projectDir, name + "/workflows/" + workflow.getFileName() + "/" + strip(f), name,
                        project.resolve(name + ".jsonl"), strip(f).substring("agent-".length())));
                  } else {
                    skipped.merge(NOT_JSONL, 1L, Long::sum);
                  }
                }
              }
            } else {
              skipped.merge(NOT_JSONL, 1L, Long::sum);
            }
          }
        }
      }
      out.addAll(subAgents);
    }
    return out;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static String strip(String name) {
    return name.substring(0, name.length() - ".jsonl".length());
  }
}
