package dev.cairn.cli.query;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.home.Home;
import dev.cairn.ledger.Cursor;
import dev.cairn.ledger.LedgerReader;
import dev.cairn.ledger.LedgerRecord;
import dev.cairn.ledger.event.Event;
import dev.cairn.ledger.event.EventBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn tail}: prints the change feed. */
@Command(name = "tail", header = "Print the change feed (ledger entries); --follow keeps watching.", mixinStandardHelpOptions = true,
    description = {"Print ledger entries (the change feed), oldest first.",
        "Without --from-start, --from or --name: everything when not following; only new entries with --follow.",
        "--json prints each event's canonical line, exactly what 'cairn import events' accepts."})
public final class TailCommand implements Callable<Integer> {
  private final Context ctx;

  static final class Start {
    @Option(names = "--from-start", description = "Start at the first entry.")
    boolean fromStart;

    @Option(names = "--from", paramLabel = "INDEX", description = "Start at this ledger index (see 'cairn status').")
    Long from;

    @Option(names = "--name", paramLabel = "NAME", description = "A durable cursor: resume where the last 'tail --name NAME' stopped.")
    String name;
  }

  @ArgGroup(exclusive = true)
  Start start = new Start();

  @Option(names = {"-f", "--follow"}, description = "Keep waiting for new entries (Ctrl-C to stop).")
  boolean follow;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only entries of this event type (e.g. session.renamed).")
  String type;

  @Option(names = "--json", description = "Print canonical event lines (NDJSON).")
  boolean json;

  public TailCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Home home = Home.of(ctx);
    try (LedgerReader reader = home.openReader(); Cursor cursor = open(reader)) {
      while (true) {
        LedgerRecord r = follow ? cursor.next(Duration.ofMillis(200)) : cursor.next();
        if (r == null) {
          if (!follow || Thread.currentThread().isInterrupted()) {
            break;
          }
          continue;
        }
        print(r);
      }
    }
    return 0;
  }

  private Cursor open(LedgerReader reader) {
    if (start.name != null) {
      return reader.named(start.name);
    }
    if (start.from != null) {
      return reader.from(start.from);
    }
    if (follow && !start.fromStart) {
      return reader.after(reader.headIndex());
    }
    return reader.fromStart();
  }

  private void print(LedgerRecord r) {
    Event e = r.event();
    if (type != null && !type.equals(e.type())) {
      return;
    }
    if (json) {
      ctx.out().println(new String(r.bytes(), StandardCharsets.UTF_8));
    } else {
      EventBody b = e.body();
      ctx.out().printf("%-12d %s %-28s %-18s %s%n", r.index(), e.hlc(), e.id(), e.type(), b.session() == null ? "" : b.session());
    }
    ctx.out().flush();
  }
}
