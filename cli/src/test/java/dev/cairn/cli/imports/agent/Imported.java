package dev.cairn.cli.imports.agent;

import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionRecorded;
import java.util.ArrayList;
import java.util.List;

/** What an importer's drafts say about one session, read as the view would: the latest record, the latest message per ordinal. */
final class Imported {
  private Imported() {}

  /** The session {@code lap-000001~<id>}'s messages by ordinal, each the latest event for it. */
  static List<MessageAppended> messages(List<Draft> drafts, String id) {
    List<MessageAppended> latest = new ArrayList<>();
    drafts.stream().map(Draft::body).filter(MessageAppended.class::isInstance).map(MessageAppended.class::cast)
        .filter(m -> m.session().toString().equals("lap-000001~" + id)).forEach(m -> {
          while (latest.size() <= m.ordinal()) {
            latest.add(null);
          }
          latest.set((int) m.ordinal(), m);
        });
    return latest;
  }

  /** The latest session.recorded of {@code lap-000001~<id>}, or null when there is none. */
  static SessionRecorded session(List<Draft> drafts, String id) {
    return drafts.stream().map(Draft::body).filter(SessionRecorded.class::isInstance).map(SessionRecorded.class::cast)
        .filter(r -> r.session().toString().equals("lap-000001~" + id)).reduce((a, b) -> b).orElse(null);
  }
}
