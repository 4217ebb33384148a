package dev.cairn.cli.home;

import dev.cairn.cli.command.Context;
import picocli.CommandLine.Option;

/**
 * The options that say how to reach a target, shared by every verb that takes one (sync,
 * reconcile, gc) as a picocli mixin: {@code --token} for an http(s) peer, {@code --endpoint}
 * for an S3-compatible store, {@code --create} for a folder that does not exist yet. Mutable only
 * while picocli parses.
 */
public final class TargetAccess {
  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token for an http(s) peer (default: $CAIRN_TOKEN, else the one stored with the target).")
  String token;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "S3-compatible endpoint for s3:// targets (default: $AWS_ENDPOINT_URL, or secrets.toml).")
  String endpoint;

  @Option(names = "--create", description = "Create a folder target that does not exist yet (without it a missing folder is an error: a typo"
      + " does not start a new, empty archive).")
  boolean create;

  public TargetResolver resolver(Context ctx, Home home) {
    return new TargetResolver(ctx, home, token, endpoint, create);
  }
}
