package dev.cairn.cli;

import dev.cairn.exchange.transport.FolderTransport;
import dev.cairn.exchange.transport.Transport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a target argument into a transport: {@code folder:PATH}, or a plain path (absolute or
 * relative). Other schemes are refused with the list of supported ones. Stateless.
 */
final class Targets {
  private Targets() {}

  static Transport open(String target) {
    if (target == null || target.isBlank()) {
      throw new BadInputException("TARGET", 0, "expected folder:PATH or a path, found nothing");
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("folder:")) {
      return folder(target.substring("folder:".length()));
    }
    int colon = target.indexOf("://");
    if (colon > 0) {
      throw new BadInputException("TARGET", 0, "expected folder:PATH or a path (supported: folder), found scheme '"
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
