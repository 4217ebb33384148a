package dev.cairn.cli.home;

import dev.cairn.ledger.LedgerHead;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.projection.View;
import java.util.OptionalLong;

/** Opens a home's view brought up to date with its ledger (what every reading verb does first). */
public final class Views {
  private Views() {}

  /**
   * The caller closes both: the reader stays open for as long as the view is used. {@code reader}
   * is null when the view was already current and the ledger idle ({@link LedgerHead}): nothing
   * was opened to find that out but two small files.
   */
  public record Fresh(LedgerReader reader, View view) implements AutoCloseable {
    @Override
    public void close() {
      try {
        view.close();
      } finally {
        if (reader != null) {
          reader.close();
        }
      }
    }
  }

  public static Fresh caughtUp(Home home) {
    Config.read(home); // a clear "run cairn init" before anything is opened or created
    View view = home.openView();
    try {
      OptionalLong idleHead = LedgerHead.ifIdle(home.ledgerPaths());
      if (idleHead.isPresent() && view.position().ledgerIndex() == idleHead.getAsLong()) {
        return new Fresh(null, view); // current, and no writer can move the ledger under us unseen: no queue to start
      }
      LedgerReader reader = LedgerReader.open(home.ledgerPaths()); // the config was read above
      try {
        view.catchUp(reader);
        return new Fresh(reader, view);
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (RuntimeException e) {
      view.close();
      throw e;
    }
  }
}
