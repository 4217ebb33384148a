package dev.cairn.cli.imports;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.cli.home.HomeSession;
import dev.cairn.cli.output.Json;
import dev.cairn.ledger.Ledger;
import dev.cairn.projection.View;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import events FILE|-}: appends NDJSON events. */
@Command(name = "events", header = "Append events from an NDJSON file or standard input.", mixinStandardHelpOptions = true,
    description = {"Append events from an NDJSON file (or - for standard input) to the ledger.",
        "A line without seq and hlc is a local event: it is stamped with this origin, the next seq",
        "and a new HLC (a curation event without prev gets the version the view holds).",
        "A line with a full envelope (v, origin, seq, hlc) is another machine's event: appended",
        "once, in seq order; already-held ones are skipped, far-future ones quarantined.",
        "The whole input is checked before anything is appended: one bad line, nothing imported.",
        "Replicate a home:  cairn tail --from-start --json | cairn --home OTHER import events -"})
public final class ImportEventsCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(paramLabel = "FILE|-", description = "NDJSON file, or - for standard input.")
  String input;

  @Option(names = "--dry-run", description = "Check the input and say what would be appended; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  public ImportEventsCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    Home home = Home.of(ctx);
    home.origin();
    boolean stdin = "-".equals(input);
    if (!stdin && (!Files.exists(Path.of(input)) || Files.isDirectory(Path.of(input)))) {
      throw new BadInputException(input, 0, "expected a readable file, found " + (Files.exists(Path.of(input)) ? "a directory" : "nothing"));
    }
    // read the input once: both passes (check, then append) see exactly the same bytes, even if the file changes meanwhile
    Path file;
    try (InputStream in = stdin ? ctx.in() : Files.newInputStream(Path.of(input))) {
      file = spool(home, in);
    }
    try (HomeSession session = HomeSession.open(home)) {
      EventFileImport.Summary s = new EventFileImport(session, stdin ? "stdin" : input).run(file, dryRun);
      print(s);
    } catch (NoSuchFileException e) {
      throw new BadInputException(input, 0, "expected a readable file, found nothing");
    } finally {
      Files.deleteIfExists(file);
    }
    return 0;
  }

  /**
   * Copies the input to a private spool file (mode 0600, in the system's temporary folder, so a
   * large input does not take the home's disk space) so it can be read twice (check, then append)
   * in constant memory.
   */
  private static Path spool(Home home, InputStream in) throws IOException {
    Path spool = Files.createTempFile("cairn-import-", ".ndjson");
    Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
    return spool;
  }

  private void print(EventFileImport.Summary s) {
    if (json) {
      ctx.out().println(Json.write(Json.object()
          .put("dry_run", dryRun).put("lines", s.lines()).put("local", s.local()).put("foreign_appended", s.appended())
          .put("duplicates", s.duplicates()).put("quarantined", s.quarantined()).put("view_applied", s.viewApplied())));
      return;
    }
    String verb = dryRun ? "would import" : "imported";
    ctx.out().printf("%s %d events: %d local, %d foreign appended, %d duplicates skipped, %d quarantined%n",
        verb, s.lines(), s.local(), s.appended(), s.duplicates(), s.quarantined());
  }
}
