package dev.cairn.ledger;

/**
 * Base of every error cairn reports on purpose. Subclasses carry the data that explains the
 * failure (what was expected, what was found, where); the CLI turns them into one line and an
 * exit code. Anything that is not a {@code CairnException} is a programmer error.
 */
public abstract class CairnException extends RuntimeException {
  protected CairnException(String message) {
    super(message);
  }

  protected CairnException(String message, Throwable cause) {
    super(message, cause);
  }

  /** What kind of failure this is, so callers can map it to an exit code without string matching. */
  public abstract Kind kind();

  /** Failure categories; the CLI documents one exit code per kind. */
  public enum Kind {
    /** The input (a file, a line, an argument value) is not what cairn accepts. */
    BAD_INPUT,
    /** The home is in a state that forbids the operation (not initialised, locked by another writer). */
    STATE,
    /** Stored data failed verification (checksum, structure). */
    CORRUPT,
    /** An operating-system level failure (I/O, permissions). */
    IO
  }
}
