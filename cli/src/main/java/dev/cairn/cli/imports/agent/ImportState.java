package dev.cairn.cli.imports.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.home.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Claude importer's per-file state, kept in {@code CAIRN_HOME/state/claude-import.json} and
 * written durably after the events it describes are durable in the ledger, with the ledger's head
 * index at that moment. It is a hint, the ledger the truth: events appended after that index (a
 * run killed before it saved) are read back from the ledger and not appended twice.
 *
 * <p>Not thread-safe.
 */
final class ImportState {
  /** Each event hash is the first 16 hex digits of a SHA-256; a file's hashes are stored concatenated. */
  static final int HASH_CHARS = 16;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path file;
  private final TreeMap<String, FileState> files = new TreeMap<>();
  /** The SHA-256 of every image whose bytes this importer has appended (a blob.stored each, once). */
  private final java.util.TreeSet<String> blobs = new java.util.TreeSet<>();
  private boolean dirty;
  /** The ledger's head index when this state was last saved (after a sync): events after it may be in the ledger but not here. */
  private long ledgerIndex = -1;

  private ImportState(Path file) {
    this.file = file;
  }

  static ImportState load(Path file) {
    try {
      return read(file);
    } catch (RuntimeException e) {
      return new ImportState(file); // damaged: a hint only, the ledger says what is already imported
    }
  }

  private static ImportState read(Path file) {
    ImportState s = new ImportState(file);
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return s;
    } catch (IOException e) {
      return s; // a hint only: without it every transcript is parsed again and the ledger says what is already there
    }
    s.ledgerIndex = root.path("ledger_index").asLong(-1);
    root.path("blobs").forEach(b -> s.blobs.add(b.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode f = e.getValue();
      List<String> hashes = new ArrayList<>();
      String packed = f.path("messages").asText("");
      for (int i = 0; i + HASH_CHARS <= packed.length(); i += HASH_CHARS) {
        hashes.add(packed.substring(i, i + HASH_CHARS));
      }
      s.files.put(e.getKey(), new FileState(f.path("size").asLong(), f.path("mtime_ms").asLong(), f.path("position").asLong(),
          f.path("prefix_sha256").asText(), f.path("session").asText(), f.path("session_hash").asText(), hashes));
    }
    return s;
  }

  long ledgerIndex() {
    return ledgerIndex;
  }

  void ledgerIndex(long index) {
    if (index != ledgerIndex) {
      ledgerIndex = index;
      dirty = true;
    }
  }

  boolean hasBlob(String sha256) {
    return blobs.contains(sha256);
  }

  void addBlob(String sha256) {
    if (blobs.add(sha256)) {
      dirty = true;
    }
  }

  FileState get(String path) {
    return files.get(path);
  }

  void put(String path, FileState state) {
    if (!state.equals(files.put(path, state))) {
      dirty = true;
    }
  }

  /** Writes the state if anything changed since it was loaded or last saved. */
  void save() {
    if (!dirty) {
      return;
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    root.put("ledger_index", ledgerIndex);
    blobs.forEach(root.putArray("blobs")::add);
    ObjectNode all = root.putObject("files");
    files.forEach((path, f) -> {
      ObjectNode o = all.putObject(path);
      o.put("size", f.size()).put("mtime_ms", f.mtimeMillis()).put("position", f.position())
          .put("prefix_sha256", f.prefixSha256()).put("session", f.session()).put("session_hash", f.sessionHash());
      o.put("messages", String.join("", f.messageHashes()));
    });
    try {
      dev.cairn.ledger.DurableFile.write(file, MAPPER.writeValueAsBytes(root));
      dirty = false;
    } catch (IOException e) {
      throw new ConfigException(file, "cannot write import state: " + e.getMessage());
    }
  }
}
