package dev.cairn.cli;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.output.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real command line in-process against a home; captures exit code, stdout and stderr. */
final class Cli {
  record Result(int code, String out, String err) {
    String line() {
      return out.strip();
    }
  }

  private Cli() {}

  /** Runs a verb with {@code --json} (added if missing), asserts exit 0 and parses the output. */
  static com.fasterxml.jackson.databind.JsonNode json(Path home, String... args) throws Exception {
    if (!List.of(args).contains("--json")) {
      args = java.util.Arrays.copyOf(args, args.length + 1);
      args[args.length - 1] = "--json";
    }
    Result r = run(home, args);
    org.junit.jupiter.api.Assertions.assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    return Json.MAPPER.readTree(r.out());
  }

  static Result run(Path home, String... args) {
    return runWithInput(home, "", args);
  }

  static Result runWithInput(Path home, String stdin, String... args) {
    return runWithInput(home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static Result runWithInput(Path home, InputStream stdin, String... args) {
    return runWithEnv(home, Map.of(), stdin, args);
  }

  /** Runs with these environment variables (the composition root reads only what the Context holds). */
  static Result runWithEnv(Path home, Map<String, String> env, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new Context(env, stdin, new PrintWriter(out, true), new PrintWriter(err, true), false));
    return new Result(code, out.toString(), err.toString());
  }
}
