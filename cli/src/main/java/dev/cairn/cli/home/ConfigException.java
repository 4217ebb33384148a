package dev.cairn.cli.home;

import dev.cairn.ledger.CairnException;
import java.nio.file.Path;

/** config.toml cannot be read or holds an invalid value; names the file and the key. */
public final class ConfigException extends CairnException {
  public ConfigException(Path file, String problem) {
    super(file + ": " + problem);
  }

  @Override
  public Kind kind() {
    return Kind.BAD_INPUT;
  }
}
