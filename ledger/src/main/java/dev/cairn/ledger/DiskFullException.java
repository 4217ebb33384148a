package dev.cairn.ledger;

import java.nio.file.Path;

/**
 * The file system holding the ledger has no room for another append: an operating error, not a
 * crash. Nothing was appended by the failed call; what was appended before it is kept.
 */
public final class DiskFullException extends CairnException {
  public DiskFullException(Path where, long usableBytes, long neededBytes) {
    super("no space left on the file system of " + where + " (" + (usableBytes >> 20) + " MiB free, an append needs "
        + Math.max(1, neededBytes >> 20) + " MiB with cairn's reserve): nothing more was appended; free some space and run it again");
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
