package dev.cairn.ledger;

/**
 * A global session id: {@code <origin>~<native id>}, where origin is the machine that first
 * recorded the session and the native id is the agent's own id (for Claude Code, the transcript's
 * UUID; for a sub-agent, {@code <session uuid>/agent-<id>}).
 *
 * <p>Valid if and only if the origin part is a valid {@link Origin} and the native part is 1-200
 * characters with no control characters, no backslash, and no {@code ..} path segment, so that
 * an id can never be turned into a path that escapes a directory.
 */
public record SessionId(Origin origin, String nativeId) implements Comparable<SessionId> {
  private static final int NATIVE_MAX = 200;

  public SessionId {
    if (origin == null) {
      throw new EventFormatException("session", "an origin before '~'", "nothing");
    }
    if (!validNative(nativeId)) {
      throw new EventFormatException(
          "session", "a native id of 1-" + NATIVE_MAX + " printable characters without '\\' or '..' segments", nativeId);
    }
  }

  /** Parses {@code origin~native}. */
  public static SessionId parse(String text) {
    if (text == null) {
      throw new EventFormatException("session", "a session id <origin>~<native id>", null);
    }
    int tilde = text.indexOf('~');
    if (tilde <= 0 || !Origin.isValid(text.substring(0, tilde))) {
      throw new EventFormatException("session", "a session id <origin>~<native id>", text);
    }
    return new SessionId(new Origin(text.substring(0, tilde)), text.substring(tilde + 1));
  }

  private static boolean validNative(String id) {
    if (id == null || id.isEmpty() || id.length() > NATIVE_MAX) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return false;
      }
    }
    for (String part : id.split("/", -1)) {
      if (part.equals("..") || part.equals(".") || part.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(SessionId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return origin.value() + "~" + nativeId;
  }
}
