package dev.cairn.cli;

import dev.cairn.ledger.CairnException;

/** An input line was rejected; says which line of which input and why. Nothing was appended. */
public final class BadLineException extends CairnException {
  private final long line;

  public BadLineException(String input, long line, String problem) {
    super(input + " line " + line + ": " + problem + "; nothing was imported");
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
