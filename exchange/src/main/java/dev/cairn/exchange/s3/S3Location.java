package dev.cairn.exchange.s3;

import dev.cairn.ledger.CairnException;
import java.util.regex.Pattern;

/**
 * Where a home's artifacts live in S3: {@code s3://BUCKET/PREFIX} (prefix optional). Keys are
 * {@code PREFIX/<artifact path>}. Bucket names follow S3's rules (3-63 of [a-z0-9.-]); the
 * prefix is any path of [A-Za-z0-9._/-] without empty or {@code ..} segments. Immutable.
 */
public record S3Location(String bucket, String prefix) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]{0,512}");

  public S3Location {
    if (!BUCKET.matcher(bucket).matches()) {
      throw new S3LocationException("a bucket name of 3-63 characters of [a-z0-9.-]", bucket);
    }
    if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")
        || ("/" + prefix + "/").contains("/../") || ("/" + prefix + "/").contains("/./")) {
      throw new S3LocationException("a prefix of [A-Za-z0-9._/-] without empty, '.' or '..' segments", prefix);
    }
  }

  /** Parses {@code s3://bucket[/prefix]}. */
  public static S3Location parse(String url) {
    if (url == null || !url.startsWith("s3://")) {
      throw new S3LocationException("s3://BUCKET/PREFIX", url);
    }
    String rest = url.substring("s3://".length());
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The key of a path below the prefix. */
  public String key(String path) {
    return prefix.isEmpty() ? path : prefix + "/" + path;
  }

  /** The prefix with a trailing slash, or "" (what listings start from). */
  public String root() {
    return prefix.isEmpty() ? "" : prefix + "/";
  }

  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  /** An unusable S3 URL. */
  public static final class S3LocationException extends CairnException {
    S3LocationException(String expected, String found) {
      super("S3 target: expected " + expected + ", found '" + found + "'");
    }

    @Override
    public Kind kind() {
      return Kind.BAD_INPUT;
    }
  }
}
