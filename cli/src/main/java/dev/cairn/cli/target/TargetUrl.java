package dev.cairn.cli.target;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.exchange.s3.S3Location;
import dev.cairn.exchange.transport.TargetId;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a TARGET argument or a target's {@code url} in config.toml names, parsed once: a folder
 * ({@code folder:PATH} or a plain path), a peer running {@code cairn serve} ({@code
 * http(s)://HOST:PORT}) or an S3 location ({@code s3://BUCKET/PREFIX}). Other schemes are refused
 * with the list of supported ones. Parsing never touches the file system or the network.
 * Whether a target is encrypted is a property of the named target ({@link TargetSpec}), not of
 * its place: the same folder has one {@link #id()} either way. Immutable.
 */
public sealed interface TargetUrl permits TargetUrl.Folder, TargetUrl.Http, TargetUrl.S3 {
  /** The identity: the key of the target log and dead letters. */
  TargetId id();

  /** As written in config.toml and shown by 'target list'. */
  String text();

  /** A folder: a synced folder, a share, a USB stick. */
  record Folder(Path path) implements TargetUrl {
    public Folder {
      path = path.toAbsolutePath().normalize();
    }

    @Override
    public TargetId id() {
      return new TargetId("folder:" + path);
    }

    @Override
    public String text() {
      return "folder:" + path;
    }
  }

  /** A peer running {@code cairn serve}; {@code uri} has no trailing slash. */
  record Http(URI uri) implements TargetUrl {
    @Override
    public TargetId id() {
      // credentials in the userinfo are never part of an identity (nor shown)
      return new TargetId(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    @Override
    public String text() {
      return uri.toString();
    }
  }

  /** A bucket and prefix on an S3-compatible store (the endpoint comes from the settings). */
  record S3(S3Location location) implements TargetUrl {
    @Override
    public TargetId id() {
      return new TargetId(location.toString());
    }

    @Override
    public String text() {
      return location.toString();
    }
  }

  /** Parses {@code text}; a {@link BadInputException} naming {@code what} says what was expected. */
  static TargetUrl parse(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new BadInputException(what, 0, "expected folder:PATH, http(s)://HOST:PORT, s3://BUCKET/PREFIX or a path, found nothing");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      return new S3(S3Location.parse(text));
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        URI uri = URI.create(text);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("no host");
        }
        String s = uri.toString();
        return new Http(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(what, 0, "expected a URL like http://host:7465, found '" + text + "'");
      }
    }
    int scheme = text.indexOf("://");
    if (scheme > 0) {
      throw new BadInputException(what, 0, "expected folder:PATH, http(s)://HOST:PORT, s3://BUCKET/PREFIX or a path (supported: folder, http, https, s3), found scheme '"
          + text.substring(0, scheme) + "'");
    }
    String path = lower.startsWith("folder:") ? text.substring("folder:".length()) : text;
    if (path.isBlank()) {
      throw new BadInputException(what, 0, "expected a folder path after 'folder:', found nothing");
    }
    return new Folder(Path.of(path));
  }

  static TargetUrl parse(String text) {
    return parse(text, "TARGET");
  }
}
