package dev.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared Claude Code fixtures ({@code shared/fixtures/claude-code}, beside the
 * repository): in each parent directory of the working directory, or where {@code
 * -Dcairn.shared=DIR} points. Fails loudly when they are missing; tests never skip silently.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  public static Path claudeCode() {
    String override = System.getProperty("cairn.shared");
    if (override != null) {
      return check(Path.of(override).resolve("fixtures/claude-code"));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/fixtures/claude-code");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/fixtures/claude-code not found above " + Path.of("").toAbsolutePath()
        + "; put the project's shared/ folder beside the repository or pass -Dcairn.shared=DIR");
  }

  private static Path check(Path p) {
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("no fixtures at " + p);
    }
    return p;
  }
}
