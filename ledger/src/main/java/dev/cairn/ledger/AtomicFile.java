package dev.cairn.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a small state file atomically: the bytes go to {@code <name>.tmp} beside it, which is
 * then renamed over the file, so a reader (or a crash) sees the old content or the new, never a
 * mix. Used for every derived or configuration file cairn rewrites (state.json, config.toml,
 * peers.json, targets.json, import state, the seal cursor). Stateless.
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * As {@link #write}, for a file only its owner may read (secrets): the temporary file is created
   * with mode 0600 before any byte is written, so the content is never readable by others, not
   * even for a moment.
   */
  public static void writePrivate(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // not a POSIX file system
    }
    Files.write(tmp, bytes, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
