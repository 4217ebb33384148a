package dev.cairn.ledger;

import java.nio.file.Path;

/**
 * The ledger's queue yields fewer entries than its checksummed snapshot records: its files are
 * damaged (a header overwritten, a file truncated), not merely behind. Never reported as "0
 * entries"; the writer moves such a queue aside and starts a new one ({@link LedgerRecovery}).
 */
public final class LedgerUnreadableException extends CairnException {
  private final long recorded;
  private final long readable;

  public LedgerUnreadableException(Path queue, long recorded, long readable) {
    super("the ledger in " + queue + " is damaged: its snapshot (state.json, checksummed) records " + recorded + " entries but the queue"
        + " yields " + readable + "; nothing was changed. A writing verb moves the damaged queue aside and restores every sealed event"
        + " from this home's artifacts; 'cairn reconcile TARGET --restore' brings back the rest from a target");
    this.recorded = recorded;
    this.readable = readable;
  }

  public long recorded() {
    return recorded;
  }

  public long readable() {
    return readable;
  }

  @Override
  public Kind kind() {
    return Kind.CORRUPT;
  }
}
