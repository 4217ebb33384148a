package dev.cairn.ledger;

/** A named cursor's name is not 1-64 characters of {@code [A-Za-z0-9_-]}; says what was found. */
public final class CursorNameException extends CairnException {
  public CursorNameException(String found) {
    super("cursor name: expected 1-64 characters of [A-Za-z0-9_-], found " + (found == null ? "nothing" : "'" + found + "'"));
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
