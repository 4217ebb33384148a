package dev.cairn.exchange.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.transport.TargetId;
import dev.cairn.ledger.DurableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * When each target was last synced, successfully or not ({@code state/targets.json}, written
 * durably under a lock, so concurrent syncs keep each other's entries), and how stale that makes
 * it: fresh (success under 1 h ago), stale (under 24 h), very stale (older), never synced; or,
 * when the last attempt did not succeed whole, "partial sync" or "last sync failed" whatever the
 * last success was; how many attempts failed in a row since the last success;
 * and whether the target is paused (a failure that retrying cannot fix: a missing bucket, refused
 * credentials, a key that does not open its files) until someone fixes it and syncs it by name.
 * Not thread-safe.
 */
public final class TargetLog {
  /** One target's record. Immutable. */
  public record Entry(TargetId target, Instant lastSuccess, Instant lastAttempt, String lastError, int failures, String paused) {
    public String staleness(Instant now) {
      if (failures > 0 && lastError != null && lastError.startsWith(PARTIAL)) {
        return "partial sync"; // the last attempt moved what verified and refused the rest: not in step
      }
      if (failures > 0 && paused == null) {
        return "last sync failed";
      }
      if (lastSuccess == null) {
        return "never synced";
      }
      Duration age = Duration.between(lastSuccess, now);
      return age.compareTo(Duration.ofHours(1)) < 0 ? "fresh" : age.compareTo(Duration.ofHours(24)) < 0 ? "stale" : "very stale";
    }
  }

  /** How the error of a sync that applied what verified but refused the rest starts. */
  public static final String PARTIAL = "partial sync:";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path file;
  private final TreeMap<TargetId, Entry> entries = new TreeMap<>();

  private TargetLog(Path file) {
    this.file = file;
  }

  public static TargetLog load(Path file) {
    TargetLog log = new TargetLog(file);
    try {
      JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("targets").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        TargetId id = new TargetId(e.getKey());
        log.entries.put(id, new Entry(id, instant(v.get("last_success")), instant(v.get("last_attempt")),
            v.hasNonNull("last_error") ? v.get("last_error").asText() : null, v.path("failures").asInt(0),
            v.hasNonNull("paused") ? v.get("paused").asText() : null));
      }
    } catch (NoSuchFileException e) {
      return log;
    } catch (IOException | RuntimeException e) {
      return log; // a damaged log only loses history; it is rewritten on the next sync
    }
    return log;
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }

  public Map<TargetId, Entry> entries() {
    return Map.copyOf(entries);
  }

  public void success(TargetId target, Instant now) {
    update(target, old -> new Entry(target, now, now, null, 0, null));
  }

  public void failure(TargetId target, Instant now, String error) {
    update(target, old -> new Entry(target, old == null ? null : old.lastSuccess(), now, error, old == null ? 1 : old.failures() + 1,
        old == null ? null : old.paused()));
  }

  /** Pauses the target: unattended syncs (--all, --watch) skip it until a sync by name succeeds. */
  public void pause(TargetId target, Instant now, String reason) {
    update(target, old -> new Entry(target, old == null ? null : old.lastSuccess(), now, reason, old == null ? 1 : old.failures() + 1, reason));
  }

  /** Read-modify-write under {@code targets.json.lock}: what another process recorded meanwhile is kept. */
  private void update(TargetId target, java.util.function.UnaryOperator<Entry> change) {
    try (var guard = dev.cairn.ledger.FileGuard.acquire(file.resolveSibling(file.getFileName() + ".lock"), java.time.Duration.ofSeconds(10))) {
      TargetLog fresh = load(file);
      entries.clear();
      entries.putAll(fresh.entries);
      entries.put(target, change.apply(entries.get(target)));
      save();
    }
  }

  public boolean isPaused(TargetId target) {
    Entry e = entries.get(target);
    return e != null && e.paused() != null;
  }

  private void save() {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode all = root.putObject("targets");
    for (Entry e : entries.values()) {
      all.putObject(e.target().value()).put("last_success", e.lastSuccess() == null ? null : e.lastSuccess().toString())
          .put("last_attempt", e.lastAttempt() == null ? null : e.lastAttempt().toString()).put("last_error", e.lastError())
          .put("failures", e.failures()).put("paused", e.paused());
    }
    try {
      DurableFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      // status history is advisory; the sync itself already happened
    }
  }
}
