package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.PinnedKeys;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.projection.ConflictRow;
import dev.cairn.projection.View;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A machine in a test: ledger, view, local artifact store, key, pins, sealer and synchronizer,
 * wired the way the CLI wires them. Not thread-safe.
 */
final class TestHome implements AutoCloseable {
  final Origin origin;
  final Path dir;
  final Ledger ledger;
  final View view;
  final FolderTransport store;
  final SigningKey key;
  final PinnedKeys pins;
  final Synchronizer sync;

  TestHome(Path dir, String origin) {
    this(dir, origin, SealPolicy.DEFAULT);
  }

  TestHome(Path dir, String origin, SealPolicy policy) {
    this(dir, origin, policy, CompactionPolicy.DEFAULT);
  }

  TestHome(Path dir, String origin, SealPolicy policy, CompactionPolicy compaction) {
    this.dir = dir;
    this.origin = new Origin(origin);
    this.ledger = Ledger.open(new LedgerPaths(dir.resolve("ledger")), this.origin);
    this.view = View.open(dir.resolve("view.db"));
    this.store = new FolderTransport(dir.resolve("artifacts"));
    this.key = SigningKey.loadOrCreate(dir.resolve("keys"));
    this.pins = PinnedKeys.load(dir.resolve("state/peers.json"));
    pins.pinOwn(this.origin, key.publicKey(), Clock.systemUTC().instant());
    Sealer sealer = new Sealer(this.origin, store, key, SealCursor.load(dir.resolve("state/seal-cursor")), policy, compaction);
    this.sync = new Synchronizer(ledger, store, sealer, pins, Clock.systemUTC());
  }

  Event append(EventBody body) {
    return ledger.appendLocal(new Draft(body));
  }

  /** Appends a curation event with prev = the version this home's view holds (what the CLI verbs do). */
  Event curate(Curation c) {
    view.catchUp(ledger.reader());
    var version = view.registerVersion(c.session(), c.register());
    return append(c.withPrev(version.map(k -> k.eventId()).orElse(null)));
  }

  SyncReport sync(Transport target) {
    SyncReport r = sync.sync(target, false);
    view.catchUp(ledger.reader());
    return r;
  }

  String digest() {
    view.catchUp(ledger.reader());
    return view.digest();
  }

  List<ConflictRow> conflicts() {
    view.catchUp(ledger.reader());
    return view.queries().conflicts();
  }

  SessionId session(String nativeId) {
    return new SessionId(origin, nativeId);
  }

  @Override
  public void close() {
    view.close();
    ledger.close();
  }
}
