package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.imports.agent.AgentFormat;
import dev.cairn.cli.imports.agent.TranscriptImport;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.Progress;
import java.io.IOException;
import java.nio.file.Path;

/** What {@code cairn import <agent>} does for any agent: run the import with progress, warnings and redaction lines, print the summary. Stateless. */
final class AgentImportVerb {
  private static final int WARN_MAX = 20;

  private AgentImportVerb() {}

  /** Imports {@code format}'s transcripts under {@code root} and prints its summary (one line, or JSON). */
  static TranscriptImport.Summary run(Context ctx, Home home, AgentFormat format, Path root, boolean dryRun, boolean json) throws IOException {
    Progress progress = new Progress(ctx, "import", "files");
    long started = System.nanoTime();
    int[] warned = {0};
    TranscriptImport.Summary s;
    s = AgentImportRun.run(home, format, root, dryRun, new TranscriptImport.Listener() {
      @Override
      public void fileDone(long done, long total, long messages, long bytes) {
        progress.update(done, total, String.format("%d messages, %.1f MB", messages, bytes / 1e6));
      }

      @Override
      public void redacted(String rule, String where) {
        if (dryRun && !json) {
          ctx.out().println("would redact " + rule + " in " + where);
        }
      }

      @Override
      public void malformed(Path file, long line, String reason) {
        if (warned[0]++ < WARN_MAX) {
          ctx.err().println("cairn: warning: " + file + ":" + line + ": " + reason + " (skipped)");
        }
      }
    });
    progress.done();
    if (warned[0] > WARN_MAX) {
      ctx.err().println("cairn: warning: ... and " + (warned[0] - WARN_MAX) + " more malformed lines");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (json) {
      ctx.out().println(Json.write(Json.object().put("agent", format.agent()).put("dry_run", dryRun).put("files", s.files()).put("unchanged", s.unchanged())
          .put("new", s.added()).put("grown", s.grown()).put("rewritten", s.rewritten())
          .put("session_events", s.sessionEvents()).put("message_events", s.messageEvents())
          .put("skipped_records", s.skippedRecords()).put("malformed_lines", s.malformedLines())
          .put("pending_bytes", s.pendingBytes()).put("bytes_read", s.bytesRead()).put("seconds", Math.round(seconds * 1000) / 1000.0)
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("redactions", Json.MAPPER.valueToTree(new java.util.TreeMap<>(s.redactions())))
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("skipped_files", Json.MAPPER.valueToTree(new java.util.TreeMap<>(s.skippedFiles())))
          .put("image_events", s.imageEvents())));
    } else {
      ctx.out().printf("%s: %s %d files (%d new, %d grown, %d rewritten, %d unchanged): %d session and %d message events; "
              + "%d non-conversation records skipped, %d malformed lines, %.1f MB read in %.2f s%n",
          format.name(), dryRun ? "would import" : "imported", s.files(), s.added(), s.grown(), s.rewritten(), s.unchanged(), s.sessionEvents(),
          s.messageEvents(), s.skippedRecords(), s.malformedLines(), s.bytesRead() / 1e6, seconds);
      if (s.imageEvents() > 0) {
        ctx.out().println((dryRun ? "would store " : "stored ") + s.imageEvents() + " distinct images");
      }
      if (!s.skippedFiles().isEmpty()) {
        StringBuilder why = new StringBuilder();
        new java.util.TreeMap<>(s.skippedFiles()).forEach((reason, n) -> why.append(why.length() == 0 ? "" : ", ").append(n).append(' ').append(reason));
        ctx.out().println("files not imported: " + why);
      }
      if (s.redacted() > 0) {
        StringBuilder per = new StringBuilder();
        new java.util.TreeMap<>(s.redactions()).forEach((rule, n) -> per.append(per.length() == 0 ? "" : ", ").append(rule).append(' ').append(n));
        ctx.out().printf("%s %d secrets (%s)%n", dryRun ? "would redact" : "redacted", s.redacted(), per);
      }
    }
    return s;
  }
}
