package dev.cairn.cli.imports.agent;

import java.nio.file.Path;

/**
 * One session to import. For a file agent: the transcript file, the session it is ({@code
 * <origin>~<nativeId>}), the folder it was found in (a project name of last resort), and for a
 * sub-agent its parent's native id and file and its agent id (which its parent's Task call names).
 * For an agent that keeps sessions in a database: {@code file} is the database, {@code key} names
 * the session in the import state and {@code version} changes whenever the session does (the
 * session is read again only then). Immutable.
 */
public record Source(Path file, String projectDir, String nativeId, String parentNative, Path parentFile, String agentId, String key,
    long version) {
  /** A transcript file. */
  public Source(Path file, String projectDir, String nativeId, String parentNative, Path parentFile, String agentId) {
    this(file, projectDir, nativeId, parentNative, parentFile, agentId, null, -1);
  }

  /** Whether the session lives in a database rather than a file of its own. */
  public boolean stored() {
    return key != null;
  }
}
