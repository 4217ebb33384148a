package dev.cairn.ledger;

import java.nio.file.Path;

/**
 * Where a ledger keeps its files, under one root directory ({@code CAIRN_HOME/ledger}):
 *
 * <pre>
 * queue/             the Chronicle Queue: the source of truth (cycle files *.cq4, metadata.cq4t)
 * state.json         derived: per-origin high-water marks, max HLC, and the index they cover
 * writer.lock        held (flock) by the one process allowed to append; holds its pid
 * closed-head        the last index as the last writer closed the ledger; absent while one writes ({@link LedgerHead})
 * quarantine/        foreign events held back (far-future HLC), one file per event
 * repairs/           what recovery did to unreadable entries: {@code <index>.healed} (the event's
 *                    bytes, restored from a sealed artifact, read in place of the entry) and
 *                    {@code <index>.lost} (why the entry is skipped); see {@link Repairs}
 * recovery.log       one line per recovery action, appended
 * </pre>
 */
public record LedgerPaths(Path root) {
  public Path queue() {
    return root.resolve("queue");
  }

  public Path state() {
    return root.resolve("state.json");
  }

  public Path closedHead() {
    return root.resolve("closed-head");
  }

  public Path writerLock() {
    return root.resolve("writer.lock");
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  public Path repairs() {
    return root.resolve("repairs");
  }

  public Path recoveryLog() {
    return root.resolve("recovery.log");
  }
}
