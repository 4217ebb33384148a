package dev.cairn.cli.home;

import dev.cairn.cli.command.Context;
import picocli.CommandLine.Option;

/**
 * The options that say how to reach a target, shared by every verb that takes one (sync,
 * reconcile, gc) as a picocli mixin: {@code --token} for an http(s) peer and {@code --endpoint}
 * for an S3-compatible store. Mutable only while picocli parses.
 */
public final class TargetAccess {
  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token for an http(s) peer (default: $CAIRN_TOKEN, else the one stored with the target).")
  String token;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "S3-compatible endpoint for s3:// targets (default: $AWS_ENDPOINT_URL, or secrets.toml).")
  String endpoint;

  public TargetResolver resolver(Context ctx, Home home) {
    return new TargetResolver(ctx, home, token, endpoint);
  }
}
