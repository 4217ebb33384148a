package dev.cairn.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link LedgerRecovery} decided about entries it found unreadable, kept beside the queue in
 * {@code ledger/repairs/} so that every reader (in any process) sees the same ledger:
 *
 * <pre>
 * 00000000000000000123.healed   the event's canonical bytes, restored from a sealed artifact and
 *                               matched by the entry's stored CRC32C: read in place of the entry
 * 00000000000000000124.lost     why the entry is skipped (a torn tail that was never acknowledged,
 *                               or an unreadable entry no sealed copy matches)
 * </pre>
 *
 * The queue itself is never rewritten: indices (which the view and named cursors store) stay
 * valid. Immutable once loaded (load again to see new decisions); thread-safe.
 */
public final class Repairs {
  public static final Repairs NONE = new Repairs(Map.of(), Map.of());
  private final Map<Long, byte[]> healed;
  private final Map<Long, String> lost;

  private Repairs(Map<Long, byte[]> healed, Map<Long, String> lost) {
    this.healed = healed;
    this.lost = lost;
  }

  public static Repairs load(LedgerPaths paths) {
    Path dir = paths.repairs();
    TreeMap<Long, byte[]> healed = new TreeMap<>();
    TreeMap<Long, String> lost = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        int dot = n.indexOf('.');
        if (dot != 20 || !n.substring(0, dot).chars().allMatch(Character::isDigit)) {
          continue; // not ours (a leftover temporary file, a stray)
        }
        long index = Long.parseLong(n.substring(0, dot));
        if (n.endsWith(".healed")) {
          healed.put(index, Files.readAllBytes(f));
        } else if (n.endsWith(".lost")) {
          lost.put(index, Files.readString(f, StandardCharsets.UTF_8).strip());
        }
      }
    } catch (NoSuchFileException e) {
      return NONE;
    } catch (IOException e) {
      throw new LedgerIoException("read", dir, e);
    }
    return healed.isEmpty() && lost.isEmpty() ? NONE : new Repairs(Collections.unmodifiableMap(healed), Collections.unmodifiableMap(lost));
  }

  /** The restored bytes of the entry at {@code index}, if it was healed. */
  public Optional<byte[]> healed(long index) {
    return Optional.ofNullable(healed.get(index));
  }

  /** Whether the entry at {@code index} is skipped. */
  public boolean lost(long index) {
    return lost.containsKey(index);
  }

  public Map<Long, String> lostEntries() {
    return lost;
  }

  public boolean isEmpty() {
    return healed.isEmpty() && lost.isEmpty();
  }

  static void recordHealed(LedgerPaths paths, long index, byte[] event) {
    write(paths, index, ".healed", event);
  }

  static void recordLost(LedgerPaths paths, long index, String reason) {
    write(paths, index, ".lost", (reason + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void write(LedgerPaths paths, long index, String suffix, byte[] bytes) {
    Path f = paths.repairs().resolve(String.format("%020d", index) + suffix);
    try {
      DurableFile.write(f, bytes);
    } catch (IOException e) {
      throw new LedgerIoException("write", f, e);
    }
  }
}
