package dev.cairn.ledger;

import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventCodec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Foreign events held back instead of appended: their HLC is more than the maximum drift ahead of
 * this machine's clock, or an earlier event of the same origin is held back (an origin's events
 * are appended in seq order, so one far-future event holds back those after it).
 *
 * <p>On disk: {@code quarantine/<origin>/<seq, 20 digits>.json}, the event's canonical bytes.
 * Files are written durably (DurableFile) and removed once the event is appended. Nothing here is
 * ever applied to the view; the ledger retries the oldest event of each origin whenever it opens
 * and before each foreign append of that origin.
 *
 * <p>Thread-safety: not thread-safe; owned by the {@link Ledger} writer, which serialises access.
 */
public final class Quarantine {
  private final Path dir;
  private final TreeMap<Origin, TreeSet<Long>> held = new TreeMap<>();

  Quarantine(Path dir) {
    this.dir = dir;
    load();
  }

  /** Counts held-back events without opening a writer (for status). */
  public static int count(LedgerPaths paths) {
    return new Quarantine(paths.quarantine()).size();
  }

  private void load() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> origins = Files.newDirectoryStream(dir)) {
      for (Path originDir : origins) {
        String name = originDir.getFileName().toString();
        if (!Origin.isValid(name)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(originDir, "*.json")) {
          for (Path f : files) {
            String n = f.getFileName().toString();
            String digits = n.substring(0, n.length() - 5);
            if (digits.length() != 20 || !digits.chars().allMatch(Character::isDigit) || digits.compareTo("09223372036854775807") > 0) {
              continue; // not a quarantine entry's name (a stray, or out of range): never read as one
            }
            held.computeIfAbsent(new Origin(name), o -> new TreeSet<>()).add(Long.parseLong(digits));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new LedgerIoException("list", dir, e instanceof IOException io ? io : new IOException(e));
    }
  }

  int size() {
    return held.values().stream().mapToInt(TreeSet::size).sum();
  }

  boolean holds(Origin origin) {
    TreeSet<Long> s = held.get(origin);
    return s != null && !s.isEmpty();
  }

  /** The greatest seq held for {@code origin}, or {@link Seq#NONE}. */
  Seq last(Origin origin) {
    TreeSet<Long> s = held.get(origin);
    return s == null || s.isEmpty() ? Seq.NONE : new Seq(s.last());
  }

  List<Origin> origins() {
    return new ArrayList<>(held.keySet());
  }

  void put(Event event) {
    Path file = file(event.origin(), event.seq().value());
    try {
      DurableFile.write(file, EventCodec.encode(event)); // written durably and privately
    } catch (IOException e) {
      throw new LedgerIoException("quarantine", file, e);
    }
    held.computeIfAbsent(event.origin(), o -> new TreeSet<>()).add(event.seq().value());
  }

  /**
   * The oldest held event of {@code origin}, or null. A file whose content is not the event its
   * name says (damaged, or put there by hand) is moved aside to {@code quarantine/.damaged/} and
   * skipped: the event comes again from the next sync.
   */
  Event first(Origin origin) {
    while (true) {
      TreeSet<Long> s = held.get(origin);
      if (s == null || s.isEmpty()) {
        return null;
      }
      long seq = s.first();
      Path file = file(origin, seq);
      try {
        Event e = EventCodec.decode(Files.readAllBytes(file));
        if (e.origin().equals(origin) && e.seq().value() == seq) {
          return e;
        }
        setAside(origin, seq, file);
      } catch (EventFormatException e) {
        setAside(origin, seq, file);
      } catch (NoSuchFileException e) {
        forget(origin, seq);
      } catch (IOException e) {
        throw new LedgerIoException("read", file, e);
      }
    }
  }

  private void setAside(Origin origin, long seq, Path file) {
    Path aside = dir.resolve(".damaged").resolve(origin.value() + "-" + file.getFileName() + "." + System.currentTimeMillis());
    try {
      Files.createDirectories(aside.getParent());
      Files.move(file, aside);
    } catch (IOException e) {
      throw new LedgerIoException("move aside", file, e);
    }
    forget(origin, seq);
  }

  private void forget(Origin origin, long seq) {
    TreeSet<Long> s = held.get(origin);
    if (s != null) {
      s.remove(seq);
      if (s.isEmpty()) {
        held.remove(origin);
      }
    }
  }

  void remove(Event event) {
    Path file = file(event.origin(), event.seq().value());
    try {
      Files.deleteIfExists(file);
    } catch (NoSuchFileException ignored) {
      // already gone
    } catch (IOException e) {
      throw new LedgerIoException("delete", file, e);
    }
    TreeSet<Long> s = held.get(event.origin());
    if (s != null) {
      s.remove(event.seq().value());
      if (s.isEmpty()) {
        held.remove(event.origin());
      }
    }
  }

  private Path file(Origin origin, long seq) {
    return dir.resolve(origin.value()).resolve(String.format("%020d.json", seq));
  }
}
