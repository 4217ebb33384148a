package dev.cairn.projection;

import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import java.nio.file.Path;

/** Child process for {@link ProjectionCrashTest}: catches a view up in small batches, printing each commit. */
public final class ProjectingChild {
  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")));
        View view = View.open(home.resolve("view.db"), Integer.parseInt(args[1]))) {
      System.out.println("ready");
      System.out.flush();
      view.catchUp(reader, (applied, head) -> {
        System.out.println("batch " + applied);
        System.out.flush();
      });
      System.out.println("done");
      System.out.flush();
    }
  }
}
