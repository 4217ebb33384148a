package dev.cairn.ledger;

import java.nio.file.Path;

/**
 * The file system holding the ledger has no room for another append: an operating error, not a
 * crash. Nothing was appended by the failed call; what was appended before it is kept.
 */
public final class DiskFullException extends CairnException {
  public DiskFullException(Path where, long usableBytes, long neededBytes) {
    this("no space left on the file system of " + where + " (" + (usableBytes >> 20) + " MiB free, an append needs "
        + Math.max(1, neededBytes >> 20) + " MiB with cairn's reserve): nothing more was appended; free some space and run it again");
  }

  private DiskFullException(String message) {
    super(message);
  }

  /** An append faulted halfway (the file system filled up past the reserve): its entry is torn, cut when the ledger reopens. */
  static DiskFullException torn(Path where) {
    return new DiskFullException("no space left on the file system of " + where + ": an append could not complete and nothing more is"
        + " appended by this process; free some space and run it again (the unfinished entry is cut when the ledger reopens)");
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
