package dev.cairn.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's own Claude Code transcript fixtures ({@code cli/src/test/resources/claude-code},
 * described in the README there), on the test class path. Fails loudly when they are missing.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The Codex CLI fixtures' sessions folder ({@code cli/src/test/resources/codex/sessions}). */
  public static Path codexSessions() {
    return folderOf("codex").resolve("sessions");
  }

  /** The Gemini CLI fixtures' folder, standing for {@code ~/.gemini} ({@code cli/src/test/resources/gemini}). */
  public static Path gemini() {
    return folderOf("gemini");
  }

  /** The Copilot CLI fixtures' folder, standing for {@code ~/.copilot} ({@code cli/src/test/resources/copilot}). */
  public static Path copilot() {
    return folderOf("copilot");
  }

  /** {@code cli/src/test/resources/<name>}, found by its README on the test class path. */
  private static Path folderOf(String name) {
    URL url = Fixtures.class.getResource("/" + name + "/README.md");
    if (url == null) {
      throw new IllegalStateException(name + " fixtures missing from the test class path (cli/src/test/resources/" + name + ")");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path claudeCode() {
    URL url = Fixtures.class.getResource("/claude-code/representative_messages.jsonl");
    if (url == null) {
      throw new IllegalStateException("claude-code fixtures missing from the test class path (cli/src/test/resources/claude-code)");
    }
    try {
      Path dir = Path.of(url.toURI()).getParent();
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("no fixtures at " + dir);
      }
      return dir;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
