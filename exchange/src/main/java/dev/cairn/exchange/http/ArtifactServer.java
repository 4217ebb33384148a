package dev.cairn.exchange.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.ArtifactNameException;
import dev.cairn.exchange.crypt.TargetMarker;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.trust.Door;
import dev.cairn.exchange.trust.RefusedArtifactException;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API of {@code cairn serve} over a home's artifact store (docs/sync.md has the
 * reference), on Jetty: headers and bodies are read without holding a thread, so slow or stalled
 * clients cost a connection slot, never the server.
 *
 * <pre>
 * GET    /healthz                                    no token; "ok"
 * GET    /metrics                                    Prometheus text format
 * GET    /v1/origins                                 {"origins":[...]}
 * GET    /v1/list/{origin}/{segments|checkpoints}?after=FILE&limit=N
 *                                                    {"items":[{"name":FILE,"bytes":N}],"next":FILE|null}
 * HEAD   /v1/artifacts/{origin}/{folder}/{file}      200 with Content-Length, or 404
 * GET    /v1/artifacts/{origin}/{folder}/{file}      the bytes, or 404
 * PUT    /v1/artifacts/{origin}/{folder}/{file}      201 stored, 200 same bytes already there, 400 invalid,
 *                                                    403 not to be written by anyone but its owner or not trusted,
 *                                                    409 other bytes there, another key, or segments missing, 413 too large
 * GET    /v1/marker                                  the target marker (cairn-target.json), or 404
 * PUT    /v1/marker                                  201 written, 200 same there, 409 another marker there
 * DELETE /v1/artifacts/...                           403: a sync token cannot delete
 * </pre>
 *
 * <p>Every route but {@code /healthz} needs {@code Authorization: Bearer <token>} (401 otherwise,
 * compared in constant time). A refusal (401, 403, 413) is answered without reading the request
 * body, and the connection is then closed. Names are parsed and validated before any file access;
 * a path with any percent-escape is 400 (no artifact name needs one). A PUT body is read in full
 * (bounded by {@link ServerLimits#maxBodyBytes()} and {@link ServerLimits#maxRequestTime()}) and
 * passes the {@link Door} before anything is stored. Every error, Jetty's own included, is JSON
 * {@code {"error": "..."}}.
 *
 * <p>Thread-safety: thread-safe; the store and the door must be.
 */
public final class ArtifactServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIST_MAX = 1000;
  private static final int MARKER_MAX = 16 * 1024;

  private final Server server;
  private final ServerConnector connector;
  private final ScheduledExecutorService deadlines;
  private final Transport store;
  private final BearerToken token;
  private final ServerLimits limits;
  private final PrometheusMeterRegistry metrics;
  private final Door door;
  private final java.util.function.Consumer<ArtifactName> onStored;
  private final Counter stored;
  private final Counter rejected;
  private final Counter forged;

  private ArtifactServer(InetSocketAddress address, SSLContext tls, Transport store, BearerToken token, ServerLimits limits,
      PrometheusMeterRegistry metrics, Door door, java.util.function.Consumer<ArtifactName> onStored, Handler ui) {
    this.store = store;
    this.token = token;
    this.limits = limits;
    this.metrics = metrics;
    this.door = door;
    this.onStored = onStored;
    this.stored = Counter.builder("cairn.artifacts.stored").description("artifacts stored through PUT").register(metrics);
    this.rejected = Counter.builder("cairn.artifacts.rejected").description("PUTs refused as invalid, forbidden or conflicting").register(metrics);
    this.forged = Counter.builder("cairn.artifacts.forged").description("pushed checkpoints refused: signed by another key than the pinned one")
        .register(metrics);
    QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), 4);
    pool.setName("cairn-serve");
    pool.setDaemon(true);
    this.server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    http.setRequestHeaderSize(8 * 1024);
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    if (tls == null) {
      this.connector = new ServerConnector(server, 1, 1, plain);
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      ssl.setSniRequired(false);
      // peers reach a serving machine by any of its names or addresses: no SNI host check
      http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
      this.connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), plain);
    }
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.addBean(new ConnectionBudget(limits.maxConnections(), limits.maxConnectionsPerClient(), metrics));
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrors());
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (ui != null && !isApi(request.getHttpURI().getPath())) {
          return ui.handle(request, response, callback);
        }
        return ArtifactServer.this.handle(request, response, callback);
      }
    });
    if (ui != null) {
      server.addBean(ui); // started and stopped with the server
    }
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-serve-deadlines");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts serving. {@code tls} null means plain HTTP; the caller decides whether that is allowed
   * for the address (cairn serve allows it on loopback, or with --allow-insecure). {@code onStored}
   * hears of every artifact stored (from a request thread).
   */
  public static ArtifactServer start(InetSocketAddress address, SSLContext tls, Transport store, BearerToken token, ServerLimits limits,
      PrometheusMeterRegistry metrics, Door door, java.util.function.Consumer<ArtifactName> onStored) throws IOException {
    return start(address, tls, store, token, limits, metrics, door, onStored, null);
  }

  /**
   * Starts serving, with {@code ui} (the web UI, or null) answering every path outside the
   * artifact API ({@code /healthz}, {@code /metrics}, {@code /v1/...}) on the same port.
   */
  public static ArtifactServer start(InetSocketAddress address, SSLContext tls, Transport store, BearerToken token, ServerLimits limits,
      PrometheusMeterRegistry metrics, Door door, java.util.function.Consumer<ArtifactName> onStored, Handler ui) throws IOException {
    ArtifactServer s = new ArtifactServer(address, tls, store, token, limits, metrics, door, onStored, ui);
    try {
      s.server.start();
    } catch (IOException e) {
      s.close();
      throw e;
    } catch (Exception e) {
      s.close();
      throw new IOException("cannot start the server on " + address + ": " + e.getMessage(), e);
    }
    return s;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  private boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String method = request.getMethod();
    String[] route = {"other"};
    Callback timed = new Callback() {
      @Override
      public void succeeded() {
        record(method, route[0], response.getStatus(), start);
        callback.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        record(method, route[0], response.getStatus(), start);
        callback.failed(x);
      }
    };
    try {
      dispatch(request, response, timed, route);
    } catch (ArtifactNameException e) {
      error(response, timed, 400, e.getMessage(), true);
    } catch (CairnException e) {
      error(response, timed, 500, e.getMessage(), false);
    } catch (RuntimeException e) {
      error(response, timed, 500, "internal error: " + e, false); // never drop a connection without an answer
    }
    return true;
  }

  /** The artifact API's paths; everything else belongs to the UI when there is one. */
  private static boolean isApi(String path) {
    return path == null || path.equals("/healthz") || path.equals("/metrics") || path.startsWith("/v1/") || path.equals("/v1");
  }

  private void record(String method, String route, int status, long start) {
    Timer.builder("cairn.http.requests").tag("method", method).tag("route", route).tag("status", Integer.toString(status)).register(metrics)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private void dispatch(Request request, Response response, Callback cb, String[] route) {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    if ("/healthz".equals(path)) {
      route[0] = "healthz";
      send(response, cb, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8), false);
      return;
    }
    if (!token.matches(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      route[0] = "auth";
      error(response, cb, 401, "missing or wrong bearer token", bodyMayFollow(request));
      return;
    }
    if (path == null || path.indexOf('%') >= 0) {
      error(response, cb, 400, "expected a path without escapes (artifact names need none), found " + path, true);
      return;
    }
    if (path.equals("/metrics") && method.equals("GET")) {
      route[0] = "metrics";
      send(response, cb, 200, "text/plain; version=0.0.4", metrics.scrape().getBytes(StandardCharsets.UTF_8), false);
    } else if (path.equals("/v1/origins") && method.equals("GET")) {
      route[0] = "origins";
      ObjectNode o = JSON.createObjectNode();
      ArrayNode arr = o.putArray("origins");
      store.origins().forEach(origin -> arr.add(origin.value()));
      json(response, cb, 200, o);
    } else if (path.startsWith("/v1/list/") && method.equals("GET")) {
      route[0] = "list";
      list(request, response, cb, path.substring("/v1/list/".length()));
    } else if (path.equals("/v1/marker")) {
      route[0] = "marker";
      marker(request, response, cb, method);
    } else if (path.startsWith("/v1/artifacts/")) {
      route[0] = "artifact";
      artifact(request, response, cb, method, ArtifactName.parsePath(path.substring("/v1/artifacts/".length())));
    } else {
      error(response, cb, 404, "no route " + method + " " + path, true);
    }
  }

  private void list(Request request, Response response, Callback cb, String rest) {
    String[] parts = rest.split("/", -1);
    if (parts.length != 2 || !Origin.isValid(parts[0])) {
      error(response, cb, 400, "expected /v1/list/<origin>/<segments|checkpoints|segments.age|checkpoints.age>, found /v1/list/" + rest, false);
      return;
    }
    ArtifactKind kind = ArtifactKind.ofListingName(parts[1]);
    if (kind == null) {
      error(response, cb, 400, "expected segments, checkpoints, segments.age or checkpoints.age, found " + parts[1], false);
      return;
    }
    Origin origin = new Origin(parts[0]);
    String after = query(request, "after");
    int limit = LIST_MAX;
    String l = query(request, "limit");
    if (l != null) {
      try {
        limit = Math.max(1, Math.min(LIST_MAX, Integer.parseInt(l)));
      } catch (NumberFormatException e) {
        error(response, cb, 400, "expected limit to be a number, found " + l, false);
        return;
      }
    }
    List<ArtifactInfo> all = store.list(origin, kind, after == null ? null : ArtifactName.parseFile(origin, kind, after));
    ObjectNode o = JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (int i = 0; i < Math.min(limit, all.size()); i++) {
      ArtifactInfo info = all.get(i);
      ObjectNode item = items.addObject().put("name", info.name().fileName()).put("bytes", info.bytes());
      if (!info.modified().equals(ArtifactInfo.UNKNOWN_TIME)) {
        item.put("modified", info.modified().toEpochMilli());
      }
    }
    o.put("next", all.size() > limit ? all.get(limit - 1).name().fileName() : null);
    json(response, cb, 200, o);
  }

  private void artifact(Request request, Response response, Callback cb, String method, ArtifactName name) {
    switch (method) {
      case "HEAD" -> {
        Optional<ArtifactInfo> info = store.head(name);
        if (info.isEmpty()) {
          response.setStatus(404);
          response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
          response.write(true, null, cb);
          return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, info.get().bytes());
        response.write(true, null, cb);
      }
      case "GET" -> {
        byte[] bytes;
        try {
          bytes = store.get(name);
        } catch (ArtifactNotFoundException e) {
          error(response, cb, 404, "no artifact " + name, false);
          return;
        }
        send(response, cb, 200, "application/octet-stream", bytes, false);
      }
      case "PUT" -> readBody(request, response, cb, limits.maxBodyBytes(), body -> put(response, cb, name, body));
      case "DELETE" -> error(response, cb, 403, "a sync token cannot delete artifacts; run 'cairn gc' on the serving machine", true);
      default -> error(response, cb, 405, "method " + method + " is not allowed on artifacts", true);
    }
  }

  private void marker(Request request, Response response, Callback cb, String method) {
    if (method.equals("GET")) {
      Optional<byte[]> m = store.marker();
      if (m.isEmpty()) {
        error(response, cb, 404, "no target marker here", false);
      } else {
        send(response, cb, 200, "application/json", m.get(), false);
      }
    } else if (method.equals("PUT")) {
      readBody(request, response, cb, MARKER_MAX, body -> {
        try {
          TargetMarker.parse(body, store.describe());
        } catch (CairnException e) {
          rejected.increment();
          error(response, cb, 400, e.getMessage(), false);
          return;
        }
        try {
          PutResult r = store.putMarker(body);
          status(response, cb, r == PutResult.CREATED ? 201 : 200);
        } catch (ArtifactConflictException e) {
          error(response, cb, 409, "another target marker is already here: " + e.getMessage(), false);
        }
      });
    } else {
      error(response, cb, 405, "method " + method + " is not allowed on the marker", true);
    }
  }

  /**
   * Reads a request body of at most {@code max} bytes without holding a thread, then runs {@code
   * then} on a request thread. Over the limit is 413 (refused before reading when Content-Length
   * says so); a body that has not arrived within the request time fails the request.
   */
  private void readBody(Request request, Response response, Callback cb, long max, java.util.function.Consumer<byte[]> then) {
    long length = request.getLength();
    if (length > max) {
      rejected.increment();
      error(response, cb, 413, "body of " + length + " bytes is over the limit of " + max + " bytes", bodyMayFollow(request));
      return;
    }
    AtomicBoolean done = new AtomicBoolean();
    var deadline = deadlines.schedule(() -> {
      if (done.compareAndSet(false, true)) {
        cb.failed(new TimeoutException("request body not complete after " + limits.maxRequestTime()));
      }
    }, limits.maxRequestTime().toMillis(), TimeUnit.MILLISECONDS);
    Content.Source.asByteArrayAsync(request, (int) max + 1).whenComplete((body, failure) -> {
      deadline.cancel(false);
      if (!done.compareAndSet(false, true)) {
        return;
      }
      server.getThreadPool().execute(() -> {
        try {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IllegalArgumentException) { // asByteArrayAsync: more than max bytes
              rejected.increment();
              error(response, cb, 413, "body is over the limit of " + max + " bytes", true);
            } else {
              cb.failed(cause);
            }
            return;
          }
          if (body.length > max) {
            rejected.increment();
            error(response, cb, 413, "body is over the limit of " + max + " bytes", true);
            return;
          }
          then.accept(body);
        } catch (ArtifactNameException e) {
          error(response, cb, 400, e.getMessage(), true);
        } catch (CairnException e) {
          error(response, cb, 500, e.getMessage(), false);
        } catch (RuntimeException e) {
          error(response, cb, 500, "internal error: " + e, false);
        }
      });
    });
  }

  private void put(Response response, Callback cb, ArtifactName name, byte[] body) {
    try {
      door.admit(name, body);
    } catch (RefusedArtifactException e) {
      rejected.increment();
      if (e.reason() == RefusedArtifactException.Reason.CONFLICT && e.claim() != null) {
        forged.increment();
      }
      int status = switch (e.reason()) {
        case INVALID -> 400;
        case FORBIDDEN -> 403;
        case CONFLICT -> 409;
      };
      error(response, cb, status, e.getMessage(), false);
      return;
    }
    PutResult r;
    try {
      r = store.putIfAbsent(name, body);
    } catch (ArtifactConflictException e) {
      rejected.increment();
      error(response, cb, 409, e.getMessage(), false);
      return;
    }
    if (r == PutResult.CREATED) {
      stored.increment();
      onStored.accept(name);
      status(response, cb, 201);
      return;
    }
    status(response, cb, 200);
  }

  /**
   * Whether a client may already be sending the body of a request refused before reading it: then
   * the connection is closed after the answer. A client that asked {@code Expect: 100-continue}
   * sends no body until told to, so its connection stays usable (closing it races the JDK client).
   */
  private static boolean bodyMayFollow(Request request) {
    String expect = request.getHeaders().get(HttpHeader.EXPECT);
    return expect == null || !expect.equalsIgnoreCase("100-continue");
  }

  private static String query(Request request, String key) {
    String q = request.getHttpURI().getQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void status(Response response, Callback cb, int status) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, null, cb);
  }

  private static void json(Response response, Callback cb, int status, ObjectNode body) {
    try {
      send(response, cb, status, "application/json", JSON.writeValueAsBytes(body), false);
    } catch (IOException e) {
      cb.failed(e);
    }
  }

  /** An error as JSON; {@code close} for refusals: the body (if any) is not read and the connection is closed after the answer. */
  private static void error(Response response, Callback cb, int status, String message, boolean close) {
    byte[] body = errorJson(message);
    send(response, cb, status, "application/json", body, close);
  }

  static byte[] errorJson(String message) {
    try {
      return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(Response response, Callback cb, int status, String type, byte[] body, boolean close) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    if (close) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    response.write(true, ByteBuffer.wrap(body), cb);
  }

  /** Jetty's own errors (malformed requests, bad Content-Length, timeouts) as JSON too. */
  private static final class JsonErrors extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true; // a reason for every method, PUT included
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
      byte[] body = errorJson(message == null ? "HTTP " + code : message);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      return ByteBuffer.wrap(errorJson(reason == null ? "bad request (HTTP " + status + ")" : reason));
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort: the threads are daemons
    }
    deadlines.shutdownNow();
  }

}
