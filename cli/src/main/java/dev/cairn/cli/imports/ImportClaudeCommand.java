package dev.cairn.cli.imports;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.imports.claude.ClaudeImport;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.Progress;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import claude [DIR]}: imports Claude Code transcripts. */
@Command(name = "claude", header = "Import Claude Code transcripts (incremental; default ~/.claude/projects).", mixinStandardHelpOptions = true,
    description = {"Import Claude Code transcripts: every <project>/<session>.jsonl and its sub-agents",
        "(<session>/subagents/agent-*.jsonl) under DIR (default ~/.claude/projects).",
        "Incremental: unchanged files are not read; a grown file yields only new or changed messages;",
        "running it twice appends nothing the second time. A half-written last line waits for the next run.",
        "Malformed lines are reported (file:line) and skipped. Mapping: docs/import-claude.md.",
        "Secrets (API keys, tokens, private keys, credentials in URLs, password= assignments) are replaced",
        "with [redacted:<rule>] before anything is stored; --dry-run lists where. Rules: docs/redaction.md."})
public final class ImportClaudeCommand implements Callable<Integer> {
  private static final int WARN_MAX = 20;
  private final Context ctx;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The projects folder (default: ~/.claude/projects).")
  Path dir;

  @Option(names = "--dry-run", description = "Parse and count what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportClaudeCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Home home = Home.of(ctx);
    Path root = dir != null ? dir : ClaudeImportRun.defaultRoot(ctx.env("CLAUDE_CONFIG_DIR"), ctx.userHome());
    Progress progress = new Progress(ctx, "import", "files");
    long started = System.nanoTime();
    int[] warned = {0};
    ClaudeImport.Summary s;
    s = ClaudeImportRun.run(home, root, dryRun, new ClaudeImport.Listener() {
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
      ctx.out().println(Json.write(Json.object().put("dry_run", dryRun).put("files", s.files()).put("unchanged", s.unchanged())
          .put("new", s.added()).put("grown", s.grown()).put("rewritten", s.rewritten())
          .put("session_events", s.sessionEvents()).put("message_events", s.messageEvents())
          .put("skipped_records", s.skippedRecords()).put("malformed_lines", s.malformedLines())
          .put("pending_bytes", s.pendingBytes()).put("bytes_read", s.bytesRead()).put("seconds", Math.round(seconds * 1000) / 1000.0)
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("redactions", Json.MAPPER.valueToTree(new java.util.TreeMap<>(s.redactions())))
          .<com.fasterxml.jackson.databind.node.ObjectNode>set("skipped_files", Json.MAPPER.valueToTree(new java.util.TreeMap<>(s.skippedFiles())))
          .put("image_events", s.imageEvents())));
    } else {
      ctx.out().printf("%s %d files (%d new, %d grown, %d rewritten, %d unchanged): %d session and %d message events; "
              + "%d non-conversation records skipped, %d malformed lines, %.1f MB read in %.2f s%n",
          dryRun ? "would import" : "imported", s.files(), s.added(), s.grown(), s.rewritten(), s.unchanged(), s.sessionEvents(),
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
    return 0;
  }
}
