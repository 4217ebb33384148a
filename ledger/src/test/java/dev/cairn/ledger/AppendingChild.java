package dev.cairn.ledger;

import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.SessionFlagged;
import java.io.PrintStream;
import java.nio.file.Path;

/** Child process for {@link AppendCrashTest}: appends forever, printing "ack SEQ" after each append returns. */
public final class AppendingChild {
  public static void main(String[] args) {
    Origin origin = new Origin("crash-000001");
    PrintStream out = new PrintStream(System.out, false);
    try (Ledger ledger = Ledger.open(new LedgerPaths(Path.of(args[0])), origin)) {
      out.println("ready " + ledger.highWater(origin));
      out.flush();
      for (long i = 0; ; i++) {
        Event e = ledger.appendLocal(new Draft(SessionFlagged.starred(SessionId.parse("crash-000001~s" + i), null)));
        out.println("ack " + e.seq());
        out.flush();
      }
    }
  }
}
