package dev.cairn.bench;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.MessagePinned;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRenamed;
import dev.cairn.ledger.event.SessionTagChanged;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The curation both workloads draw: star, unstar, rename, tag, pin or trash a random session of
 * any origin, naming the register's latest version as {@code prev} — or, a third of the time, the
 * one before, so the write is concurrent and conflicts are recorded. Remembers the last two
 * versions of every register. Not thread-safe.
 */
final class Curations {
  private final Map<String, EventId[]> versions = new HashMap<>();

  /** A curation of one of {@code sessions}; {@code words} gives a title or a pin's note. */
  Curation draw(Random random, List<SessionId> sessions, Supplier<String> words) {
    SessionId s = sessions.get(random.nextInt(sessions.size()));
    Curation c = switch (random.nextInt(6)) {
      case 0 -> SessionFlagged.starred(s, null);
      case 1 -> SessionFlagged.unstarred(s, null);
      case 2 -> new SessionRenamed(s, words.get(), null);
      case 3 -> SessionTagChanged.tagged(s, "tag" + random.nextInt(8), null);
      case 4 -> new MessagePinned(s, random.nextInt(4), random.nextBoolean() ? null : words.get(), null);
      default -> SessionFlagged.trashed(s, null);
    };
    EventId[] v = versions.get(key(c));
    EventId prev = v == null ? null : random.nextInt(3) == 0 ? v[1] : v[0]; // a third saw an older version: concurrent
    return c.withPrev(prev);
  }

  /** Records the version a stamped curation event made (other events are ignored). */
  void stamped(Event e) {
    if (e.body() instanceof Curation c) {
      EventId[] v = versions.computeIfAbsent(key(c), k -> new EventId[2]);
      v[1] = v[0];
      v[0] = e.id();
    }
  }

  private static String key(Curation c) {
    return c.session() + "|" + c.register().name();
  }
}
