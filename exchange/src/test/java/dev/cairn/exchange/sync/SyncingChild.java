package dev.cairn.exchange.sync;

import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Child for {@link SyncCrashTest}: records events and syncs to a folder in a loop, in small segments, until killed. */
public final class SyncingChild {
  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    FolderTransport folder = new FolderTransport(Path.of(args[1]));
    try (TestHome h = new TestHome(home, "crash-000001", new SealPolicy(20, 1 << 20, 3))) {
      System.out.println("ready");
      System.out.flush();
      for (int round = 0; ; round++) {
        SessionId s = h.session("r" + round + "-" + System.nanoTime());
        h.append(new SessionRecorded(s, "claude-code", "p", "t", Instant.parse("2025-11-20T10:00:00Z"), null, "/x", null, null, null));
        for (int m = 0; m < 150; m++) {
          h.append(new MessageAppended(s, m, "user", "x".repeat(200) + m, null, null, null, List.of(), null));
        }
        h.sync(folder);
        System.out.println("synced " + round); // proof of work: the parent kills only after it has seen some
        System.out.flush();
      }
    }
  }
}
