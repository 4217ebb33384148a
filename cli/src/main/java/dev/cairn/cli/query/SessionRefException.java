package dev.cairn.cli.query;

import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.SessionId;
import java.util.List;

/** A session reference matched no session, or more than one. Lists the candidates. */
public final class SessionRefException extends CairnException {
  public SessionRefException(String ref, List<SessionId> candidates, int max) {
    super(candidates.isEmpty()
        ? "no session matches '" + ref + "'; see 'cairn sessions --all'"
        : "'" + ref + "' matches " + (candidates.size() >= max ? "at least " + candidates.size() : candidates.size())
            + " sessions: " + String.join(", ", candidates.stream().map(SessionId::toString).toList()) + "; give more of the id");
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }

  /** A message ordinal that the session does not have. */
  public static final class NoSuchMessage extends CairnException {
    public NoSuchMessage(SessionId session, long ordinal, long last) {
      super(session + " has no message " + ordinal + (last < 0 ? " (it has no messages)" : " (its messages are 0.." + last + ")"));
    }

    @Override
    public Kind kind() {
      return Kind.BAD_INPUT;
    }
  }
}
