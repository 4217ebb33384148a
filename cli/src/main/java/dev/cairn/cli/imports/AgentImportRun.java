package dev.cairn.cli.imports;

import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.home.RedactionConfig;
import dev.cairn.cli.imports.agent.AgentFormat;
import dev.cairn.cli.imports.agent.ClaudeFormat;
import dev.cairn.cli.imports.agent.CodexFormat;
import dev.cairn.cli.imports.agent.CopilotFormat;
import dev.cairn.cli.imports.agent.GeminiFormat;
import dev.cairn.cli.imports.agent.OpenCodeFormat;
import dev.cairn.cli.imports.agent.TranscriptImport;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.IndexNotFoundException;
import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One agent's import into a home, as {@code cairn import <agent>} and the service's live import run
 * it: open a {@link HomeSession}, tell the importer what the ledger already holds past its saved
 * state (a killed run's appends are not appended twice), import {@code root}, commit. Stateless.
 */
public final class AgentImportRun {
  /** Every agent cairn imports, in the order {@code cairn import} runs them. */
  public static final java.util.List<AgentFormat> FORMATS = java.util.List.of(ClaudeFormat.INSTANCE, CodexFormat.INSTANCE,
      GeminiFormat.INSTANCE, CopilotFormat.INSTANCE, OpenCodeFormat.INSTANCE);

  private AgentImportRun() {}

  public static TranscriptImport.Summary run(Home home, AgentFormat format, Path root, boolean dryRun, TranscriptImport.Listener listener)
      throws IOException {
    try (HomeSession session = HomeSession.open(home)) {
      Ledger ledger = session.ledger();
      TranscriptImport importer = new TranscriptImport(format, ledger.localOrigin(), home.state().resolve(format.name() + "-import.json"),
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
      TranscriptImport.Summary s = importer.run(root, !dryRun, listener);
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
