package dev.cairn.web;

import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.View;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The view the pages read, caught up with the ledger before each read (a page always shows what
 * the ledger holds, whoever appended it: the service, a CLI verb, a sync). One reader and one
 * connection, used under a lock: SQLite reads are fast enough for one person's pages. Thread-safe.
 */
public final class Views implements AutoCloseable {
  private final LedgerReader reader;
  private final View view;

  public Views(LedgerPaths ledger, Path viewFile) {
    this.reader = LedgerReader.open(ledger);
    try {
      this.view = View.open(viewFile);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Runs {@code query} on the caught-up view. */
  public synchronized <T> T read(Function<View, T> query) {
    view.catchUp(reader);
    return query.apply(view);
  }

  /** The index of the ledger's last entry (-1 when empty): what the live pages watch. */
  public synchronized long head() {
    return reader.headIndex();
  }

  @Override
  public synchronized void close() {
    try {
      view.close();
    } finally {
      reader.close();
    }
  }
}
