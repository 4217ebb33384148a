package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.bench.Workload;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.sync.SealCursor;
import dev.cairn.exchange.sync.SealPolicy;
import dev.cairn.exchange.sync.Sealer;
import dev.cairn.exchange.sync.SyncReport;
import dev.cairn.exchange.sync.Synchronizer;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.clock.PhysicalClock;
import dev.cairn.projection.View;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code import-folder}: a fresh home pulls the three origins' segments from a folder, verifies
 * them, appends them and brings its view up to date, events/s; ceiling: the {@code rebuild}
 * figure of the same run (applying is the same work; pulling should add little). Then {@code
 * noop-sync}: the same home syncs again with nothing new; goal 0 artifact bytes.
 */
public final class ImportFolderFigure {
  private ImportFolderFigure() {}

  public static List<Figure> run(Path source, Path scratch, double rebuildPerSecond) {
    FolderTransport folder = new FolderTransport(scratch.resolve("folder"));
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(source.resolve("ledger")))) {
      for (Origin o : Workload.ORIGINS) {
        new Sealer(o, folder, SigningKey.loadOrCreate(scratch.resolve("keys-" + o)), SealCursor.load(scratch.resolve("cursor-" + o)),
            SealPolicy.DEFAULT).seal(reader, reader.state().highWater(o));
      }
    }
    Path home = scratch.resolve("puller");
    Origin me = new Origin("bench-puller");
    try (Ledger ledger = Ledger.open(new LedgerPaths(home.resolve("ledger")), me, PhysicalClock.SYSTEM, Duration.ofDays(36500));
        View view = View.open(home.resolve("view.db"))) {
      SigningKey key = SigningKey.loadOrCreate(home.resolve("keys"));
      PinnedKeys pins = PinnedKeys.load(home.resolve("state/peers.json"));
      FolderTransport store = new FolderTransport(home.resolve("artifacts"));
      Synchronizer sync = new Synchronizer(ledger, store,
          new Sealer(me, store, key, SealCursor.load(home.resolve("state/seal")), SealPolicy.DEFAULT), pins, Clock.systemUTC());
      long t0 = System.nanoTime();
      SyncReport first = sync.sync(folder, false);
      ledger.sync();
      view.catchUp(ledger.reader());
      double seconds = (System.nanoTime() - t0) / 1e9;
      SyncReport again = sync.sync(folder, false);
      return List.of(
          Figure.throughput("import-folder", first.applied() / seconds, "events/s", "rebuild figure of this run", rebuildPerSecond,
              String.format("%d events, %d artifacts, %.1f MB pulled in %.2f s", first.applied(), first.pulled(),
                  first.transferredBytes() / 1e6, seconds)),
          Figure.cost("noop-sync", again.transferredBytes(), "artifact bytes", "goal 0 bytes", 0,
              again.listCalls() + " list calls for " + Workload.ORIGINS.size() + " origins, " + (again.pushed() + again.pulled()) + " artifacts moved"));
    }
  }
}
