package dev.cairn.bench;

import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.BlobStored;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.ImageRef;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.ledger.event.Usage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;

/**
 * The real-shaped workload: a deterministic, seeded stream of events from 3 origins whose sizes
 * follow those of a real archive of Claude Code transcripts (1,480 files, 64k events; issue 18):
 * canonical event lines p50 1.3 KB, p90 7.6 KB, p99 about 40-50 KB, mean about 3.8 KB, a third of
 * the bytes in events over 20 KB (tool results), a tail to 400 KB. Sessions are written one
 * message after another (each origin works on one session at a time) with a heavy-tailed length
 * (median 30 messages, up to 2,000); a tenth are sub-agents of an earlier session of their origin
 * and a fiftieth compactions; assistant messages carry tool calls (the large outputs), thinking
 * and token usage; one user message in 200 holds an image (a {@code blob.stored} event before it
 * the first time an image is seen, a third of images shown again later); 3 % of events are
 * curation of any origin's sessions, a third of it concurrent. Text comes from a {@link TextPool}
 * (code punctuation, escapes, non-ASCII). Not thread-safe.
 */
public final class RealShapedWorkload implements Iterator<Event> {
  public static final List<Origin> ORIGINS = Workload.ORIGINS;
  private static final long START = 1_735_689_600_000L; // 2025-01-01
  /** Log-normal parameters of an event's payload size (about 500 bytes of envelope, ids and usage come on top), fitted to the real p50, p90, p99 and mean. */
  private static final double MU = Math.log(850);
  private static final double SIGMA = 1.65;
  private static final int MAX_PAYLOAD = 400_000;
  private static final String[] TOOLS = {"Bash", "Read", "Edit", "Write", "Grep", "Glob", "Task", "WebFetch"};
  private static final String[] MODELS = {"claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"};

  private final Random random;
  private final TextPool pool;
  private final long total;
  private long produced;
  private final long[] seq = new long[3];
  private final long[] wall = new long[3];
  private final int[] logical = new int[3];
  private final Writing[] writing = new Writing[3];
  private final List<SessionId> sessions = new ArrayList<>();
  private final Curations curations = new Curations();
  private final List<ImageRef> images = new ArrayList<>();
  private final ArrayDeque<EventBody> pending = new ArrayDeque<>();
  private int pendingOrigin = -1;

  /** The session an origin is writing: its id, messages left, the next ordinal. */
  private static final class Writing {
    SessionId id;
    int left;
    int ordinal;
  }

  public RealShapedWorkload(long seed, long total) {
    this.random = new Random(seed);
    this.pool = new TextPool(seed ^ 0x5eed, 24 << 20);
    this.total = total;
    for (int i = 0; i < 3; i++) {
      wall[i] = START + i * 7;
      writing[i] = new Writing();
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
    int o;
    EventBody body;
    if (!pending.isEmpty()) {
      o = pendingOrigin;
      body = pending.poll();
    } else {
      o = random.nextInt(3);
      body = draw(o);
    }
    int step = random.nextInt(40);
    wall[o] += step;
    logical[o] = step == 0 ? logical[o] + 1 : 0;
    Event e = new Event(ORIGINS.get(o), new Seq(++seq[o]), new Hlc(wall[o], logical[o]), body);
    curations.stamped(e);
    return e;
  }

  private EventBody draw(int o) {
    if (!sessions.isEmpty() && random.nextInt(100) < 3) {
      return curation();
    }
    Writing w = writing[o];
    if (w.left == 0) {
      return record(o, w);
    }
    w.left--;
    return message(o, w);
  }

  private SessionRecorded record(int o, Writing w) {
    Origin origin = ORIGINS.get(o);
    SessionId id = new SessionId(origin, String.format("%08x-%04x-4%03x-8000-%012x", random.nextInt(), sessions.size() & 0xffff,
        random.nextInt(0x1000), random.nextLong() & 0xffffffffffffL));
    SessionId parent = null;
    String kind = null;
    int kindDraw = random.nextInt(50);
    if (kindDraw < 5 && !sessions.isEmpty()) {
      parent = sessions.get(sessions.size() - 1 - random.nextInt(Math.min(sessions.size(), 20)));
    } else if (kindDraw == 5) {
      kind = SessionRecorded.COMPACTION;
    }
    sessions.add(id);
    w.id = id;
    w.ordinal = 0;
    w.left = (int) Math.min(2_000, Math.max(2, Math.exp(Math.log(30) + random.nextGaussian() * 1.2)));
    Instant started = Instant.ofEpochMilli(wall[o]);
    String project = "project-" + random.nextInt(40);
    return new SessionRecorded(id, "claude-code", project, firstLine(pool.slice(random, 40 + random.nextInt(120))), started,
        started.plusSeconds(60L * w.left), "/home/dev/.claude/projects/-home-dev-" + project + "/" + id.nativeId() + ".jsonl",
        parent, "/home/dev/" + project, random.nextInt(4) == 0 ? "feature/" + random.nextInt(100) : "main", kind);
  }

  private EventBody message(int o, Writing w) {
    int ordinal = w.ordinal++;
    boolean assistant = ordinal % 10 != 0 && random.nextInt(10) < 7;
    int size = payload();
    Instant at = Instant.ofEpochMilli(wall[o]);
    if (!assistant) {
      String text = pool.slice(random, size);
      if (random.nextInt(200) != 0) {
        return new MessageAppended(w.id, ordinal, "user", text, null, at, null, List.of(), Usage.NONE, List.of());
      }
      BlobStored blob = null;
      ImageRef ref;
      if (!images.isEmpty() && random.nextInt(3) == 0) {
        ref = images.get(random.nextInt(images.size())); // shown again: stored once
      } else {
        blob = image();
        ref = new ImageRef(blob.sha256(), "image/png", blob.bytes().length);
        images.add(ref);
      }
      MessageAppended m = new MessageAppended(w.id, ordinal, "user", text + "\n[image png " + ref.bytes() / 1024 + " KB]", null, at, null,
          List.of(), Usage.NONE, List.of(ref));
      if (blob == null) {
        return m;
      }
      pending.add(m); // the image's bytes go first, as an importer writes them
      pendingOrigin = o;
      return blob;
    }
    String thinking = random.nextInt(10) < 3 ? pool.slice(random, 200 + random.nextInt(1_800)) : null;
    List<ToolCall> calls = List.of();
    String text;
    if (size > 1_500 && random.nextInt(10) < 8) {
      int input = Math.min(size / 8, 200 + random.nextInt(3_000));
      String name = TOOLS[random.nextInt(TOOLS.length)];
      calls = List.of(new ToolCall("toolu_01" + Long.toHexString(random.nextLong()), name, "{\"command\":" + quoted(pool.slice(random, input)) + "}",
          pool.slice(random, size - input), random.nextInt(25) == 0));
      text = pool.slice(random, 20 + random.nextInt(300));
    } else {
      text = pool.slice(random, size);
    }
    TreeMap<String, Long> usage = new TreeMap<>();
    usage.put("input_tokens", (long) random.nextInt(20));
    usage.put("output_tokens", (long) random.nextInt(2_000));
    usage.put("cache_creation_input_tokens", (long) random.nextInt(5_000));
    usage.put("cache_read_input_tokens", (long) random.nextInt(150_000));
    return new MessageAppended(w.id, ordinal, "assistant", text, thinking, at, MODELS[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)],
        calls, new Usage(usage), List.of());
  }

  /** A new image's bytes (random, so they do not compress; a PNG signature in front). */
  private BlobStored image() {
    byte[] bytes = new byte[20_000 + random.nextInt(180_000)];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0x89;
    bytes[1] = 'P';
    bytes[2] = 'N';
    bytes[3] = 'G';
    return BlobStored.of("image/png", bytes);
  }

  private Curation curation() {
    return curations.draw(random, sessions, () -> firstLine(pool.slice(random, 30)));
  }

  /** An event's payload size in characters: log-normal, capped at 400 KB. */
  private int payload() {
    return (int) Math.min(MAX_PAYLOAD, Math.max(8, Math.exp(MU + random.nextGaussian() * SIGMA)));
  }

  private static String firstLine(String s) {
    String line = s.strip();
    int nl = line.indexOf('\n');
    line = (nl < 0 ? line : line.substring(0, nl)).replace('\t', ' ').strip();
    return line.isBlank() ? "untitled" : line;
  }

  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
