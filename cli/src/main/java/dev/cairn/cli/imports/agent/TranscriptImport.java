package dev.cairn.cli.imports.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.BadInputException;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.BlobStored;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.EventBody;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.Out;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import dev.cairn.cli.imports.redact.Redactor;
import dev.cairn.ledger.json.CanonicalJson;
import dev.cairn.ledger.json.JsonInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Imports Claude Code transcripts from a projects folder ({@code ~/.claude/projects}) as local
 * events, incrementally and idempotently:
 *
 * <ul>
 *   <li>A file whose size and mtime match its {@link FileState} is not opened at all.
 *   <li>Otherwise its complete lines are parsed again (a half-written last line waits for the next
 *       run) and only events that are new or differ from what was emitted before are appended: a
 *       grown file yields its new messages, plus an earlier message whose tool result or split
 *       continuation just arrived, plus a new {@code session.recorded} when its fields moved; a
 *       rewritten file yields what changed, never a duplicate of what did not.
 *   <li>State is saved after the ledger is synced, every {@value #SAVE_EVERY} files and at the end.
 * </ul>
 *
 * <p>Layout: {@code <root>/<project>/<uuid>.jsonl} is session {@code <origin>~<uuid>};
 * {@code <root>/<project>/<uuid>/subagents/agent-<id>.jsonl} is session {@code
 * <origin>~<uuid>/agent-<id>} with parent {@code <origin>~<uuid>}.
 *
 * <p>Not thread-safe; one import per home at a time (the caller holds the ledger lock).
 */
public final class TranscriptImport {
  static final int SAVE_EVERY = 200;

  /** Totals of one run. */
  public record Summary(long files, long unchanged, long added, long grown, long rewritten, long sessionEvents,
      long messageEvents, long skippedRecords, long malformedLines, long pendingBytes, long bytesRead,
      java.util.Map<String, Long> redactions, java.util.Map<String, Long> skippedFiles, long imageEvents) {
    public Summary {
      redactions = java.util.Map.copyOf(redactions);
      skippedFiles = java.util.Map.copyOf(skippedFiles);
    }

    /** Secrets replaced in this run, all rules together. */
    public long redacted() {
      return redactions.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Told about each file as it is done, and about every malformed line. */
  public interface Listener {
    /** Hears nothing: for runs nobody watches (the service's live import, the bench). */
    Listener QUIET = new Listener() {
      @Override
      public void fileDone(long filesDone, long filesTotal, long messageEvents, long bytesRead) {
      }

      @Override
      public void malformed(Path file, long line, String reason) {
      }
    };

    void fileDone(long filesDone, long filesTotal, long messageEvents, long bytesRead);

    void malformed(Path file, long line, String reason);

    /** A secret matched {@code rule} in {@code where} (a session and field) and was replaced. */
    default void redacted(String rule, String where) {
    }
  }

  /** One transcript file: the session it is, and for a sub-agent its parent and its agent id ({@code agent-<id>.jsonl}). */

  private final AgentFormat format;
  private final Origin origin;
  private final ImportState state;
  private final Consumer<Draft> sink;
  private final java.util.function.LongSupplier durable;
  private final Redactor redactor;
  private Listener listener = Listener.QUIET;
  private long blobEvents;
  /** Per parent transcript read in this run: the descriptions it gave its sub-agents, by agent id. */
  private final java.util.Map<Path, java.util.Map<String, String>> subAgentTitles = new java.util.HashMap<>();
  /** This run's transcripts by native id (a fork names its parent by it), and parents parsed for their copies. */
  private final java.util.Map<String, Path> sourcesById = new java.util.HashMap<>();
  private final java.util.Map<Path, Transcript> parsedParents = new java.util.HashMap<>();
  /** Events already in the ledger but not in the state (appended by a run killed before it saved): session + hash keys. */
  private final java.util.Set<String> inLedger = new java.util.HashSet<>();

  /**
   * @param sink where drafts go (the ledger's appendLocal, or nothing for a dry run)
   * @param durable called before state is saved: makes the ledger durable and returns its head index
   */
  public TranscriptImport(AgentFormat format, Origin origin, Path stateFile, Consumer<Draft> sink, java.util.function.LongSupplier durable,
      Redactor redactor) {
    this.format = format;
    this.origin = origin;
    this.redactor = redactor;
    this.state = ImportState.load(stateFile);
    this.sink = sink;
    this.durable = durable;
  }

  /** The ledger index up to which the saved state accounts for this importer's appends ({@code -1}: from the start). */
  public long ledgerIndex() {
    return state.ledgerIndex();
  }

  /**
   * Tells the importer of an event already in the ledger after {@link #ledgerIndex()}: it is not
   * appended again (a run killed after appending and before saving its state left it there).
   */
  public void alreadyInLedger(dev.cairn.ledger.event.Event event) {
    if (event.origin().equals(origin) && (event.body() instanceof MessageAppended || event.body() instanceof SessionRecorded)) {
      inLedger.add(key(event.body()));
    }
    if (event.origin().equals(origin) && event.body() instanceof BlobStored b) {
      state.addBlob(b.sha256());
    }
  }

  private static String key(EventBody body) {
    return key(body, hash(body));
  }

  /** The key of {@code body} whose {@link #hash} is {@code hash} (computed once per event). */
  private static String key(EventBody body, String hash) {
    return body instanceof MessageAppended m ? m.session() + "#" + m.ordinal() + "#" + hash
        : ((SessionRecorded) body).session() + "#s#" + hash;
  }

  public Summary run(Path root, boolean saveState, Listener listener) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new BadInputException(root.toString(), 0, "expected " + format.folderDescription() + ", found "
          + (Files.exists(root) ? "a file" : "nothing"));
    }
    this.listener = listener;
    subAgentTitles.clear();
    blobEvents = 0;
    java.util.Map<String, Long> skippedFiles = new java.util.TreeMap<>();
    List<Source> sources = format.sources(root, skippedFiles);
    sourcesById.clear();
    parsedParents.clear();
    sources.forEach(src -> sourcesById.put(src.nativeId(), src.file()));
    long unchanged = 0, added = 0, grown = 0, rewritten = 0, sessions = 0, messages = 0, skipped = 0, malformed = 0, pending = 0, read = 0;
    long done = 0;
    try (AheadReader reader = new AheadReader(sources, saveState)) {
    for (Source src : sources) {
      if (src.stored()) { // a session in a database: read again when its version moved
        FileState before = state.get(src.key());
        if (before != null && before.size() == src.version()) {
          unchanged++;
        } else {
          Transcript t = format.load(src);
          if (before == null) {
            added++;
          } else {
            rewritten++;
          }
          skipped += t.skipped;
          for (Transcript.Malformed m : t.malformed) {
            malformed++;
            listener.malformed(src.file(), m.line(), src.nativeId() + ": " + m.reason());
          }
          long[] emitted = emit(src, t, before, src.key(), src.version(), 0, 0, "");
          sessions += emitted[0];
          messages += emitted[1];
        }
        done++;
        listener.fileDone(done, sources.size(), messages, read);
        continue;
      }
      BasicFileAttributes attrs = Files.readAttributes(src.file(), BasicFileAttributes.class);
      String key = src.file().toAbsolutePath().toString();
      FileState before = state.get(key);
      long mtime = attrs.lastModifiedTime().toMillis();
      if (unchanged(before, attrs)) {
        unchanged++;
        pending += before.size() - before.position();
      } else if (attrs.size() > MAX_TRANSCRIPT_BYTES) {
        skippedFiles.merge(String.format("larger than the %d MB one import reads at once (run with JAVA_OPTS=-Xmx4g to take it)",
            MAX_TRANSCRIPT_BYTES >> 20), 1L, Long::sum);
        listener.malformed(src.file(), 0, String.format("%d MB, larger than the %d MB one import reads at once; not imported (a later run"
            + " with a larger heap, JAVA_OPTS=-Xmx4g, takes it)", attrs.size() >> 20, MAX_TRANSCRIPT_BYTES >> 20));
      } else {
        Loaded l = reader.get(src, before);
        read += l.size();
        pending += l.size() - l.position();
        long reportedUpTo = 0; // a grown file's earlier lines were reported when they first appeared
        if (before == null) {
          added++;
        } else if (l.position() >= before.position() && l.beforePrefixSha256().equals(before.prefixSha256())) {
          grown++;
          reportedUpTo = before.position();
        } else {
          rewritten++;
        }
        Transcript t = l.transcript();
        if (src.parentNative() == null) {
          subAgentTitles.put(src.file(), t.subAgentTitles);
        }
        skipped += t.skipped;
        for (Transcript.Malformed m : t.malformed) {
          if (m.offset() >= reportedUpTo) {
            malformed++;
            listener.malformed(src.file(), m.line(), m.reason());
          }
        }
        long[] emitted = emit(src, t, before, key, l.size(), mtime, l.position(), l.prefixSha256());
        sessions += emitted[0];
        messages += emitted[1];
      }
      done++;
      listener.fileDone(done, sources.size(), messages, read);
      if (saveState && done % SAVE_EVERY == 0) {
        state.ledgerIndex(durable.getAsLong());
        state.save();
      }
    }
    }
    if (saveState) {
      state.ledgerIndex(durable.getAsLong());
      state.save();
    }
    return new Summary(sources.size(), unchanged, added, grown, rewritten, sessions, messages, skipped, malformed, pending, read,
        redactor.counts(), skippedFiles, blobEvents);
  }

  private long[] emit(Source src, Transcript t, FileState before, String key, long size, long mtime, int position, String prefix) {
    SessionId id;
    SessionId parent;
    try {
      id = new SessionId(origin, src.nativeId());
      String parentNative = src.parentNative() != null ? src.parentNative() : t.parentNative;
      parent = parentNative == null || parentNative.equals(src.nativeId()) ? null : new SessionId(origin, parentNative);
    } catch (CairnException e) {
      state.put(key, new FileState(size, mtime, position, prefix, "", "", List.of()));
      return new long[] {0, 0};
    }
    List<String> oldHashes = before == null || !before.session().equals(id.toString()) ? List.of() : before.messageHashes();
    String oldSession = before == null ? "" : before.sessionHash();
    long sessionEvents = 0;
    long messageEvents = 0;
    String sessionHash = oldSession;
    if (t.parentNative != null && parent != null) {
      dropCopiedPrefix(t, t.parentNative);
    }
    if (!t.messages.isEmpty()) {
      SessionRecorded recorded = new SessionRecorded(id, format.agent(), project(t, src),
          redact(title(t, id, parent, givenTitle(src)), id + " title"), t.startedAt, t.endedAt,
          src.stored() ? src.file().toAbsolutePath() + "#" + src.nativeId() : src.file().toAbsolutePath().toString(), parent, t.cwd, t.gitBranch, t.compaction ? SessionRecorded.COMPACTION : t.kind);
      Draft recordedDraft = Draft.encoded(recorded);
      sessionHash = hash(recordedDraft);
      if (!sessionHash.equals(oldSession) && !inLedger.contains(key(recorded, sessionHash))) {
        sink.accept(recordedDraft);
        sessionEvents++;
      }
    }
    List<String> hashes = new ArrayList<>(t.messages.size());
    for (int ordinal = 0; ordinal < t.messages.size(); ordinal++) {
      ParsedMessage m = t.messages.get(ordinal);
      String where = id + " message " + ordinal;
      ParsedMessage.Redacted clean = m.redacted != null ? m.redacted : redacted(m, where);
      List<dev.cairn.ledger.event.ImageRef> images = new ArrayList<>(m.images.size());
      for (ParsedMessage.Image image : m.images) {
        images.add(image.ref());
        if (image.bytes() != null && !state.hasBlob(image.ref().sha256())) {
          sink.accept(new Draft(BlobStored.of(image.ref().mediaType(), image.bytes()))); // once per distinct image, before the message naming it
          state.addBlob(image.ref().sha256());
          blobEvents++;
        }
      }
      MessageAppended event = new MessageAppended(id, ordinal, m.role, clean.text(), clean.thinking(), m.at, m.model, clean.calls(),
          m.usageValue(), images);
      Draft draft = Draft.encoded(event); // its canonical bytes are hashed here and spliced into the ledger line there
      String h = hash(draft);
      hashes.add(h);
      if ((ordinal >= oldHashes.size() || !oldHashes.get(ordinal).equals(h)) && !inLedger.contains(key(event, h))) {
        sink.accept(draft);
        messageEvents++;
      }
    }
    state.put(key, new FileState(size, mtime, position, prefix, id.toString(), sessionHash, hashes));
    return new long[] {sessionEvents, messageEvents};
  }

  /**
   * A fork or a sub-agent that names its parent in its own records (Codex) starts with a copy of
   * its parent's turns: those are the parent's, imported with it, so the copy is dropped here (the
   * leading messages equal, role and text, to the parent's first ones). Without the parent's
   * transcript on this machine nothing is dropped.
   */
  private void dropCopiedPrefix(Transcript t, String parentNative) {
    Path parentFile = sourcesById.get(parentNative);
    if (parentFile == null) {
      return;
    }
    Transcript parent = parsedParents.computeIfAbsent(parentFile, f -> {
      try {
        byte[] data = Files.readAllBytes(f);
        return format.parse(data, lastNewline(data) + 1);
      } catch (IOException e) {
        return new Transcript(); // unreadable parent: keep the copy rather than lose turns
      }
    });
    int same = 0;
    while (same < t.messages.size() && same < parent.messages.size() && t.messages.get(same).role.equals(parent.messages.get(same).role)
        && t.messages.get(same).text.toString().equals(parent.messages.get(same).text.toString())) {
      same++;
    }
    t.messages.subList(0, same).clear();
    if (same > 0) { // the title is the session's own first prompt, not the copied one
      t.firstPrompt = null;
      t.firstAssistantText = null;
      for (ParsedMessage m : t.messages) {
        String text = m.text.toString().strip();
        if (t.firstPrompt == null && m.role.equals("user") && !text.isEmpty() && !text.startsWith("<")) {
          t.firstPrompt = Clean.title(text);
        }
        if (t.firstAssistantText == null && m.role.equals("assistant") && !text.isEmpty()) {
          t.firstAssistantText = Clean.title(text);
        }
      }
    }
  }

  /** The description a sub-agent's parent gave it in the Task (or Agent) call that started it, if known. */
  private String givenTitle(Source src) {
    if (src.agentId() == null) {
      return null;
    }
    java.util.Map<String, String> titles = subAgentTitles.get(src.parentFile());
    if (titles == null) { // the parent did not change in this run: read it for its descriptions
      titles = java.util.Map.of();
      try {
        if (Files.isRegularFile(src.parentFile())) {
          byte[] data = Files.readAllBytes(src.parentFile());
          titles = format.parse(data, lastNewline(data) + 1).subAgentTitles;
        }
      } catch (IOException e) {
        // unreadable parent: the sub-agent keeps its own title
      }
      subAgentTitles.put(src.parentFile(), titles);
    }
    return titles.get(src.agentId());
  }

  /**
   * What the session is called: a sub-agent by the description its parent gave it, a compaction run
   * for what it is, else the transcript's title; never blank.
   */
  private static String title(Transcript t, SessionId id, SessionId parent, String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (t.compaction) {
      return "Compaction of " + (parent == null ? "the conversation" : parent.toString())
          + (t.startedAt == null ? "" : " at " + t.startedAt.toString().substring(0, Math.min(16, t.startedAt.toString().length())).replace('T', ' '));
    }
    String title = t.title();
    return title == null || title.isBlank() ? "Untitled session " + id.nativeId() : title;
  }

  private String redact(String text, String where) {
    return redactor.redact(text, where, listener::redacted);
  }

  /** {@code m}'s text, thinking and tool calls with secrets replaced; {@code where} names the message in what is reported. */
  private ParsedMessage.Redacted redacted(ParsedMessage m, String where) {
    List<ToolCall> calls = new ArrayList<>(m.calls.size());
    for (ToolCall c : m.toolCalls()) {
      calls.add(new ToolCall(c.id(), c.name(), redact(c.input(), where + " (" + c.name() + " input)"),
          redact(c.output(), where + " (" + c.name() + " result)"), c.isError()));
    }
    return new ParsedMessage.Redacted(redact(m.text.toString(), where + " (text)"),
        m.thinking.length() == 0 ? null : redact(m.thinking.toString(), where + " (thinking)"), calls);
  }

  /**
   * The largest transcript file an import reads: it holds a file, its parse and its events at once
   * (about four times the file), and may hold {@code AheadReader.AHEAD} more; a fifth of the heap
   * keeps that within bounds (200 MB under the launcher's 1 GB). Larger files are reported and left
   * for a run with a larger heap.
   */
  static final long MAX_TRANSCRIPT_BYTES = Runtime.getRuntime().maxMemory() / 5;

  /** Whether a file is as the state last saw it (same size and modification time): then it is not read. */
  private static boolean unchanged(FileState before, BasicFileAttributes attrs) {
    return before != null && before.size() == attrs.size() && before.mtimeMillis() == attrs.lastModifiedTime().toMillis();
  }

  /** A transcript file as the reading thread left it: sizes, prefix hashes, the parsed transcript. */
  private record Loaded(long size, int position, String prefixSha256, String beforePrefixSha256, Transcript transcript) {}

  /**
   * Reads, parses and redacts the transcript files that changed one ahead of the import, on a
   * thread of its own, so that the second core does that while this one builds, hashes and
   * appends events; at most {@link #AHEAD} files wait in memory. Files are read in the import's
   * order and handed over in it. A dry run reads in the caller's thread (what it reports stays in
   * order). Not thread-safe: for the import's thread; the reading thread touches only the file, the
   * parser and the (thread-safe) redactor.
   */
  private final class AheadReader implements AutoCloseable {
    private static final int AHEAD = 2;
    private final java.util.concurrent.ExecutorService pool;
    private final java.util.ArrayDeque<java.util.Map.Entry<Source, java.util.concurrent.Future<Loaded>>> queued = new java.util.ArrayDeque<>();
    private final java.util.Iterator<Source> upcoming;

    AheadReader(List<Source> sources, boolean ahead) {
      this.pool = ahead ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cairn-import-reader");
        t.setDaemon(true);
        return t;
      }) : null;
      this.upcoming = sources.iterator();
    }

    /** {@code src} read and parsed (the caller asks for changed files in the order of the sources). */
    Loaded get(Source src, FileState before) throws IOException {
      if (pool == null) {
        return load(src, before == null ? 0 : before.position(), false);
      }
      if (queued.isEmpty()) {
        fill();
      }
      if (queued.stream().noneMatch(e -> e.getKey() == src)) {
        return load(src, before == null ? 0 : before.position(), false); // it changed after the reader passed it: read it here
      }
      while (queued.peekFirst().getKey() != src) {
        queued.pollFirst().getValue().cancel(true); // a file that turned out unchanged after all
      }
      java.util.concurrent.Future<Loaded> f = queued.pollFirst().getValue();
      fill();
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading " + src.file());
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** Queues the next changed files up to {@link #AHEAD}. */
    private void fill() throws IOException {
      while (queued.size() < AHEAD && upcoming.hasNext()) {
        Source next = upcoming.next();
        if (next.stored()) {
          continue;
        }
        String key = next.file().toAbsolutePath().toString();
        FileState before = state.get(key);
        BasicFileAttributes attrs = Files.readAttributes(next.file(), BasicFileAttributes.class);
        if (unchanged(before, attrs) || attrs.size() > MAX_TRANSCRIPT_BYTES) {
          continue;
        }
        long beforePosition = before == null ? 0 : before.position();
        queued.addLast(java.util.Map.entry(next, pool.submit(() -> load(next, beforePosition, true))));
      }
    }

    @Override
    public void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Reads and parses {@code src}; with {@code redact}, redacts its messages too when their ordinals are final. */
  private Loaded load(Source src, long beforePosition, boolean redactAhead) throws IOException {
    byte[] data = Files.readAllBytes(src.file());
    int position = format.wholeFile(src) ? data.length : lastNewline(data) + 1;
    Transcript t = format.parse(data, position);
    String beforePrefix = sha256(data, (int) Math.min(beforePosition, data.length));
    String prefix = sha256(data, position);
    if (redactAhead && t.parentNative == null) { // a fork's copied turns are dropped later: its ordinals are not final yet
      try {
        SessionId id = new SessionId(origin, src.nativeId());
        for (int ordinal = 0; ordinal < t.messages.size(); ordinal++) {
          ParsedMessage m = t.messages.get(ordinal);
          m.redacted = redacted(m, id + " message " + ordinal);
        }
      } catch (CairnException e) {
        // not a valid session id: emit records the file and appends nothing
      }
    }
    return new Loaded(data.length, position, prefix, beforePrefix, t);
  }

  /**
   * The repository the session worked in: where the first working directory still exists, the
   * name of the folder that holds the git common directory (so every worktree of a repository is
   * one project); else the first working directory's name; else the projects folder's entry.
   */
  private static String project(Transcript t, Source src) {
    if (t.cwd != null) {
      String repo = GitRepository.nameOf(Path.of(t.cwd));
      if (repo != null) {
        return repo;
      }
      Path name = Path.of(t.cwd).getFileName();
      if (name != null && !name.toString().isBlank()) {
        return name.toString();
      }
    }
    return src.projectDir();
  }

  static int lastNewline(byte[] data) {
    for (int i = data.length - 1; i >= 0; i--) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String hash(EventBody body) {
    return hash(Draft.encoded(body));
  }

  /** The state's hash of an event: SHA-256 of the canonical JSON of its type and body (no envelope), cut to HASH_CHARS. */
  private static String hash(Draft draft) {
    return sha256(draft.canonical().bytes(), -1).substring(0, ImportState.HASH_CHARS);
  }

  private static String sha256(byte[] data, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(data, 0, length < 0 ? data.length : length);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
