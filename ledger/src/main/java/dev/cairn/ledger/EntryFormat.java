package dev.cairn.ledger;

import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The bytes of one ledger entry (one Chronicle Queue document):
 *
 * <pre>
 * offset 0   1 byte    0x01, the entry format
 * offset 1   4 bytes   CRC32C of the event bytes, as an int in Chronicle's byte order (little-endian)
 * offset 5   N bytes   the event's canonical JSON line, without a newline
 * </pre>
 *
 * An entry is valid if and only if it is at least 6 bytes long, starts with 0x01 and the CRC32C of
 * bytes 5.. equals the stored one; any other entry is corrupt ({@link LedgerCorruptException}
 * naming its index), unless it is a legacy entry (written before checksums, it starts with
 * {@code '{'}: the event bytes alone, checked only by decoding them). Verified on every read, as
 * Kafka verifies each record batch's CRC. Stateless.
 */
public final class EntryFormat {
  /** The first byte of a checksummed entry. */
  public static final byte CHECKSUMMED = 0x01;
  /** Bytes before the event: the format byte and the CRC32C. */
  public static final int HEADER = 5;

  private EntryFormat() {}

  public static int crc(byte[] bytes, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(bytes, offset, length);
    return (int) c.getValue();
  }

  /** Writes {@code event} as an entry. */
  static void write(Bytes<?> out, byte[] event) {
    out.writeByte(CHECKSUMMED);
    out.writeInt(crc(event, 0, event.length));
    out.write(event);
  }

  /** The stored CRC of the entry at the read position, or null for a legacy or malformed entry; does not move. */
  static Integer storedCrc(Bytes<?> in) {
    long p = in.readPosition();
    if (in.readRemaining() < HEADER + 1 || in.readByte(p) != CHECKSUMMED) {
      return null;
    }
    return in.readInt(p + 1);
  }

  /**
   * Reads the entry at {@code index} from {@code in} (its whole remaining content) and returns the
   * event bytes, verified.
   *
   * @throws LedgerCorruptException if the entry is not valid
   */
  static byte[] read(Bytes<?> in, long index) {
    long length = in.readRemaining();
    if (length <= 0) {
      throw new LedgerCorruptException(index, "an entry of at least 6 bytes", "an empty one", null);
    }
    byte first = in.readByte(in.readPosition());
    if (first == '{') {
      byte[] legacy = new byte[(int) length];
      in.read(legacy);
      return legacy;
    }
    if (first != CHECKSUMMED || length < HEADER + 1) {
      throw new LedgerCorruptException(index, "an entry starting with 0x01 (or '{') of at least 6 bytes",
          String.format("%d bytes starting with 0x%02x", length, first & 0xff), null);
    }
    in.readSkip(1);
    int stored = in.readInt();
    byte[] event = new byte[(int) (length - HEADER)];
    in.read(event);
    int actual = crc(event, 0, event.length);
    if (actual != stored) {
      throw new LedgerCorruptException(index, String.format("CRC32C %08x", stored), String.format("CRC32C %08x over %d bytes", actual, event.length), null);
    }
    return event;
  }
}
