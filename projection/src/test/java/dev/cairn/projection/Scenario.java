package dev.cairn.projection;

import dev.cairn.ledger.event.SessionTagChanged;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.MessagePinned;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionPurged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.SessionRenamed;
import dev.cairn.ledger.event.UnknownEvent;
import dev.cairn.ledger.event.UnknownFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three machines' event streams with concurrent, conflicting curation: the fixed event set that
 * projection tests deliver in many orders. Each origin's list is in seq order.
 */
final class Scenario {
  static final Origin A = new Origin("alpha-aaaaaa");
  static final Origin B = new Origin("bravo-bbbbbb");
  static final Origin C = new Origin("charlie-cccccc");
  static final long T0 = 1_763_754_392_000L;

  final Map<Origin, List<Event>> streams = new LinkedHashMap<>();

  private Event add(Origin o, long wall, EventBody body) {
    List<Event> list = streams.computeIfAbsent(o, k -> new ArrayList<>());
    Event e = new Event(o, new Seq(list.size() + 1), new Hlc(T0 + wall, 0), body, UnknownFields.NONE);
    list.add(e);
    return e;
  }

  static Scenario standard() {
    Scenario s = new Scenario();
    SessionId s1 = SessionId.parse("alpha-aaaaaa~one");
    SessionId s2 = SessionId.parse("bravo-bbbbbb~two");
    SessionId s3 = SessionId.parse("alpha-aaaaaa~three");
    s.add(A, 1, recorded(s1, "first title", null));
    for (int i = 0; i < 5; i++) {
      s.add(A, 2 + i, message(s1, i, "alpha message " + i));
    }
    s.add(B, 3, recorded(s2, "second", null));
    s.add(B, 4, message(s2, 0, "bravo says hi"));
    s.add(A, 8, recorded(s3, "to be purged", null));
    s.add(A, 9, message(s3, 0, "secret"));
    // A re-records s1 later with more information: the later record wins.
    s.add(A, 20, recorded(s1, "first title (summary)", Instant.parse("2025-11-21T20:00:00Z")));

    // Concurrent renames of s1 by all three from the same starting point (no prev): a 3-way fork.
    Event ra = s.add(A, 30, new SessionRenamed(s1, "Alpha's name", null));
    s.add(B, 31, new SessionRenamed(s1, "Bravo's name", null));
    Event rc = s.add(C, 32, new SessionRenamed(s1, "Charlie's name", null));
    // B later saw C's rename (the fork's winner) and renamed again: not a conflict.
    s.add(B, 40, new SessionRenamed(s1, "Agreed name", rc.id()));
    // A renamed again having seen only its own first rename: a new group of one, not a conflict.
    s.add(A, 41, new SessionRenamed(s1, "Alpha again", ra.id()));

    // Star / unstar race on s2: B stars, C unstars, both saw nothing.
    s.add(B, 50, SessionFlagged.starred(s2, null));
    s.add(C, 50, SessionFlagged.unstarred(s2, null));
    // Same value from two origins: not a conflict.
    s.add(A, 51, SessionTagChanged.tagged(s2, "infra", null));
    s.add(C, 52, SessionTagChanged.tagged(s2, "infra", null));
    Event tagged = s.add(A, 53, SessionTagChanged.tagged(s1, "ci", null));
    s.add(B, 54, SessionTagChanged.untagged(s1, "ci", tagged.id()));
    s.add(C, 55, new MessagePinned(s1, 2, "the fix", null));
    s.add(A, 56, new MessagePinned(s1, 2, "the real fix", null));
    s.add(B, 57, SessionFlagged.trashed(s2, null));

    // Curation of s3, then a purge from B: the purge absorbs everything about s3.
    s.add(C, 60, SessionFlagged.starred(s3, null));
    s.add(B, 61, new SessionPurged(s3));
    s.add(A, 62, message(s3, 1, "after purge"));
    // An event type from the future: stored, skipped, counted.
    s.add(C, 63, new UnknownEvent("session.rated"));
    // The same (session, ordinal) written twice by A: the later event is the message.
    s.add(A, 70, message(s1, 4, "alpha message 4, edited"));
    return s;
  }

  static SessionRecorded recorded(SessionId id, String title, Instant ended) {
    return new SessionRecorded(id, "claude-code", "cairn", title, Instant.parse("2025-11-21T19:00:00Z"), ended,
        "/tmp/" + id.nativeId() + ".jsonl", null, "/home/dev/cairn", "main");
  }

  static MessageAppended message(SessionId id, long ordinal, String text) {
    return new MessageAppended(id, ordinal, ordinal % 2 == 0 ? "user" : "assistant", text, null,
        Instant.parse("2025-11-21T19:00:00Z").plusSeconds(ordinal), null, List.of(), null);
  }

  List<Event> all() {
    List<Event> out = new ArrayList<>();
    streams.values().forEach(out::addAll);
    return out;
  }
}
