package dev.cairn.ledger.json;

import java.util.Arrays;

/** A growable byte buffer without the synchronization of {@code ByteArrayOutputStream}. Not thread-safe. */
public final class ByteSink {
  private byte[] buf;
  private int size;

  public ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public void write(int b) {
    if (size == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[size++] = (byte) b;
  }

  public void write(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  public void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  /** Feeds the bytes written so far to {@code digest} (no copy). */
  public void updateDigest(java.security.MessageDigest digest) {
    digest.update(buf, 0, size);
  }

  /** Writes a string known to be ASCII. */
  public void writeAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
  }

  /** Makes room for {@code more} bytes after what is written (for writers that fill {@link #array()} directly). */
  public void ensure(long more) {
    long need = size + more;
    if (need > buf.length) {
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("a byte sink holds at most 2 GB; " + need + " bytes asked for");
      }
      buf = Arrays.copyOf(buf, (int) Math.max(Math.min(buf.length * 2L, Integer.MAX_VALUE - 16), need));
    }
  }

  /** The backing array (valid up to {@link #size()}); replaced when it grows. */
  public byte[] array() {
    return buf;
  }

  /** Sets the number of bytes written (after filling {@link #array()} directly); at most its length. */
  public void size(int n) {
    if (n < 0 || n > buf.length) {
      throw new IllegalArgumentException("size " + n + " outside 0.." + buf.length);
    }
    size = n;
  }

  public int size() {
    return size;
  }

  public void reset() {
    size = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
