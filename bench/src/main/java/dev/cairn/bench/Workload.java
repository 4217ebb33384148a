package dev.cairn.bench;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic, seeded stream of realistic events from 3 origins, interleaved as a machine
 * that hears from all three would see them (each origin's events in seq order): about 5 %
 * {@code session.recorded}, 85 % {@code message.appended} with text lengths drawn from a log-normal
 * distribution (median about 400 bytes, tail cut at 20 KB, a fifth of assistant messages with a
 * tool call), and 10 % curation on sessions of any origin, a third of it concurrent (naming a
 * version that another origin has already superseded), so conflicts are recorded. The same seed
 * and count always give the same events. Not thread-safe.
 */
public final class Workload implements Iterator<Event> {
  public static final List<Origin> ORIGINS = List.of(new Origin("bench-a-000001"), new Origin("bench-b-000002"), new Origin("bench-c-000003"));
  private static final String[] WORDS = ("the ledger clock test build maven segment hash sqlite view event origin sync folder bucket error fix "
      + "run check file line message tool call result queue index commit rebuild digest replay conflict register session").split(" ");
  private static final long START = 1_735_689_600_000L; // 2025-01-01

  private final Random random;
  private final long total;
  private long produced;
  private final long[] seq = new long[3];
  private final long[] wall = new long[3];
  private final int[] logical = new int[3];
  private final List<SessionId> sessions = new ArrayList<>();
  private final Map<SessionId, Integer> nextOrdinal = new HashMap<>();
  private final Curations curations = new Curations();

  public Workload(long seed, long total) {
    this.random = new Random(seed);
    this.total = total;
    for (int i = 0; i < 3; i++) {
      wall[i] = START + i * 7;
    }
  }

  @Override
  public boolean hasNext() {
    return produced < total;
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    produced++;
    int o = random.nextInt(3);
    Origin origin = ORIGINS.get(o);
    int step = random.nextInt(3);
    wall[o] += step;
    logical[o] = step == 0 ? logical[o] + 1 : 0;
    Hlc hlc = new Hlc(wall[o], logical[o]);
    int kind = random.nextInt(100);
    EventBody body;
    if (sessions.isEmpty() || kind < 5) {
      body = record(origin);
    } else if (kind < 90) {
      body = message();
    } else {
      body = curation(origin);
    }
    Event e = new Event(origin, new Seq(++seq[o]), hlc, body);
    curations.stamped(e);
    return e;
  }

  private SessionRecorded record(Origin origin) {
    SessionId id = new SessionId(origin, String.format("%08x-%04x", random.nextInt(), sessions.size()));
    sessions.add(id);
    nextOrdinal.put(id, 0);
    return new SessionRecorded(id, "claude-code", "project-" + random.nextInt(20), sentence(6 + random.nextInt(8)),
        Instant.ofEpochMilli(START + random.nextInt(1_000_000_000)), null, "/home/dev/.claude/projects/p/" + id.nativeId() + ".jsonl",
        null, "/home/dev/project", "main");
  }

  private MessageAppended message() {
    SessionId s = sessions.get(sessions.size() - 1 - Math.min(sessions.size() - 1, (int) Math.abs(random.nextGaussian() * 3)));
    int ordinal = nextOrdinal.merge(s, 1, Integer::sum) - 1;
    boolean assistant = ordinal % 2 == 1;
    List<ToolCall> calls = List.of();
    if (assistant && random.nextInt(5) == 0) {
      calls = List.of(new ToolCall("toolu_" + Long.toHexString(random.nextLong()), random.nextBoolean() ? "Bash" : "Read",
          "{\"command\":\"" + sentence(4) + "\"}", text(), random.nextInt(20) == 0));
    }
    TreeMap<String, Long> usage = new TreeMap<>();
    if (assistant) {
      usage.put("input_tokens", (long) random.nextInt(5000));
      usage.put("output_tokens", (long) random.nextInt(800));
    }
    return new MessageAppended(s, ordinal, assistant ? "assistant" : "user", text(), null,
        Instant.ofEpochMilli(START + random.nextInt(1_000_000_000)), assistant ? "claude-sonnet-4-5" : null, calls, new Usage(usage));
  }

  private Curation curation(Origin origin) {
    return curations.draw(random, sessions, () -> sentence(3));
  }

  /** Long-tailed text: log-normal length, median ~400 bytes, capped at 20 KB. */
  private String text() {
    int length = (int) Math.min(20_000, Math.exp(Math.log(400) + random.nextGaussian() * 0.9));
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    sb.setLength(Math.max(1, length));
    return sb.toString();
  }

  private String sentence(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
