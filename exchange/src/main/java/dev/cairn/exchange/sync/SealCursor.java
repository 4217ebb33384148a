package dev.cairn.exchange.sync;

import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The ledger index up to which this origin's events have been sealed ({@code
 * state/seal-cursor}): a hint that keeps sealing from scanning the whole ledger. Losing it or
 * finding it stale only costs a longer scan (the sealer checks seqs, not the hint).
 *
 * <p>Not thread-safe.
 */
public final class SealCursor {
  private final Path file;
  private long index;

  private SealCursor(Path file, long index) {
    this.file = file;
    this.index = index;
  }

  public static SealCursor load(Path file) {
    try {
      return new SealCursor(file, Long.parseLong(Files.readString(file).strip()));
    } catch (NoSuchFileException | NumberFormatException e) {
      return new SealCursor(file, -1);
    } catch (IOException e) {
      return new SealCursor(file, -1);
    }
  }

  long ledgerIndex() {
    return index;
  }

  void advance(long to) {
    index = to;
    try {
      DurableFile.write(file, (to + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // only a hint: the next seal scans from an older index
    }
  }
}
