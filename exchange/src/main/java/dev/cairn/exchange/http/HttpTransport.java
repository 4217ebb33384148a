package dev.cairn.exchange.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.exchange.artifact.ArtifactKind;
import dev.cairn.exchange.artifact.ArtifactName;
import dev.cairn.exchange.transport.ArtifactConflictException;
import dev.cairn.exchange.transport.ArtifactInfo;
import dev.cairn.exchange.transport.ArtifactNotFoundException;
import dev.cairn.exchange.transport.PutResult;
import dev.cairn.exchange.transport.Transport;
import dev.cairn.exchange.transport.TransportException;
import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.Origin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  public HttpTransport(URI base, BearerToken token) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.token = token;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public String describe() {
    return base.toString();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).header("Authorization", token.header());
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
    return new TransportException(describe(), op, r.statusCode(), null, new IOException("HTTP " + r.statusCode() + " " + body(r)));
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
    HttpResponse<byte[]> r = send(request("/v1/origins").GET().build(), HttpResponse.BodyHandlers.ofByteArray(), "list origins");
    if (r.statusCode() != 200) {
      throw unexpected("list origins", r);
    }
    List<Origin> out = new ArrayList<>();
    for (JsonNode o : readJson(r.body(), "list origins").path("origins")) {
      out.add(Origin.parse(o.asText()));
    }
    return out;
  }

  @Override
  public List<ArtifactInfo> list(Origin origin, ArtifactKind kind, ArtifactName after) {
    List<ArtifactInfo> out = new ArrayList<>();
    String cursor = after == null ? null : after.fileName();
    while (true) {
      String q = cursor == null ? "" : "?after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      HttpResponse<byte[]> r = send(request("/v1/list/" + origin.value() + "/" + kind.listingName() + q).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray(), "list " + origin + "/" + kind.folder());
      if (r.statusCode() != 200) {
        throw unexpected("list " + origin + "/" + kind.folder(), r);
      }
      JsonNode page = readJson(r.body(), "list");
      for (JsonNode item : page.path("items")) {
        JsonNode modified = item.path("modified");
        out.add(new ArtifactInfo(ArtifactName.parseFile(origin, kind, item.path("name").asText()), item.path("bytes").asLong(),
            modified.isIntegralNumber() ? Instant.ofEpochMilli(modified.asLong()) : null));
      }
      if (page.path("next").isNull() || page.path("next").isMissingNode()) {
        return out;
      }
      cursor = page.path("next").asText();
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
    HttpResponse<byte[]> r = send(request(artifactPath(name)).GET().build(), HttpResponse.BodyHandlers.ofByteArray(), "get " + name);
    if (r.statusCode() == 404) {
      throw new ArtifactNotFoundException(describe(), name);
    }
    if (r.statusCode() != 200) {
      throw unexpected("get " + name, r);
    }
    return r.body();
  }

  @Override
  public PutResult putIfAbsent(ArtifactName name, byte[] bytes) {
    // Expect: 100-continue: a body the peer refuses (413, 401) is not sent at all
    HttpResponse<byte[]> r = send(request(artifactPath(name)).expectContinue(true).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
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
  public static final class UnauthorizedException extends CairnException {
    UnauthorizedException(String where) {
      super(where + ": 401 unauthorized: wrong or missing token (pass --token, set CAIRN_TOKEN, or store it with the target)");
    }

    @Override
    public Kind kind() {
      return Kind.STATE;
    }
  }
}
