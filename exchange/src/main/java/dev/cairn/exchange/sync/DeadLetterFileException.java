package dev.cairn.exchange.sync;

import dev.cairn.ledger.CairnException;
import java.nio.file.Path;

/** The dead-letter list ({@code state/dead_letter.json}) could not be read or written; names the file and what was done. */
public final class DeadLetterFileException extends CairnException {
  public DeadLetterFileException(String action, Path file, Throwable cause) {
    super(action + " " + file + ": " + cause.getMessage(), cause);
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
