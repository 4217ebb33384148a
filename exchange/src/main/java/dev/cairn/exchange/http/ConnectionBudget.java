package dev.cairn.exchange.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Bounds open connections in total and per client IP address: a connection over either bound is
 * closed as soon as it opens (rather than left waiting in the accept queue, where it would hold up
 * honest clients too). Counted in {@code cairn_http_connections_refused_total}.
 *
 * <p>Thread-safe: Jetty calls it from its selector threads.
 */
final class ConnectionBudget implements Connection.Listener {
  private final int total;
  private final int perClient;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> byClient = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();
  private final Counter refused;

  ConnectionBudget(int total, int perClient, MeterRegistry metrics) {
    this.total = total;
    this.perClient = perClient;
    this.refused = Counter.builder("cairn.http.connections.refused").description("connections closed at once: over the total or per-client bound")
        .register(metrics);
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress client = address(connection.getEndPoint().getRemoteSocketAddress());
    int all = open.incrementAndGet();
    int own = byClient.merge(client, 1, Integer::sum);
    counted.put(connection, client);
    if (all > total || own > perClient) {
      refused.increment();
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress client = counted.remove(connection);
    if (client == null) {
      return;
    }
    open.decrementAndGet();
    byClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Connections open now (for tests and metrics). */
  int open() {
    return open.get();
  }

  private static InetAddress address(SocketAddress a) {
    return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress() : InetAddress.getLoopbackAddress();
  }
}
