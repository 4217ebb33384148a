package dev.cairn.cli.home;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps a home private: the home directory and every directory in it 0700, every file 0600 — it
 * holds every transcript a person ever had, keys and tokens. cairn's own files are created 0600
 * ({@link dev.cairn.ledger.DurableFile}); files made by SQLite and Chronicle Queue follow the
 * umask but sit under the 0700 home. A home whose directory is not 0700 (created before, or by
 * hand) is tightened whole when opened. Stateless; a no-op on file systems without POSIX modes.
 */
public final class HomePermissions {
  static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private HomePermissions() {}

  /**
   * Creates {@code dir} (and parents) with mode 0700; an existing directory is made 0700 only if
   * it is empty (never someone else's folder that happened to be named as a home).
   */
  public static void createPrivateDirectory(Path dir) throws IOException {
    boolean fresh = !Files.exists(dir);
    Files.createDirectories(dir);
    boolean empty;
    try (var entries = Files.list(dir)) {
      empty = entries.findAny().isEmpty();
    }
    if ((fresh || empty) && posix(dir)) {
      Files.setPosixFilePermissions(dir, DIR);
    }
  }

  /**
   * Tightens an initialised home ({@code config.toml} present) if its own mode is not 0700: every
   * directory to 0700, every file to 0600 (symbolic links are not followed). Returns how many
   * entries changed (0 when already private or not a home).
   */
  public static int tighten(Path root) {
    try {
      if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(root.resolve("config.toml")) || !posix(root)
          || Files.getPosixFilePermissions(root).equals(DIR)) {
        return 0;
      }
      int[] changed = {0};
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          changed[0] += set(dir, DIR);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile()) {
            changed[0] += set(file, FILE);
          }
          return FileVisitResult.CONTINUE;
        }
      });
      return changed[0];
    } catch (IOException e) {
      throw new HomeIoException(root, "make it private (0700, files 0600): " + e.getMessage());
    }
  }

  private static int set(Path p, Set<PosixFilePermission> mode) throws IOException {
    if (Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
      return 0;
    }
    Files.setPosixFilePermissions(p, mode);
    return 1;
  }

  private static boolean posix(Path p) throws IOException {
    return Files.getFileStore(p).supportsFileAttributeView("posix");
  }

  /** The home's files could not be read or changed. */
  static final class HomeIoException extends dev.cairn.ledger.CairnException {
    HomeIoException(Path root, String what) {
      super(root + ": cannot " + what);
    }

    @Override
    public Kind kind() {
      return Kind.IO;
    }
  }
}
