package dev.cairn.exchange.sync;

import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.Segment;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.EntryFormat;
import dev.cairn.ledger.LedgerRecovery;
import dev.cairn.ledger.Origin;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The events a store's sealed segments hold, for ledger recovery: finds the canonical line with a
 * given CRC32C and length (what an unreadable ledger entry still says of itself). Every segment is
 * verified before its lines are used. Built on first use (recovery is rare), then kept.
 *
 * <p>Not thread-safe; used by the writer during recovery.
 */
public final class SealedEvents implements LedgerRecovery.EventSource {
  private final Transport store;
  private Map<Long, byte[]> byCrcAndLength;

  public SealedEvents(Transport store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> find(int crc, int length) {
    if (byCrcAndLength == null) {
      byCrcAndLength = index();
    }
    return Optional.ofNullable(byCrcAndLength.get(key(crc, length)));
  }

  private static long key(int crc, int length) {
    return ((long) crc << 32) | (length & 0xffffffffL);
  }

  private Map<Long, byte[]> index() {
    Map<Long, byte[]> out = new HashMap<>();
    for (Origin origin : store.origins()) {
      for (ArtifactInfo info : store.list(origin, ArtifactKind.SEGMENT, null)) {
        Segment segment;
        try {
          segment = SegmentCodec.verify(info.name(), store.get(info.name()));
        } catch (ArtifactCorruptException | ArtifactNotFoundException e) {
          continue; // a damaged copy heals nothing
        }
        for (byte[] line : segment.lines()) {
          out.putIfAbsent(key(EntryFormat.crc(line, 0, line.length), line.length), line);
        }
      }
    }
    return out;
  }
}
