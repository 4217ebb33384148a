package dev.cairn.cli.imports;

import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.RedactionConfig;
import dev.cairn.cli.imports.claude.ClaudeImport;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.IndexNotFoundException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One Claude Code import into a home, as {@code cairn import claude} and the service's live import
 * run it: open a {@link HomeSession}, tell the importer what the ledger already holds past its
 * saved state (a killed run's appends are not appended twice), import {@code root}, commit.
 * Stateless.
 */
public final class ClaudeImportRun {
  private ClaudeImportRun() {}

  /** Where Claude Code keeps its projects: {@code $CLAUDE_CONFIG_DIR/projects}, else {@code ~/.claude/projects}. */
  public static Path defaultRoot(String claudeConfigDir, Path userHome) {
    return claudeConfigDir != null && !claudeConfigDir.isBlank() ? Path.of(claudeConfigDir).resolve("projects")
        : userHome.resolve(".claude").resolve("projects");
  }

  public static ClaudeImport.Summary run(Home home, Path root, boolean dryRun, ClaudeImport.Listener listener) throws IOException {
    try (HomeSession session = HomeSession.open(home)) {
      Ledger ledger = session.ledger();
      ClaudeImport importer = new ClaudeImport(ledger.localOrigin(), home.state().resolve("claude-import.json"),
          dryRun ? d -> { } : ledger::appendLocal, () -> {
            ledger.sync();
            return ledger.state().lastIndex();
          }, RedactionConfig.read(home).redactor());
      // the ledger is the truth: what a killed run appended after the state's last save is not appended again
      try (LedgerReader reader = ledger.reader(); Cursor tail = afterOrFromStart(reader, importer.ledgerIndex())) {
        for (var r = tail.next(); r != null; r = tail.next()) {
          importer.alreadyInLedger(r.event());
        }
      }
      ClaudeImport.Summary s = importer.run(root, !dryRun, listener);
      if (!dryRun) {
        session.commit();
      }
      return s;
    }
  }

  private static Cursor afterOrFromStart(LedgerReader reader, long index) {
    try {
      return reader.after(index);
    } catch (IndexNotFoundException e) {
      return reader.fromStart(); // the recorded index is gone (a recovered ledger): read it all
    }
  }
}
