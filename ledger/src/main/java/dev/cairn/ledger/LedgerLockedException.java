package dev.cairn.ledger;

import java.nio.file.Path;

/** Another process holds the home's writer lock; only one process may append at a time. */
public final class LedgerLockedException extends CairnException {
  private final Path lockFile;

  public LedgerLockedException(Path lockFile, String holder) {
    super("another cairn process" + (holder.isBlank() ? "" : " (" + holder.strip() + ")")
        + " is writing to this home; lock " + lockFile + " is held");
    this.lockFile = lockFile;
  }

  public Path lockFile() {
    return lockFile;
  }

  @Override
  public Kind kind() {
    return Kind.STATE;
  }
}
