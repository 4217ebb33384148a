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
    URL url = Fixtures.class.getResource("/codex/README.md");
    if (url == null) {
      throw new IllegalStateException("codex fixtures missing from the test class path (cli/src/test/resources/codex)");
    }
    try {
      return Path.of(url.toURI()).getParent().resolve("sessions");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Gemini CLI fixtures' folder, standing for {@code ~/.gemini} ({@code cli/src/test/resources/gemini}). */
  public static Path gemini() {
    URL url = Fixtures.class.getResource("/gemini/README.md");
    if (url == null) {
      throw new IllegalStateException("gemini fixtures missing from the test class path (cli/src/test/resources/gemini)");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Copilot CLI fixtures' folder, standing for {@code ~/.copilot} ({@code cli/src/test/resources/copilot}). */
  public static Path copilot() {
    URL url = Fixtures.class.getResource("/copilot/README.md");
    if (url == null) {
      throw new IllegalStateException("copilot fixtures missing from the test class path (cli/src/test/resources/copilot)");
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
