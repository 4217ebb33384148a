package dev.cairn.cli.home;

import dev.cairn.cli.command.BadInputException;
import dev.cairn.cli.command.Context;
import dev.cairn.exchange.s3.S3Settings;
import java.net.URI;

/**
 * Finds the S3 settings for an {@code s3://} target the way the AWS tools do: the {@code
 * --endpoint} flag, then {@code AWS_ENDPOINT_URL}, {@code AWS_REGION} (or {@code
 * AWS_DEFAULT_REGION}), {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, then the {@code [s3]}
 * table of secrets.toml; region defaults to us-east-1. Part of the composition root: only here
 * are these variables read. Stateless.
 */
final class S3Config {
  private S3Config() {}

  static S3Settings resolve(Context ctx, Home home, String endpointFlag) {
    Secrets secrets = Secrets.read(home);
    String endpoint = first(endpointFlag, ctx.env("AWS_ENDPOINT_URL"), secrets.s3("endpoint").orElse(null));
    String region = first(ctx.env("AWS_REGION"), ctx.env("AWS_DEFAULT_REGION"), secrets.s3("region").orElse("us-east-1"));
    String access = first(ctx.env("AWS_ACCESS_KEY_ID"), secrets.s3("access_key_id").orElse(null), null);
    String secret = first(ctx.env("AWS_SECRET_ACCESS_KEY"), secrets.s3("secret_access_key").orElse(null), null);
    URI uri = null;
    if (endpoint != null) {
      try {
        uri = URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--endpoint", 0, "expected a URL like http://127.0.0.1:9000, found '" + endpoint + "'");
      }
    }
    return new S3Settings(uri, region, access, secret);
  }

  private static String first(String a, String b, String c) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
  }
}
