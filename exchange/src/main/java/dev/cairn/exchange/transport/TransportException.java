package dev.cairn.exchange.transport;

import dev.cairn.ledger.CairnException;

/** A transport operation failed for an operating reason (I/O, network); names the target and the operation. */
public final class TransportException extends CairnException {
  public TransportException(String where, String operation, Throwable cause) {
    super(where + ": " + operation + " failed: " + cause.getMessage(), cause);
  }

  @Override
  public Kind kind() {
    return Kind.IO;
  }
}
