package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the git repository a folder belongs to, the way git finds it: the nearest {@code .git}
 * upwards; a {@code .git} file (a worktree or a submodule) points with {@code gitdir:} to its git
 * directory, whose {@code commondir} file leads to the repository's shared git directory. The
 * name is the folder holding that common directory, so every worktree of a repository gets the
 * same name. Reads a few small files; runs no git. Stateless.
 */
final class GitRepository {
  private static final int MAX_DEPTH = 64;

  private GitRepository() {}

  /** The repository's name, or null when {@code dir} does not exist or is in no repository. */
  static String nameOf(Path dir) {
    try {
      if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
        return null;
      }
      Path d = dir;
      for (int i = 0; i < MAX_DEPTH && d != null; i++, d = d.getParent()) {
        Path git = d.resolve(".git");
        if (Files.isDirectory(git)) {
          return name(git);
        }
        if (Files.isRegularFile(git)) {
          String first = Files.readAllLines(git, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
          if (!first.startsWith("gitdir:")) {
            return null;
          }
          Path gitDir = d.resolve(first.substring("gitdir:".length()).strip()).normalize();
          Path common = gitDir.resolve("commondir");
          if (Files.isRegularFile(common)) {
            gitDir = gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize();
          }
          return name(gitDir);
        }
      }
      return null;
    } catch (IOException | RuntimeException e) { // unreadable or odd: the caller falls back to the folder's name
      return null;
    }
  }

  /** The name for a common git directory: its folder's name ({@code repo/.git}), or its own without {@code .git} (a bare {@code repo.git}). */
  private static String name(Path gitDir) {
    Path holder = gitDir.getFileName() != null && gitDir.getFileName().toString().equals(".git") ? gitDir.getParent() : gitDir;
    if (holder == null || holder.getFileName() == null) {
      return null;
    }
    String n = holder.getFileName().toString();
    return n.endsWith(".git") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
  }
}
