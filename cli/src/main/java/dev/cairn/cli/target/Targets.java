package dev.cairn.cli.target;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.exchange.http.BearerToken;
import dev.cairn.exchange.http.HttpTransport;
import dev.cairn.exchange.s3.S3Location;
import dev.cairn.exchange.s3.S3Settings;
import dev.cairn.exchange.s3.S3Transport;
import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a target argument into a transport: {@code folder:PATH}, a plain path (absolute or
 * relative), or {@code http(s)://HOST:PORT} (a peer running {@code cairn serve}, with a bearer
 * token). Other schemes are refused with the list of supported ones. Stateless.
 */
public final class Targets {
  private Targets() {}

  /**
   * @param token the bearer token for http(s) targets (from --token or CAIRN_TOKEN), or null
   */
  /** Checks the shape of a target URL without connecting (folder path, http(s) URL, s3 location). */
  public static void check(String target) {
    describe(target);
  }

  /** How a target shows in status and in the target log ({@link Transport#describe()}), without opening it. */
  public static String describe(String target) {
    if (target == null || target.isBlank()) {
      throw new BadInputException("URL", 0, "expected folder:PATH, http(s)://HOST:PORT, s3://BUCKET/PREFIX or a path, found nothing");
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      return S3Location.parse(target).toString();
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        URI uri = URI.create(target);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("no host");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      } catch (IllegalArgumentException e) {
        throw new BadInputException("URL", 0, "expected a URL like http://host:7465, found '" + target + "'");
      }
    }
    if (target.indexOf("://") > 0) {
      throw new BadInputException("URL", 0, "expected folder:, http(s):// or s3:// (or a path), found scheme '"
          + target.substring(0, target.indexOf("://")) + "'");
    }
    return new FolderTransport(Path.of(lower.startsWith("folder:") ? target.substring("folder:".length()) : target)).describe();
  }

  static Transport open(String target, String token) {
    return open(target, token, null);
  }

  /**
   * @param s3 how to reach an S3-compatible store, for s3:// targets (null: none configured)
   */
  static Transport open(String target, String token, S3Settings s3) {
    if (target == null || target.isBlank()) {
      throw new BadInputException("TARGET", 0, "expected folder:PATH, http(s)://HOST:PORT or a path, found nothing");
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("folder:")) {
      return folder(target.substring("folder:".length()));
    }
    if (lower.startsWith("s3://")) {
      S3Location location = S3Location.parse(target);
      if (s3 == null || s3.accessKey() == null || s3.secretKey() == null) {
        throw new BadInputException("TARGET", 0, "expected S3 credentials for " + target
            + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or [s3] in secrets.toml), found none");
      }
      return new S3Transport(s3.client(), location);
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (token == null || token.isBlank()) {
        throw new BadInputException("TARGET", 0, "expected a token for " + target
            + " (--token, or CAIRN_TOKEN; it is in the peer's keys/serve.token), found none");
      }
      try {
        return new HttpTransport(URI.create(target), BearerToken.of(token));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("TARGET", 0, "expected a URL like http://host:7465, found '" + target + "'");
      }
    }
    int colon = target.indexOf("://");
    if (colon > 0) {
      throw new BadInputException("TARGET", 0, "expected folder:PATH, http(s)://HOST:PORT or a path (supported: folder, http, https, s3), found scheme '"
          + target.substring(0, colon) + "'");
    }
    return folder(target);
  }

  private static Transport folder(String path) {
    if (path.isBlank()) {
      throw new BadInputException("TARGET", 0, "expected a folder path after 'folder:', found nothing");
    }
    return new FolderTransport(Path.of(path));
  }
}
