package dev.cairn.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port held for a test: bound by a socket that does not listen, so no other process can
 * take it and a connection to it is refused (what "nothing listens there" looks like). {@link
 * #release()} frees it just before the test's own server binds it. Not thread-safe.
 */
public final class ReservedPort implements AutoCloseable {
  private final Socket holder;
  private final int port;

  private ReservedPort(Socket holder) {
    this.holder = holder;
    this.port = holder.getLocalPort();
  }

  public static ReservedPort reserve() {
    try {
      Socket s = new Socket();
      s.setReuseAddress(true); // the server that binds it next may do so at once
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return new ReservedPort(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Frees the port for the test's server. */
  public void release() {
    close();
  }

  @Override
  public void close() {
    try {
      holder.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
