package dev.cairn.cli.imports.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One coding agent's transcripts: where they live, which files are sessions, and how a file's
 * complete lines become a {@link Transcript}. {@link TranscriptImport} does the rest for every
 * agent alike (incremental state, redaction, images, titles, projects, events). A new agent is one
 * of these and its fixtures. Implementations are stateless.
 */
public interface AgentFormat {
  /** The verb's word and the state file's name: {@code claude}, {@code codex}. */
  String name();

  /** The {@code agent} recorded on its sessions: {@code claude-code}, {@code codex}. */
  String agent();

  /** What its folder is, for an error when the folder is missing. */
  String folderDescription();

  /** Where the agent keeps its transcripts on this machine ({@code env} reads environment variables). */
  Path defaultRoot(java.util.function.UnaryOperator<String> env, Path userHome);

  /** Every transcript under {@code root}, parents before their sub-agents; what is not one is counted in {@code skipped} by why. */
  List<Source> sources(Path root, Map<String, Long> skipped) throws IOException;

  /**
   * Whether {@code src} is one whole document (read to its end, not line by line: a half-written
   * line is not a concern, a half-written file is malformed and read again when it changes).
   */
  default boolean wholeFile(Source src) {
    return false;
  }

  /** A stored session ({@link Source#stored()}), read whole; only agents that keep sessions in a database have them. */
  default Transcript load(Source src) throws IOException {
    throw new IllegalStateException(name() + " keeps no sessions in a database");
  }

  /** The transcript in the complete lines of {@code data[0, length)}. */
  Transcript parse(byte[] data, int length);
}
