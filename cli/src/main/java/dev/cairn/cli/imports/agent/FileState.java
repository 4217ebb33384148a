package dev.cairn.cli.imports.agent;

import java.util.List;

/**
 * What the importer knows about one transcript file after its last import: size and mtime (to
 * skip unchanged files without reading them), the consumed position (end of the last complete
 * line), the SHA-256 of the consumed prefix (grown vs rewritten), the session id it maps to, and
 * a short hash (16 hex digits) of every event emitted for it (so a re-parse emits only what is new or changed).
 * Immutable.
 */
record FileState(long size, long mtimeMillis, long position, String prefixSha256, String session,
    String sessionHash, List<String> messageHashes) {
  FileState {
    messageHashes = List.copyOf(messageHashes);
  }
}
