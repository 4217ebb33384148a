package dev.cairn.projection;

import dev.cairn.ledger.CairnException;
import java.nio.file.Path;
import java.sql.SQLException;

/** A SQLite operation on the view failed; names the file and what cairn was doing. */
public final class ViewException extends CairnException {
  public ViewException(String operation, Path file, SQLException cause) {
    super(operation + " " + file + ": " + cause.getMessage(), cause);
  }

  public ViewException(String message) {
    super(message);
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
