package dev.cairn.exchange.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cairn.exchange.artifact.ArtifactCheck;
import dev.cairn.exchange.artifact.ArtifactCorruptException;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.artifact.ArtifactNameException;
import dev.cairn.exchange.artifact.CheckpointCodec;
import dev.cairn.exchange.artifact.SegmentCodec;
import dev.cairn.exchange.crypt.AgeFormat;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The HTTP API of {@code cairn serve} over a home's artifact store (docs/sync.md has the
 * reference). Built on the JDK's {@code com.sun.net.httpserver}: no dependency, small surface,
 * enough for a peer that a handful of machines sync with.
 *
 * <pre>
 * GET    /healthz                                    no token; "ok"
 * GET    /metrics                                    Prometheus text format
 * GET    /v1/origins                                 {"origins":[...]}
 * GET    /v1/list/{origin}/{segments|checkpoints}?after=FILE&limit=N
 *                                                    {"items":[{"name":FILE,"bytes":N}],"next":FILE|null}
 * HEAD   /v1/artifacts/{origin}/{folder}/{file}      200 with Content-Length, or 404
 * GET    /v1/artifacts/{origin}/{folder}/{file}      the bytes, or 404
 * PUT    /v1/artifacts/{origin}/{folder}/{file}      201 stored, 200 same bytes already there,
 *                                                    409 other bytes there, 400 invalid, 413 too large
 * DELETE /v1/artifacts/{origin}/{folder}/{file}      204
 * </pre>
 *
 * Every route but {@code /healthz} needs {@code Authorization: Bearer <token>} (401 otherwise,
 * compared in constant time). Names are parsed and validated before any file access. A PUT body
 * is limited to {@code maxBodyBytes} (413 beyond, checked on Content-Length before reading) and is
 * verified in full — a segment's hash and content, a checkpoint's structure and signature —
 * before anything is stored. Errors are JSON {@code {"error": "..."}}.
 *
 * <p>Thread-safety: requests are served by a small pool; the store is thread-safe.
 */
public final class ArtifactServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIST_MAX = 1000;

  private final HttpServer server;
  private final ExecutorService pool;
  private final Transport store;
  private final BearerToken token;
  private final long maxBodyBytes;
  private final PrometheusMeterRegistry metrics;
  private final Consumer<ArtifactName> onStored;
  private final Counter stored;
  private final Counter rejected;

  private ArtifactServer(HttpServer server, Transport store, BearerToken token, long maxBodyBytes, PrometheusMeterRegistry metrics,
      Consumer<ArtifactName> onStored) {
    this.server = server;
    this.store = store;
    this.token = token;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
    this.onStored = onStored;
    this.stored = Counter.builder("cairn.artifacts.stored").description("artifacts stored through PUT").register(metrics);
    this.rejected = Counter.builder("cairn.artifacts.rejected").description("PUTs refused as invalid or conflicting").register(metrics);
    this.pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "cairn-serve");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving. {@code tls} null means plain HTTP; the caller decides whether that is allowed
   * for the address (cairn serve allows it on loopback, or with --allow-insecure).
   */
  public static ArtifactServer start(InetSocketAddress address, SSLContext tls, Transport store, BearerToken token, long maxBodyBytes,
      PrometheusMeterRegistry metrics, Consumer<ArtifactName> onStored) throws IOException {
    HttpServer s;
    if (tls != null) {
      HttpsServer https = HttpsServer.create(address, 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      s = https;
    } else {
      s = HttpServer.create(address, 64);
    }
    ArtifactServer server = new ArtifactServer(s, store, token, maxBodyBytes, metrics, onStored);
    s.start();
    return server;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    String[] route = {"other"};
    int status = 500;
    try {
      status = dispatch(ex, route);
    } catch (ArtifactNameException e) {
      status = error(ex, 400, e.getMessage());
    } catch (CairnException e) {
      status = error(ex, 500, e.getMessage());
    } catch (RuntimeException e) {
      status = error(ex, 500, "internal error: " + e); // never drop a connection without an answer
    } finally {
      ex.close(); // after the answer: closing first would drop it
      Timer.builder("cairn.http.requests").tag("method", ex.getRequestMethod()).tag("route", route[0])
          .tag("status", Integer.toString(status)).register(metrics).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private int dispatch(HttpExchange ex, String[] route) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    if (path.equals("/healthz")) {
      route[0] = "healthz";
      return send(ex, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8));
    }
    if (!token.matches(ex.getRequestHeaders().getFirst("Authorization"))) {
      route[0] = "auth";
      drain(ex);
      return error(ex, 401, "missing or wrong bearer token");
    }
    if (path.equals("/metrics") && method.equals("GET")) {
      route[0] = "metrics";
      return send(ex, 200, "text/plain; version=0.0.4", metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
    if (path.equals("/v1/origins") && method.equals("GET")) {
      route[0] = "origins";
      ObjectNode o = JSON.createObjectNode();
      ArrayNode arr = o.putArray("origins");
      store.origins().forEach(origin -> arr.add(origin.value()));
      return json(ex, 200, o);
    }
    if (path.startsWith("/v1/list/") && method.equals("GET")) {
      route[0] = "list";
      return list(ex, path.substring("/v1/list/".length()));
    }
    if (path.startsWith("/v1/artifacts/")) {
      route[0] = "artifact";
      ArtifactName name = ArtifactName.parsePath(URLDecoder.decode(path.substring("/v1/artifacts/".length()), StandardCharsets.UTF_8));
      return artifact(ex, method, name);
    }
    return error(ex, 404, "no route " + method + " " + path);
  }

  /**
   * Reads and discards a request body we refuse (up to twice the limit), so the client, which may
   * already be sending it, gets to read our answer instead of a reset connection.
   */
  private void drain(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      long left = 2 * maxBodyBytes;
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n > 0 && left > 0; n = in.read(buf)) {
        left -= n;
      }
    }
  }

  private int list(HttpExchange ex, String rest) throws IOException {
    String[] parts = rest.split("/", -1);
    if (parts.length != 2 || !Origin.isValid(parts[0])) {
      return error(ex, 400, "expected /v1/list/<origin>/<segments|checkpoints|segments.age|checkpoints.age>, found /v1/list/" + rest);
    }
    ArtifactKind kind = ArtifactKind.ofListingName(parts[1]);
    if (kind == null) {
      return error(ex, 400, "expected segments, checkpoints, segments.age or checkpoints.age, found " + parts[1]);
    }
    Origin origin = new Origin(parts[0]);
    String after = query(ex, "after");
    int limit = LIST_MAX;
    String l = query(ex, "limit");
    if (l != null) {
      try {
        limit = Math.max(1, Math.min(LIST_MAX, Integer.parseInt(l)));
      } catch (NumberFormatException e) {
        return error(ex, 400, "expected limit to be a number, found " + l);
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
    return json(ex, 200, o);
  }

  private int artifact(HttpExchange ex, String method, ArtifactName name) throws IOException {
    switch (method) {
      case "HEAD" -> {
        Optional<ArtifactInfo> info = store.head(name);
        if (info.isEmpty()) {
          ex.sendResponseHeaders(404, -1);
          return 404;
        }
        ex.getResponseHeaders().set("Content-Length", Long.toString(info.get().bytes()));
        ex.sendResponseHeaders(200, -1);
        return 200;
      }
      case "GET" -> {
        if (store.head(name).isEmpty()) {
          return error(ex, 404, "no artifact " + name);
        }
        return send(ex, 200, "application/octet-stream", store.get(name));
      }
      case "PUT" -> {
        return put(ex, name);
      }
      case "DELETE" -> {
        store.delete(name);
        ex.sendResponseHeaders(204, -1);
        return 204;
      }
      default -> {
        return error(ex, 405, "method " + method + " is not allowed on artifacts");
      }
    }
  }

  private int put(HttpExchange ex, ArtifactName name) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && Long.parseLong(length) > maxBodyBytes) {
      rejected.increment();
      drain(ex);
      return error(ex, 413, "body of " + length + " bytes is over the limit of " + maxBodyBytes + " bytes");
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    }
    if (body.length > maxBodyBytes) {
      rejected.increment();
      drain(ex);
      return error(ex, 413, "body is over the limit of " + maxBodyBytes + " bytes");
    }
    try {
      if (name.kind().isEncrypted()) {
        AgeFormat.checkHeader(name, body); // the plaintext is not ours to read: check the envelope only
      } else {
        ArtifactCheck.verify(name, body);
      }
    } catch (ArtifactCorruptException e) {
      rejected.increment();
      return error(ex, 400, e.getMessage());
    }
    PutResult r;
    try {
      r = store.putIfAbsent(name, body);
    } catch (ArtifactConflictException e) {
      rejected.increment();
      return error(ex, 409, e.getMessage());
    }
    if (r == PutResult.CREATED) {
      stored.increment();
      onStored.accept(name);
      ex.sendResponseHeaders(201, -1);
      return 201;
    }
    ex.sendResponseHeaders(200, -1);
    return 200;
  }

  private static String query(HttpExchange ex, String key) {
    String q = ex.getRequestURI().getRawQuery();
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

  private static int json(HttpExchange ex, int status, ObjectNode body) throws IOException {
    return send(ex, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static int error(HttpExchange ex, int status, String message) throws IOException {
    return json(ex, status, JSON.createObjectNode().put("error", message));
  }

  private static int send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
