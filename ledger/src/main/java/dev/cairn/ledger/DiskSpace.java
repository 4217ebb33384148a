package dev.cairn.ledger;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Secures room for appends before their bytes are written. Chronicle Queue writes through a
 * memory-mapped file: on a full file system the write faults (SIGBUS, surfacing as an
 * {@code InternalError}) halfway through an entry. So the writer asks first: at least {@link
 * #RESERVE_BYTES} must be free, checked again after every {@link #CHECK_EVERY_BYTES} written (less
 * than the reserve, so no append between two checks can run out). Not thread-safe; owned by the
 * {@link Ledger} writer.
 */
final class DiskSpace {
  /** Free space kept: room for index pages, a new cycle file's header, the snapshot, the view's journal. */
  static final long RESERVE_BYTES = 32L << 20;
  static final long CHECK_EVERY_BYTES = 1L << 20;
  private final Path dir;
  private final FileStore store;
  private long sinceCheck = Long.MAX_VALUE;

  DiskSpace(Path dir) {
    this.dir = dir;
    try {
      this.store = Files.getFileStore(dir);
    } catch (IOException e) {
      throw new LedgerIoException("inspect the file system of", dir, e);
    }
  }

  /** Throws {@link DiskFullException} unless {@code bytes} more can be appended with the reserve kept. */
  void secure(long bytes) {
    if (sinceCheck < CHECK_EVERY_BYTES && bytes < CHECK_EVERY_BYTES) {
      sinceCheck += bytes;
      return;
    }
    long usable;
    try {
      usable = store.getUsableSpace();
    } catch (IOException e) {
      throw new LedgerIoException("inspect the file system of", dir, e);
    }
    if (usable < RESERVE_BYTES + bytes) {
      sinceCheck = Long.MAX_VALUE; // check again next time: space may have been freed
      throw new DiskFullException(dir, usable, RESERVE_BYTES + bytes);
    }
    sinceCheck = bytes;
  }
}
