package dev.cairn.cli.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.command.ExitCode;
import dev.cairn.cli.home.Exchanges;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.TargetAccess;
import dev.cairn.cli.home.TargetResolver;
import dev.cairn.cli.output.Json;
import dev.cairn.cli.output.Progress;
import dev.cairn.exchange.sync.ArchiveAudit;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.projection.Position;
import dev.cairn.projection.ProgressListener;
import dev.cairn.projection.Rebuild;
import dev.cairn.projection.View;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn verify [TARGET] [--deep] [--json]}: read everything, check it, change nothing. */
@Command(name = "verify", header = "Check the ledger, the sealed artifacts and the view (or a target's artifacts); change nothing.",
    mixinStandardHelpOptions = true,
    description = {"Without TARGET: read every ledger entry (its CRC32C, and the event it holds), every artifact in this machine's",
        "store (segment hashes and lines, checkpoint signatures against the pinned keys, each origin's coverage from seq 1",
        "to its head), and compare the view with the ledger (its position; with --deep also the digest of a scratch",
        "rebuild). With TARGET: download every artifact there and check it the same way, applying nothing.",
        "Says what is wrong and what heals it ('cairn rebuild', 'cairn reconcile TARGET'). Exit 0 when all is well, 5 when",
        "something is damaged. A progress bar on a terminal."})
public final class VerifyCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "A target to check instead of this machine: a name, folder:PATH, a path, a URL.")
  String target;

  @Option(names = "--deep", description = "Also rebuild the view into a scratch file and compare digests (as long as a rebuild).")
  boolean deep;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Mixin TargetAccess access;

  public VerifyCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Home home = Home.of(ctx);
    List<ArchiveAudit.Finding> findings = new ArrayList<>();
    ObjectNode out = Json.object();
    if (target != null) {
      TargetResolver.Resolved t = access.resolver(ctx, home).open(target);
      ArchiveAudit.Report r = audit(new ArchiveAudit(t.transport(), Exchanges.pins(home),
          "cairn reconcile " + target + " replaces it with this machine's good copy"), "verify " + t.transport().describe());
      findings.addAll(r.findings());
      out.put("target", t.transport().describe()).put("artifacts", r.artifacts()).put("bytes", r.bytes());
    } else {
      long entries = ledger(home, findings);
      ArchiveAudit.Report r = audit(new ArchiveAudit(Exchanges.store(home), Exchanges.pins(home),
          "cairn reconcile TARGET heals it from a target that has a good copy"), "verify artifacts");
      findings.addAll(r.findings());
      out.put("ledger_entries", entries).put("artifacts", r.artifacts()).put("bytes", r.bytes());
      view(home, entries, findings, out);
    }
    out.put("clean", findings.isEmpty());
    ArrayNode list = out.putArray("findings");
    findings.forEach(f -> list.addObject().put("where", f.where()).put("problem", f.problem()).put("heal", f.heal()));
    if (json) {
      ctx.out().println(Json.write(out));
    } else {
      ctx.out().println(summary(out, findings.size()));
      for (ArchiveAudit.Finding f : findings) {
        ctx.out().println("DAMAGED " + f.where() + ": " + f.problem());
        ctx.out().println("  heal: " + f.heal());
      }
    }
    return ExitCode.corruptIf(!findings.isEmpty());
  }

  private ArchiveAudit.Report audit(ArchiveAudit audit, String label) {
    Progress progress = new Progress(ctx, label, "artifacts");
    ArchiveAudit.Report r = audit.run(progress::update);
    progress.done();
    return r;
  }

  /** Reads and decodes every ledger entry; returns how many were read (damaged ones included). */
  private long ledger(Home home, List<ArchiveAudit.Finding> findings) {
    Progress progress = new Progress(ctx, "verify ledger", "entries");
    long n = 0;
    try (LedgerReader reader = LedgerReader.open(home.ledgerPaths()); Cursor c = reader.fromStart()) {
      long total = reader.state().entries();
      while (true) {
        LedgerRecord r;
        try {
          r = c.next();
          if (r == null) {
            break;
          }
          r.event();
        } catch (CairnException e) {
          findings.add(new ArchiveAudit.Finding("ledger entry at index " + c.lastIndex(), e.getMessage(),
              "cairn rebuild (recovery restores it from this machine's sealed artifacts) or cairn reconcile TARGET --restore"));
        }
        if (++n % 4096 == 0) {
          progress.update(n, total);
        }
      }
    }
    progress.done();
    return n;
  }

  private void view(Home home, long ledgerEntries, List<ArchiveAudit.Finding> findings, ObjectNode out) throws IOException {
    ObjectNode v = out.putObject("view");
    String digest;
    Position position;
    try (View view = View.open(home.view())) {
      position = view.position();
      digest = deep ? view.digest() : null;
    } catch (CairnException e) {
      findings.add(new ArchiveAudit.Finding("view.db", e.getMessage(), "cairn rebuild"));
      return;
    }
    v.put("applied", position.applied()).put("entries", position.entries()).put("behind", position.lag(ledgerEntries));
    if (position.entries() > ledgerEntries) {
      findings.add(new ArchiveAudit.Finding("view.db", "it accounts for " + position.entries() + " ledger entries, the ledger holds "
          + ledgerEntries, "cairn rebuild"));
    }
    if (!deep) {
      return;
    }
    Path scratch = Files.createTempDirectory("cairn-verify-");
    try (LedgerReader reader = LedgerReader.open(home.ledgerPaths())) {
      Progress progress = new Progress(ctx, "verify: scratch rebuild", "entries");
      long total = reader.state().entries();
      ProgressListener listener = (applied, head) -> progress.update(applied, total);
      Rebuild.run(reader, scratch.resolve("view.db"), listener);
      progress.done();
      String rebuilt;
      try (View fresh = View.open(scratch.resolve("view.db"))) {
        rebuilt = fresh.digest();
        // the live view may be behind (not yet caught up): compare only a view that has applied everything
        if (position.lag(ledgerEntries) == 0 && !rebuilt.equals(digest)) {
          findings.add(new ArchiveAudit.Finding("view.db", "its digest " + digest + " differs from a rebuild of the ledger (" + rebuilt + ")",
              "cairn rebuild"));
        }
      }
      v.put("digest", digest).put("rebuilt_digest", rebuilt);
    } finally {
      try (var walk = Files.walk(scratch)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One line: what was read, and whether all is well. */
  private static String summary(ObjectNode o, int problems) {
    StringBuilder line = new StringBuilder("verified ");
    if (o.has("target")) {
      line.append(o.get("target").asText()).append(": ");
    } else {
      line.append(o.get("ledger_entries").asLong()).append(" ledger entries, ");
    }
    line.append(o.get("artifacts").asLong()).append(String.format(" artifacts (%.1f MB)", o.get("bytes").asLong() / 1e6));
    ObjectNode v = (ObjectNode) o.get("view");
    if (v != null && v.has("behind")) {
      long behind = v.get("behind").asLong();
      line.append(", the view (").append(behind == 0 ? "up to date" : behind + " entries behind: the next reading verb catches up")
          .append(v.has("rebuilt_digest") ? ", digest checked" : "").append(')');
    }
    return line.append(problems == 0 ? ": all well" : ": " + problems + " problem(s)").toString();
  }
}
