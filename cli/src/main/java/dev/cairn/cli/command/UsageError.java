package dev.cairn.cli.command;

import java.util.List;
import picocli.CommandLine;

/**
 * One line for a command line cairn cannot parse, in the user's terms: what they typed, what the
 * command takes, and the closest verb or option when one is near ("did you mean"), never the
 * parser's own vocabulary ("Unmatched argument at index 0"). Stateless.
 */
public final class UsageError {
  private UsageError() {}

  public static String describe(CommandLine.ParameterException e) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String typed = u.getUnmatched().get(0);
      List<String> suggestions = u.getSuggestions();
      String near = suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?";
      if (typed.startsWith("-")) {
        return "unknown option '" + typed + "' for '" + command + "'" + near;
      }
      if (!e.getCommandLine().getSubcommands().isEmpty()) {
        return "'" + typed + "' is not a verb of " + command + near;
      }
      return "unexpected argument '" + typed + "' for '" + command + "'" + (u.getUnmatched().size() > 1 ? " (and "
          + (u.getUnmatched().size() - 1) + " more)" : "") + near;
    }
    return lowerFirst(e.getMessage()) + " ('" + command + "')";
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
