package dev.cairn.cli.command;

import dev.cairn.ledger.CairnException;

/** Input cairn does not accept: names the input (and line, when there is one) and what was wrong. Nothing was changed. */
public final class BadInputException extends CairnException {
  private final long line;

  public BadInputException(String input, long line, String problem) {
    super(line > 0 ? input + " line " + line + ": " + problem + "; nothing was imported" : input + ": " + problem);
    this.line = line;
  }

  public long line() {
    return line;
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
