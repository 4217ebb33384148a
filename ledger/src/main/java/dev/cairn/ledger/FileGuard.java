package dev.cairn.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * An exclusive advisory lock (flock) on a lock file, held around a read-modify-write of a settings
 * file ({@code config.toml}, {@code secrets.toml}, {@code targets.json}) so that two processes
 * changing it at once both keep their change. Waits at most the given time (polling every 10 ms),
 * then fails with a clear error. Not reentrant; close it to release.
 */
public final class FileGuard implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FileGuard(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static FileGuard acquire(Path lockFile, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        try {
          FileLock l = ch.tryLock();
          if (l != null) {
            return new FileGuard(ch, l);
          }
        } catch (OverlappingFileLockException e) {
          // held by another thread of this process: wait like for another process
        }
        if (System.nanoTime() - deadline > 0) {
          ch.close();
          throw new LedgerLockedException(lockFile, "another cairn process has held it for " + wait.toSeconds() + " s");
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          ch.close();
          throw new LedgerLockedException(lockFile, "interrupted while waiting for it");
        }
      }
    } catch (IOException e) {
      throw new LedgerIoException("lock", lockFile, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    }
  }
}
