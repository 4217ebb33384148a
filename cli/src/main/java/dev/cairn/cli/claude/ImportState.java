package dev.cairn.cli.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Claude importer's per-file state, kept in {@code CAIRN_HOME/state/claude-import.json} and
 * written atomically (temp file, rename) after the events it describes are durable in the ledger.
 * Losing it only costs a re-parse: events already in the ledger are emitted again and the view,
 * which keeps one message per (session, ordinal), ends up the same.
 *
 * <p>Not thread-safe.
 */
final class ImportState {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path file;
  private final TreeMap<String, FileState> files = new TreeMap<>();

  private ImportState(Path file) {
    this.file = file;
  }

  static ImportState load(Path file) {
    ImportState s = new ImportState(file);
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return s;
    } catch (IOException e) {
      throw new ConfigException(file, "unreadable import state (" + e.getMessage() + "); delete it to re-scan every transcript");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode f = e.getValue();
      List<String> hashes = new ArrayList<>();
      f.path("messages").forEach(h -> hashes.add(h.asText()));
      s.files.put(e.getKey(), new FileState(f.path("size").asLong(), f.path("mtime_ms").asLong(), f.path("position").asLong(),
          f.path("prefix_sha256").asText(), f.path("session").asText(), f.path("session_hash").asText(), hashes));
    }
    return s;
  }

  FileState get(String path) {
    return files.get(path);
  }

  void put(String path, FileState state) {
    files.put(path, state);
  }

  void save() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    ObjectNode all = root.putObject("files");
    files.forEach((path, f) -> {
      ObjectNode o = all.putObject(path);
      o.put("size", f.size()).put("mtime_ms", f.mtimeMillis()).put("position", f.position())
          .put("prefix_sha256", f.prefixSha256()).put("session", f.session()).put("session_hash", f.sessionHash());
      ArrayNode m = o.putArray("messages");
      f.messageHashes().forEach(m::add);
    });
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      MAPPER.writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot write import state: " + e.getMessage());
    }
  }
}
