package dev.cairn.exchange.http;

import java.time.Duration;

/**
 * The bounds {@link ArtifactServer} holds every client to, so that no client, honest or not, can
 * stall or exhaust it. Immutable.
 *
 * @param maxBodyBytes largest artifact accepted in a PUT (413 beyond, refused before any byte of
 *     the body is read when Content-Length says so)
 * @param idleTimeout a connection that sends nothing for this long (in its headers, its body or
 *     between requests) is closed
 * @param maxRequestTime a request whose body has not arrived in full after this long is failed and
 *     its connection closed, however slowly it trickles
 * @param maxConnections open connections in total; one more is closed as soon as it is accepted
 * @param maxConnectionsPerClient open connections from one IP address; one more is closed at once
 * @param maxThreads request threads (reading headers and waiting for bodies use none)
 */
public record ServerLimits(long maxBodyBytes, Duration idleTimeout, Duration maxRequestTime, int maxConnections, int maxConnectionsPerClient,
    int maxThreads) {
  /** 64 MiB bodies, 10 s idle, 120 s per request, 512 connections, 128 per client, 64 threads. */
  public static final ServerLimits DEFAULT = new ServerLimits(64L << 20, Duration.ofSeconds(10), Duration.ofSeconds(120), 512, 128, 64);

  public ServerLimits {
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBodyBytes must be 1.." + (Integer.MAX_VALUE - 16) + ", was " + maxBodyBytes);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || maxRequestTime.isNegative() || maxRequestTime.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: idle " + idleTimeout + ", request " + maxRequestTime);
    }
    if (maxConnectionsPerClient < 1 || maxConnections < maxConnectionsPerClient || maxThreads < 8) {
      throw new IllegalArgumentException("expected 1 <= per-client connections <= connections and at least 8 threads, found "
          + maxConnectionsPerClient + ", " + maxConnections + ", " + maxThreads);
    }
  }

  public ServerLimits withMaxBodyBytes(long bytes) {
    return new ServerLimits(bytes, idleTimeout, maxRequestTime, maxConnections, maxConnectionsPerClient, maxThreads);
  }

  public ServerLimits withTimeouts(Duration idle, Duration request) {
    return new ServerLimits(maxBodyBytes, idle, request, maxConnections, maxConnectionsPerClient, maxThreads);
  }
}
