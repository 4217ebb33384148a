package dev.cairn.exchange.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.ClassifiedFailure;
import dev.cairn.exchange.transport.FailureKind;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transport to a peer running {@code cairn serve} ({@code http://HOST:PORT} or {@code https://}),
 * speaking the API of {@link ArtifactServer} with a bearer token. Listing pages through the
 * server's cursor. A 401 is {@link UnauthorizedException}; other unexpected statuses and I/O
 * failures are {@link TransportException}.
 *
 * <p>Thread-safety: thread-safe (the JDK client is).
 */
public final class HttpTransport implements Transport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final BearerToken token;
  private final HttpClient client;

  /** Listing pages followed at most (1,000 names each): a server cannot keep a client listing forever. */
  private static final int MAX_PAGES = 100_000;
  /** The largest JSON answer read (a listing page of 1,000 names is about 100 KB). */
  private static final long JSON_MAX = 8L << 20;
  private final String described;

  public HttpTransport(URI base, BearerToken token) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.token = token;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // never show credentials given in the URL's userinfo
    this.described = this.base.getRawUserInfo() == null ? this.base.toString()
        : this.base.getScheme() + "://" + this.base.getHost() + (this.base.getPort() < 0 ? "" : ":" + this.base.getPort()) + this.base.getRawPath();
  }

  @Override
  public String describe() {
    return described;
  }

  @Override
  public boolean isServingHome() {
    return true;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).header("Authorization", token.header());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String op) {
    try {
      HttpResponse<T> r = client.send(request, handler);
      if (r.statusCode() == 401) {
        throw new UnauthorizedException(describe());
      }
      return r;
    } catch (IOException e) {
      throw new TransportException(describe(), op, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(describe(), op, e);
    }
  }

  private static String artifactPath(ArtifactName name) {
    return "/v1/artifacts/" + name.path();
  }

  private TransportException unexpected(String op, HttpResponse<?> r) {
    return new TransportException(describe(), op, r.statusCode(), new IOException("HTTP " + r.statusCode() + " " + body(r)));
  }

  private static String body(HttpResponse<?> r) {
    Object b = r.body();
    if (b instanceof byte[] bytes) {
      return new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
    }
    return b == null ? "" : b.toString();
  }

  @Override
  public List<Origin> origins() {
    List<Origin> out = new ArrayList<>();
    for (JsonNode o : getJson("/v1/origins", "list origins").path("origins")) {
      out.add(Origin.parse(o.asText()));
    }
    return out;
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    List<ArtifactInfo> out = new ArrayList<>();
    String cursor = after == null ? null : after.fileName();
    for (int pages = 0; ; pages++) {
      if (pages >= MAX_PAGES) {
        throw new TransportException(describe(), "list " + origin + "/" + kind.folder(), new IOException("more than " + MAX_PAGES + " pages; refusing to list forever"));
      }
      String q = cursor == null ? "" : "?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      String op = "list " + origin + "/" + kind.folder();
      JsonNode page = getJson("/v1/list/" + origin.value() + "/" + kind.listingName() + q, op);
      for (JsonNode item : page.path("items")) {
        JsonNode modified = item.path("modified");
        out.add(new ArtifactInfo(ArtifactName.parseFile(origin, kind, item.path("name").asText()), item.path("bytes").asLong(),
            modified.isIntegralNumber() ? Instant.ofEpochMilli(modified.asLong()) : null));
      }
      if (page.path("next").isNull() || page.path("next").isMissingNode()) {
        return out;
      }
      String next = page.path("next").asText();
      if (cursor != null && next.compareTo(cursor) <= 0 || out.isEmpty() || !next.equals(out.get(out.size() - 1).name().fileName())) {
        throw new TransportException(describe(), "list " + origin + "/" + kind.folder(), new IOException("the listing cursor did not advance past "
            + (cursor == null ? "the start" : cursor) + " (next " + next + "); refusing to list forever"));
      }
      cursor = next;
    }
  }

  @Override
  public Optional<ArtifactInfo> head(ArtifactName name) {
    HttpResponse<Void> r = send(request(artifactPath(name)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding(), "head " + name);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw unexpected("head " + name, r);
    }
    return Optional.of(new ArtifactInfo(name, r.headers().firstValueAsLong("Content-Length").orElse(-1)));
  }

  @Override
  public byte[] get(ArtifactName name) {
    return read(artifactPath(name), MAX_ARTIFACT_BYTES, "get " + name).orElseThrow(() -> new ArtifactNotFoundException(describe(), name));
  }

  /** GETs a JSON answer (at most {@link #JSON_MAX} bytes); a 404 means the other end is not a cairn serve. */
  private JsonNode getJson(String path, String op) {
    byte[] body = read(path, JSON_MAX, op)
        .orElseThrow(() -> new TransportException(describe(), op, 404, new IOException("HTTP 404: not a cairn serve endpoint")));
    return readJson(body, op);
  }

  /** GETs {@code path} streaming, capped at {@code max} bytes; empty on 404. */
  private Optional<byte[]> read(String path, long max, String op) {
    HttpResponse<java.io.InputStream> r = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream(), op);
    try (java.io.InputStream in = r.body()) {
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        byte[] head = in.readNBytes(300);
        throw new TransportException(describe(), op, r.statusCode(),
            new IOException("HTTP " + r.statusCode() + " " + new String(head, StandardCharsets.UTF_8)));
      }
      long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (length > max) {
        throw new TransportException(describe(), op, new IOException("the server sends " + length + " bytes, over the limit of " + max));
      }
      byte[] bytes = in.readNBytes((int) max + 1);
      if (bytes.length > max) {
        throw new TransportException(describe(), op, new IOException("the server sends more than the limit of " + max + " bytes"));
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new TransportException(describe(), op, e);
    }
  }

  @Override
  public Optional<byte[]> marker() {
    return read("/v1/marker", 16 * 1024, "get the target marker");
  }

  @Override
  public PutResult putMarker(byte[] bytes) {
    HttpResponse<byte[]> r = send(request("/v1/marker").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
        HttpResponse.BodyHandlers.ofByteArray(), "put the target marker");
    return switch (r.statusCode()) {
      case 201 -> PutResult.CREATED;
      case 200 -> PutResult.ALREADY_PRESENT;
      case 409 -> throw new ArtifactConflictException(describe(), dev.cairn.exchange.crypt.TargetMarker.FILE);
      default -> throw unexpected("put the target marker", r);
    };
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    if (bytes.length > MAX_ARTIFACT_BYTES) {
      throw new TransportException(describe(), "put " + name, new IOException(bytes.length + " bytes is over the artifact limit of " + MAX_ARTIFACT_BYTES));
    }
    // No Expect: 100-continue: the JDK 17 client waits forever when a server answers it with a final
    // status (401, 413) instead of 100. Artifacts are small; a server refusing one closes the connection.
    HttpResponse<byte[]> r = send(request(artifactPath(name)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
        HttpResponse.BodyHandlers.ofByteArray(), "put " + name);
    return switch (r.statusCode()) {
      case 201 -> PutResult.CREATED;
      case 200 -> PutResult.ALREADY_PRESENT;
      case 409 -> throw new ArtifactConflictException(describe(), name);
      default -> throw unexpected("put " + name, r);
    };
  }

  @Override
  public void delete(ArtifactName name) {
    HttpResponse<byte[]> r = send(request(artifactPath(name)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray(), "delete " + name);
    if (r.statusCode() != 204 && r.statusCode() != 404) {
      throw unexpected("delete " + name, r);
    }
  }

  @Override
  public boolean moveAside(ArtifactName name, String reason) {
    return false; // a peer verifies everything it accepts; it keeps its own store clean
  }

  private JsonNode readJson(byte[] body, String op) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new TransportException(describe(), op, e);
    }
  }

  /** The peer refused the bearer token. */
  public static final class UnauthorizedException extends CairnException implements ClassifiedFailure {
    UnauthorizedException(String where) {
      super(where + ": 401 unauthorized: wrong or missing token (pass --token, set CAIRN_TOKEN, or store it with the target)");
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }

    @Override
    public FailureKind failureKind() {
      return FailureKind.PAUSE; // a token does not fix itself
    }
  }
}
