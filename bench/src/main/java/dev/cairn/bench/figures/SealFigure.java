package dev.cairn.bench.figures;

import com.github.luben.zstd.ZstdCompressCtx;
import dev.cairn.bench.Figure;
import dev.cairn.bench.Workload;
import dev.cairn.exchange.artifact.SigningKey;
import dev.cairn.exchange.sync.SealCursor;
import dev.cairn.exchange.sync.SealPolicy;
import dev.cairn.exchange.sync.Sealer;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.json.ByteSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code seal}: one origin's events sealed from the ledger into segments and a signed checkpoint in
 * a local store, events/s and MB/s of canonical NDJSON. Ceiling: zstd-jni compressing the same
 * NDJSON, cut at the same boundaries, at the same level, from memory.
 */
public final class SealFigure {
  private SealFigure() {}

  public static List<Figure> run(Path home, Path scratch) {
    Origin origin = Workload.ORIGINS.get(0);
    SealPolicy policy = SealPolicy.DEFAULT;
    List<byte[]> chunks = new ArrayList<>();
    long events = 0;
    long bytes = 0;
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")));
        Cursor c = reader.fromStart()) {
      ByteSink chunk = new ByteSink(policy.maxBytes() + 65536);
      int inChunk = 0;
      for (LedgerRecord r = c.next(); r != null; r = c.next()) {
        if (!r.event().origin().equals(origin)) {
          continue;
        }
        chunk.write(r.bytes());
        chunk.write('\n');
        events++;
        bytes += r.bytes().length + 1;
        if (++inChunk >= policy.maxEvents() || chunk.size() >= policy.maxBytes()) {
          chunks.add(chunk.toByteArray());
          chunk.reset();
          inChunk = 0;
        }
      }
      if (chunk.size() > 0) {
        chunks.add(chunk.toByteArray());
      }
    }
    long t0 = System.nanoTime();
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      ctx.setLevel(policy.level()).setChecksum(true).setContentSize(true);
      for (byte[] ch : chunks) {
        ctx.compress(ch);
      }
    }
    double ceilingSeconds = (System.nanoTime() - t0) / 1e9;

    seal(home, scratch.resolve("warm-up"), origin, policy); // untimed: JIT and page cache, as for the ceiling's data
    long s0 = System.nanoTime();
    seal(home, scratch.resolve("timed"), origin, policy);
    double seconds = (System.nanoTime() - s0) / 1e9;
    double mb = bytes / 1e6;
    int fsyncs = chunks.size() * 2 + 2; // each artifact and its folder are fsynced on publish
    return List.of(
        Figure.throughput("seal", mb / seconds, "MB/s", "zstd-jni on the same NDJSON, same level", mb / ceilingSeconds,
            String.format("%d events (%.0f events/s), %.1f MB, %d segments; sealing includes ~%d fsyncs the ceiling does not",
                events, events / seconds, mb, chunks.size(), fsyncs)));
  }

  private static void seal(Path home, Path store, Origin origin, SealPolicy policy) {
    try (LedgerReader reader = LedgerReader.open(new LedgerPaths(home.resolve("ledger")))) {
      new Sealer(origin, new FolderTransport(store.resolve("store")), SigningKey.loadOrCreate(store.resolve("keys")),
          SealCursor.load(store.resolve("seal-cursor")), policy).seal(reader, reader.state().highWater(origin));
    }
  }
}
