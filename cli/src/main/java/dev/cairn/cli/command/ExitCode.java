package dev.cairn.cli.command;

import dev.cairn.ledger.CairnException;

/**
 * What a cairn process's exit status means (docs/cli.md lists them). The one place that maps a
 * failure to a code: {@code Main} for what is thrown, verbs for what they report and go on past.
 */
public enum ExitCode {
  /** All is well. */
  OK(0),
  /** A bug: please report it. */
  INTERNAL(1),
  /** An unknown verb or option, a missing argument. */
  USAGE(2),
  /** A file, line or value cairn does not accept. */
  BAD_INPUT(3),
  /** The home's state forbids it: not initialised, another writer holds the lock, a target is paused. */
  STATE(4),
  /** Stored data is corrupt or forged (found, reported, and healed where it could be). */
  CORRUPT(5),
  /** An operating error: a full disk, a permission, a vanished file, the network. */
  IO(6);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The code that says what kind of failure {@code c} is. */
  public static ExitCode of(CairnException c) {
    return switch (c.kind()) {
      case BAD_INPUT -> BAD_INPUT;
      case STATE -> STATE;
      case CORRUPT -> CORRUPT;
      case IO -> IO;
    };
  }

  /** {@link #CORRUPT} when {@code corrupt} is true, else {@link #OK}: what a verb that found and reported damage returns. */
  public static int corruptIf(boolean corrupt) {
    return (corrupt ? CORRUPT : OK).code;
  }
}
