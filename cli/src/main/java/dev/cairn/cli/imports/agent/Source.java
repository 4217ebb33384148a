package dev.cairn.cli.imports.agent;

import java.nio.file.Path;

/**
 * One transcript file: the session it is ({@code <origin>~<nativeId>}), the folder it was found in
 * (a project name of last resort), and for a sub-agent its parent's native id and file and its
 * agent id (which its parent's Task call names). Immutable.
 */
public record Source(Path file, String projectDir, String nativeId, String parentNative, Path parentFile, String agentId) {}
