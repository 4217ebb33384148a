package dev.cairn.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces a small file durably and atomically, the one way every state file of a home is
 * written (config.toml, secrets.toml, keys, peers.json, targets.json, state.json, quarantine
 * entries, import state, the seal cursor):
 *
 * <ol>
 *   <li>the bytes go to a temporary file with a unique name beside the target ({@code
 *       .<name>.tmp-<uuid>}), created with mode 0600 before any byte is written, so no other user
 *       can read it even for a moment, and two writers never share a temporary file;
 *   <li>the temporary file is fsynced, then renamed over the target (atomic: a reader or a crash
 *       sees the old content or the new, never a mix);
 *   <li>the directory is fsynced, so the rename itself survives power loss.
 * </ol>
 *
 * {@link #createNew} publishes a file only if none exists (for keys: never replace one). A crash
 * can leave a temporary file behind; {@link #removeLeftovers} deletes them (the home does at open).
 * Stateless; safe from any thread and process (each write has its own temporary file).
 */
public final class DurableFile {
  static final String TEMP_PREFIX = ".";
  static final String TEMP_MARK = ".tmp-";
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  private DurableFile() {}

  /** Writes {@code bytes} to {@code file} (mode 0600), replacing it atomically and durably. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = writeTemp(file, bytes);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    fsyncDirectory(file.toAbsolutePath().getParent());
  }

  /**
   * Publishes {@code bytes} as {@code file} only if it does not exist yet (durably, mode 0600);
   * returns false, writing nothing, if it exists.
   */
  public static boolean createNew(Path file, byte[] bytes) throws IOException {
    Path tmp = writeTemp(file, bytes);
    try {
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      if (Files.exists(file)) {
        return false;
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    fsyncDirectory(file.toAbsolutePath().getParent());
    return true;
  }

  private static Path writeTemp(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(TEMP_PREFIX + file.getFileName() + TEMP_MARK + UUID.randomUUID());
    try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), privateMode(parent))) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  private static FileAttribute<?>[] privateMode(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE)} : new FileAttribute<?>[0];
  }

  /** fsyncs a directory so that a rename or a new name in it is durable; a no-op where the OS cannot. */
  public static void fsyncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every OS lets a directory be opened for fsync; the rename has still happened
    }
  }

  /**
   * Deletes temporary files a crash left in {@code dir} (not recursive); returns how many. Only
   * files older than a minute: a live write (another process's) takes milliseconds.
   */
  public static int removeLeftovers(Path dir) {
    int removed = 0;
    long cutoff = System.currentTimeMillis() - 60_000;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_MARK + "*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toMillis() < cutoff && Files.deleteIfExists(f)) {
          removed++;
        }
      }
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new LedgerIoException("clean up", dir, e);
    }
    return removed;
  }
}
