package dev.cairn.cli.output;

import dev.cairn.cli.command.Context;
import dev.cairn.ledger.event.Event;
import java.util.Optional;

/** Prints what a curation verb did: one line, or one JSON object with {@code --json}. Stateless. */
public final class CurationOutput {
  private CurationOutput() {}

  public static void print(Context ctx, boolean json, String session, String done, String unchanged, Optional<Event> appended) {
    if (json) {
      var o = Json.object().put("session", session).put("appended", appended.isPresent());
      appended.ifPresent(e -> o.put("event", e.id().toString()).put("prev", e.body() instanceof dev.cairn.ledger.event.Curation c
          && c.prev() != null ? c.prev().toString() : null));
      ctx.out().println(Json.write(o));
    } else if (appended.isPresent()) {
      ctx.out().println(done + " " + session);
    } else {
      ctx.out().println(session + " " + unchanged + "; nothing appended");
    }
  }
}
