package dev.cairn.exchange.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.event.Envelope;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import dev.cairn.ledger.json.ByteSink;
import dev.cairn.ledger.json.JsonInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes and verifies segments.
 *
 * <p>A segment file is one zstd frame (with content size and content checksum) whose content is
 * canonical NDJSON: the {@link SegmentHeader} line, then one canonical event line per event, each
 * line ending in {@code \n}. Its name is the SHA-256 of the file's bytes. {@code zstdcat FILE | jq}
 * reads it.
 *
 * <p>A segment is valid if and only if: the SHA-256 of the bytes equals its name; the bytes are
 * exactly one zstd frame that decompresses, within {@link #MAX_CONTENT_BYTES}, with a valid
 * checksum; the first line is a header of format {@code cairn-segment} version 1 whose origin is
 * the name's origin; exactly {@code count} event lines follow; every line is canonical (decoding
 * and re-encoding it gives the same bytes); every event has the header's origin and the seqs run
 * {@code first_seq, first_seq+1, ..., last_seq}; and {@code min_hlc}/{@code max_hlc} are the
 * least and greatest HLCs of the events. Verification happens in full before any event is handed
 * out.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class SegmentCodec {
  /** The largest decompressed segment accepted (a guard against decompression bombs). */
  public static final int MAX_CONTENT_BYTES = 256 << 20;
  public static final int DEFAULT_LEVEL = 3;

  private SegmentCodec() {}

  /** One event line to seal: its envelope and its canonical bytes (no newline). */
  public record Line(Envelope envelope, byte[] bytes) {}

  /** Seals {@code events} (one origin, contiguous seqs, at least one) into a segment. */
  public static Segment encode(List<Event> events, int level) {
    List<Line> lines = new ArrayList<>(events.size());
    for (Event e : events) {
      lines.add(new Line(new Envelope(e.origin(), e.seq(), e.hlc()), EventCodec.encode(e)));
    }
    return encodeLines(lines, level);
  }

  /**
   * Seals canonical event lines (one origin, contiguous seqs, at least one) into a segment,
   * without decoding or re-encoding them: the ledger already holds them in canonical form.
   */
  public static Segment encodeLines(List<Line> lines, int level) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a segment holds at least one event");
    }
    Envelope first = lines.get(0).envelope();
    Origin origin = first.origin();
    Hlc min = first.hlc();
    Hlc max = first.hlc();
    long expected = first.seq().value();
    int size = 256;
    for (Line l : lines) {
      size += l.bytes().length + 1;
    }
    ByteSink body = new ByteSink(size);
    List<byte[]> raw = new ArrayList<>(lines.size());
    for (Line l : lines) {
      Envelope e = l.envelope();
      if (!e.origin().equals(origin) || e.seq().value() != expected) {
        throw new IllegalArgumentException("segment events must be one origin's contiguous seqs; at " + e.origin() + "/" + e.seq()
            + " expected " + origin + "/" + expected);
      }
      expected++;
      min = e.hlc().compareTo(min) < 0 ? e.hlc() : min;
      max = Hlc.max(max, e.hlc());
      raw.add(l.bytes());
      body.write(l.bytes());
      body.write('\n');
    }
    Envelope last = lines.get(lines.size() - 1).envelope();
    SegmentHeader header = new SegmentHeader(origin, first.seq(), last.seq(), lines.size(), min, max);
    ByteSink content = new ByteSink(body.size() + 256);
    content.write(header.encode());
    content.write('\n');
    content.write(body.toByteArray());
    byte[] compressed;
    try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
      ctx.setLevel(level).setChecksum(true).setContentSize(true);
      compressed = ctx.compress(content.toByteArray());
    }
    ArtifactName name = ArtifactName.segment(origin, Sha256.of(compressed));
    return new Segment(name, compressed, header, raw, null);
  }

  /** Verifies {@code bytes} as the segment {@code name} and returns its events; see the class comment. */
  public static Segment verify(ArtifactName name, byte[] bytes) {
    if (name.kind() != ArtifactKind.SEGMENT) {
      throw new IllegalArgumentException("not a segment name: " + name);
    }
    Sha256 actual = Sha256.of(bytes);
    if (!actual.equals(name.sha256())) {
      throw new ArtifactCorruptException(name, "bytes whose SHA-256 is the name", "SHA-256 " + actual);
    }
    byte[] content = decompress(name, bytes);
    int lineEnd = indexOf(content, 0);
    if (lineEnd < 0) {
      throw new ArtifactCorruptException(name, "a header line", "no complete line");
    }
    SegmentHeader header = header(name, content, lineEnd);
    List<Event> events = new ArrayList<>((int) Math.min(header.count(), 1_000_000));
    List<byte[]> lines = new ArrayList<>((int) Math.min(header.count(), 1_000_000));
    int start = lineEnd + 1;
    long seq = header.first().value();
    Hlc min = null;
    Hlc max = null;
    while (start < content.length) {
      int end = indexOf(content, start);
      if (end < 0) {
        throw new ArtifactCorruptException(name, "every line to end in \\n", "a cut last line");
      }
      Event e;
      try {
        e = EventCodec.decode(content, start, end - start);
      } catch (CairnException ex) {
        throw new ArtifactCorruptException(name, "a valid event on line " + (events.size() + 2), ex.getMessage());
      }
      byte[] canonical = EventCodec.encode(e);
      if (!Arrays.equals(canonical, 0, canonical.length, content, start, end)) {
        throw new ArtifactCorruptException(name, "canonical event bytes on line " + (events.size() + 2), "a non-canonical line");
      }
      if (!e.origin().equals(header.origin()) || e.seq().value() != seq) {
        throw new ArtifactCorruptException(name, "event " + header.origin() + "/" + seq + " on line " + (events.size() + 2), e.id().toString());
      }
      seq++;
      min = min == null || e.hlc().compareTo(min) < 0 ? e.hlc() : min;
      max = max == null ? e.hlc() : Hlc.max(max, e.hlc());
      events.add(e);
      lines.add(canonical);
      start = end + 1;
    }
    if (events.size() != header.count() || seq - 1 != header.last().value()) {
      throw new ArtifactCorruptException(name, header.count() + " events ending at seq " + header.last(), events.size() + " events");
    }
    if (!header.minHlc().equals(min) || !header.maxHlc().equals(max)) {
      throw new ArtifactCorruptException(name, "min/max HLC " + header.minHlc() + "/" + header.maxHlc(), min + "/" + max);
    }
    return new Segment(name, bytes, header, lines, events);
  }

  private static byte[] decompress(ArtifactName name, byte[] bytes) {
    long size;
    try {
      size = Zstd.getFrameContentSize(bytes);
    } catch (ZstdException e) {
      throw new ArtifactCorruptException(name, "a zstd frame", e.getMessage());
    }
    if (size < 0 || size > MAX_CONTENT_BYTES) {
      throw new ArtifactCorruptException(name, "a zstd frame with a content size of at most " + MAX_CONTENT_BYTES + " bytes",
          size < 0 ? "no readable content size" : size + " bytes");
    }
    try {
      long frame = Zstd.findFrameCompressedSize(bytes);
      if (frame != bytes.length) {
        throw new ArtifactCorruptException(name, "exactly one zstd frame of " + bytes.length + " bytes", "a frame of " + frame + " bytes");
      }
      byte[] out = new byte[(int) size];
      long n = Zstd.decompress(out, bytes);
      if (n != size) {
        throw new ArtifactCorruptException(name, size + " decompressed bytes", n + " bytes");
      }
      return out;
    } catch (ZstdException | IllegalArgumentException e) {
      throw new ArtifactCorruptException(name, "a zstd frame that decompresses with a valid checksum", e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof ArtifactCorruptException c) {
        throw c;
      }
      throw new ArtifactCorruptException(name, "a zstd frame that decompresses", e.toString());
    }
  }

  private static SegmentHeader header(ArtifactName name, byte[] content, int lineEnd) {
    JsonNode h;
    try {
      h = JsonInput.parseObject(content, 0, lineEnd);
    } catch (CairnException e) {
      throw new ArtifactCorruptException(name, "a JSON header line", e.getMessage());
    }
    if (!SegmentHeader.FORMAT.equals(h.path("format").asText()) || h.path("v").asInt(-1) != SegmentHeader.VERSION) {
      throw new ArtifactCorruptException(name, "format cairn-segment version 1", h.path("format").asText() + " version " + h.path("v"));
    }
    try {
      Origin origin = Origin.parse(h.path("origin").asText());
      if (!origin.equals(name.origin())) {
        throw new ArtifactCorruptException(name, "origin " + name.origin(), origin.toString());
      }
      long first = h.path("first_seq").asLong(0);
      long last = h.path("last_seq").asLong(0);
      long count = h.path("count").asLong(0);
      if (first < 1 || last < first || count != last - first + 1) {
        throw new ArtifactCorruptException(name, "1 <= first_seq <= last_seq and count = last - first + 1", first + ".." + last + " count " + count);
      }
      SegmentHeader header = new SegmentHeader(origin, new Seq(first), new Seq(last), count, Hlc.parse(h.path("min_hlc").asText()),
          Hlc.parse(h.path("max_hlc").asText()));
      if (!Arrays.equals(header.encode(), 0, header.encode().length, content, 0, lineEnd)) {
        throw new ArtifactCorruptException(name, "a canonical header line", "a non-canonical one");
      }
      return header;
    } catch (ArtifactCorruptException e) {
      throw e;
    } catch (CairnException e) {
      throw new ArtifactCorruptException(name, "a valid header", e.getMessage());
    }
  }

  private static int indexOf(byte[] a, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
