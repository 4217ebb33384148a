package dev.cairn.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The ledger's last index as its last writer left it, readable without opening the queue: a
 * reading verb whose view already applied that index has nothing to catch up, and skips starting
 * Chronicle Queue (a third of a second) altogether.
 *
 * <p>The file {@code closed-head} holds the index in decimal and a newline. A writer deletes it
 * (durably) when it opens, before any append, and writes it (durably) as it closes, after its
 * last one; a writer killed mid-run leaves none. It is believed only while no process holds the
 * writer lock, as the kernel's lock table says ({@code /proc/locks}, looked at, never taken: a
 * reader must not make a writer's start fail); where that table cannot be read, never.
 *
 * <p>Stateless; thread-safe.
 */
public final class LedgerHead {
  private static final Path LOCKS = Path.of("/proc/locks");

  private LedgerHead() {}

  /** The last index if the ledger is idle (no writer) and its last writer closed it; empty when unknown. */
  public static OptionalLong ifIdle(LedgerPaths paths) {
    String text;
    try {
      text = Files.readString(paths.closedHead(), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    long index;
    try {
      index = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return OptionalLong.empty(); // torn or damaged: ask the queue
    }
    return lockHeld(paths.writerLock()) ? OptionalLong.empty() : OptionalLong.of(index);
  }

  /** Whether some process holds a lock on {@code lockFile}; true when that cannot be told. */
  static boolean lockHeld(Path lockFile) {
    long inode;
    try {
      inode = ((Number) Files.getAttribute(lockFile, "unix:ino")).longValue();
    } catch (NoSuchFileException e) {
      return false; // never locked: no writer ever opened this ledger
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return true;
    }
    if (!Files.isReadable(LOCKS)) {
      return true;
    }
    String suffix = ":" + inode;
    try (var lines = Files.lines(LOCKS, StandardCharsets.US_ASCII)) {
      // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF": the sixth field ends in the inode
      return lines.map(l -> l.trim().split("\\s+")).anyMatch(f -> f.length > 5 && f[5].endsWith(suffix));
    } catch (IOException | java.io.UncheckedIOException e) {
      return true;
    }
  }

  /** Called by a writer as it opens, before any append. */
  static void clear(LedgerPaths paths) {
    try {
      if (Files.deleteIfExists(paths.closedHead())) {
        DurableFile.fsyncDirectory(paths.root());
      }
    } catch (IOException e) {
      throw new LedgerIoException("remove", paths.closedHead(), e);
    }
  }

  /** Called by a writer as it closes, after its last append. */
  static void write(LedgerPaths paths, long lastIndex) {
    try {
      DurableFile.write(paths.closedHead(), (lastIndex + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new LedgerIoException("write", paths.closedHead(), e);
    }
  }
}
