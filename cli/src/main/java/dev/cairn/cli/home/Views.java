package dev.cairn.cli.home;

import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.View;

/** Opens a home's view brought up to date with its ledger (what every reading verb does first). */
public final class Views {
  private Views() {}

  /** The caller closes both: the reader stays open for as long as the view is used. */
  public record Fresh(LedgerReader reader, View view) implements AutoCloseable {
    @Override
    public void close() {
      try {
        view.close();
      } finally {
        reader.close();
      }
    }
  }

  public static Fresh caughtUp(Home home) {
    LedgerReader reader = home.openReader();
    try {
      View view = home.openView();
      try {
        view.catchUp(reader);
        return new Fresh(reader, view);
      } catch (RuntimeException e) {
        view.close();
        throw e;
      }
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
