package dev.cairn.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** An I/O operation on a ledger file failed; names the file and the operation. */
public final class LedgerIoException extends CairnException {
  public LedgerIoException(String operation, Path path, IOException cause) {
    super(operation + " " + path + ": " + cause.getMessage(), cause);
  }

  public static LedgerIoException of(String operation, Path path, UncheckedIOException e) {
    return new LedgerIoException(operation, path, e.getCause());
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
