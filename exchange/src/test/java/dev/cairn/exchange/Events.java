package dev.cairn.exchange;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test events: one origin's contiguous run with a session and its messages. */
public final class Events {
  private Events() {}

  public static List<Event> run(Origin origin, long firstSeq, int count) {
    List<Event> out = new ArrayList<>();
    SessionId s = new SessionId(origin, "s1");
    for (int i = 0; i < count; i++) {
      long seq = firstSeq + i;
      var body = seq == 1
          ? new SessionRecorded(s, "claude-code", "p", "t", Instant.parse("2025-11-20T10:00:00Z"), null, "/src", null, null, null)
          : new MessageAppended(s, seq, "user", "message " + seq + " é 🎉", null, null, null, List.of(), null);
      out.add(new Event(origin, new Seq(seq), new Hlc(1_763_754_392_000L + seq, 0), body));
    }
    return out;
  }
}
