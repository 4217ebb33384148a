package dev.cairn.exchange.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted dead-letter list, {@code CAIRN_HOME/state/dead_letter.json}: jobs that failed for
 * good (a terminal failure, or retryable ones past the maximum elapsed time). One entry per
 * (target, job): a job that dead-letters again updates its entry. Nothing here blocks later work;
 * {@code cairn status} shows the list and {@code cairn reconcile TARGET} retries and clears it.
 * Every change is written atomically. Thread-safe (synchronized).
 */
public final class DeadLetters {
  /** One dead job. {@code job} says what it was ("sync", or "push NAME"). Immutable. */
  public record Entry(TargetId target, String job, FailureKind kind, String error, int attempts, Instant first, Instant last) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final List<Entry> entries;

  private DeadLetters(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  public static DeadLetters load(Path file) {
    List<Entry> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(Files.readAllBytes(file)).path("dead_letters")) {
        out.add(new Entry(new TargetId(n.path("target").asText()), n.path("job").asText(), FailureKind.valueOf(n.path("kind").asText("TERMINAL")),
            n.path("error").asText(), n.path("attempts").asInt(), Instant.parse(n.path("first").asText()), Instant.parse(n.path("last").asText())));
      }
    } catch (NoSuchFileException e) {
      return new DeadLetters(file, out);
    } catch (IOException | RuntimeException e) {
      throw new DeadLetterFileException("read the dead-letter list (expected JSON) in", file, e);
    }
    return new DeadLetters(file, out);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized List<Entry> forTarget(TargetId target) {
    return entries.stream().filter(e -> e.target().equals(target)).toList();
  }

  public synchronized void add(Entry entry) {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.target().equals(entry.target()) && e.job().equals(entry.job())) {
        entries.set(i, new Entry(e.target(), e.job(), entry.kind(), entry.error(), e.attempts() + entry.attempts(), e.first(), entry.last()));
        save();
        return;
      }
    }
    entries.add(entry);
    save();
  }

  /** Removes the target's entries (after a successful retry); returns how many. */
  public synchronized int clear(TargetId target) {
    int before = entries.size();
    entries.removeIf(e -> e.target().equals(target));
    if (entries.size() != before) {
      save();
    }
    return before - entries.size();
  }

  private void save() {
    ArrayNode arr = JSON.createArrayNode();
    for (Entry e : entries) {
      arr.addObject().put("target", e.target().value()).put("job", e.job()).put("kind", e.kind().name()).put("error", e.error())
          .put("attempts", e.attempts()).put("first", e.first().toString()).put("last", e.last().toString());
    }
    try {
      DurableFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode().set("dead_letters", arr)));
    } catch (IOException e) {
      throw new DeadLetterFileException("write the dead-letter list", file, e);
    }
  }
}
