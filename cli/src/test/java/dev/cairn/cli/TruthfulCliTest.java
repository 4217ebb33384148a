package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: what the CLI says is what happened, in the user's terms, with consistent exit codes. */
class TruthfulCliTest {
  @TempDir Path dir;

  @Test
  void aMistypedVerbOrOptionIsNamedWithTheClosestOne() {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    Cli.Result verb = Cli.run(home, "sessionz");
    assertEquals(2, verb.code());
    assertTrue(verb.err().contains("'sessionz' is not a verb of cairn; did you mean 'sessions'?"), verb.err());
    assertFalse(verb.err().contains("index"), "no parser vocabulary: " + verb.err());
    Cli.Result option = Cli.run(home, "sessions", "--limt", "5");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("unknown option '--limt' for 'cairn sessions'; did you mean '--limit'?"), option.err());
    Cli.Result argument = Cli.run(home, "status", "extra");
    assertEquals(2, argument.code());
    assertTrue(argument.err().contains("unexpected argument 'extra' for 'cairn status'"), argument.err());
  }

  @Test
  void aFolderTargetThatDoesNotExistIsAnErrorUnlessCreateIsSaid() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    assertEquals(0, Cli.runWithInput(home, CliTest.LOCAL, "import", "events", "-").code());
    Path typo = dir.resolve("shraed");
    Cli.Result r = Cli.run(home, "sync", "folder:" + typo);
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("no such folder: " + typo + "; create it or use --create"), r.err());
    assertFalse(Files.exists(typo), "nothing was created");
    assertEquals(0, Cli.run(home, "sync", "folder:" + typo, "--create", "--dry-run").code(), "a dry run with --create says what it would do");
    assertFalse(Files.exists(typo), "a dry run creates nothing");
    assertEquals(0, Cli.run(home, "sync", "folder:" + typo, "--create").code());
    assertTrue(Files.isDirectory(typo.resolve("lap-000001/segments")), "the first write made it");
    assertEquals(0, Cli.run(home, "sync", "folder:" + typo).code(), "it exists now");
  }

  @Test
  void theListShowsTheShortestReferenceThatTellsEachSessionApartAndItNamesThatSession() throws Exception {
    Path home = dir.resolve("home");
    assertEquals(0, Cli.run(home, "init", "--origin", "lap-000001").code());
    String[] ids = {"0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11", "0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e22", "7f00aa11-0000-4000-8000-000000000001"};
    StringBuilder events = new StringBuilder();
    for (String id : ids) {
      events.append("{\"type\":\"session.recorded\",\"session\":\"lap-000001~").append(id)
          .append("\",\"agent\":\"claude-code\",\"source\":\"/x\",\"title\":\"t ").append(id, 0, 4).append("\"}\n");
    }
    assertEquals(0, Cli.runWithInput(home, events.toString(), "import", "events", "-").code());
    String list = Cli.run(home, "sessions").out();
    // the two that share 34 characters need 35 to tell apart; the third needs only the 8 a list always shows
    assertTrue(list.contains("0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e1 "), list);
    assertTrue(list.contains("0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e2 "), list);
    assertTrue(list.contains("7f00aa11 "), list);
    assertFalse(list.contains("\u2026"), "nothing is cut: " + list);
    for (String ref : new String[] {"0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e1", "0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e2", "7f00aa11"}) {
      Cli.Result shown = Cli.run(home, "show", ref);
      assertEquals(0, shown.code(), ref + ": " + shown.err());
    }
  }

  private Path home(String name, String origin) {
    Path h = dir.resolve(name);
    assertEquals(0, Cli.run(h, "init", "--origin", origin).code());
    String events = "{\"type\":\"session.recorded\",\"session\":\"" + origin + "~s\",\"agent\":\"claude-code\",\"source\":\"/x\","
        + "\"title\":\"" + name + "\"}\n";
    assertEquals(0, Cli.runWithInput(h, events, "import", "events", "-").code());
    return h;
  }

  @Test
  void pullFromTakesOnlyTheNamedMachinesAndALaterSyncBringsTheRest() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    Path c = home("c", "charlie-cccccc");
    String shared = "folder:" + Files.createDirectories(dir.resolve("shared"));
    var pushedA = Cli.json(a, "push", shared);
    assertEquals(2, pushedA.get("pushed").asLong(), "a segment and a checkpoint: " + pushedA);
    assertEquals(0, pushedA.get("pulled").asLong());
    assertEquals(0, Cli.json(b, "push", shared).get("pulled").asLong(), "a push pulls nothing, though alpha is there");
    assertEquals(1, Cli.json(b, "sessions").size());
    var pulled = Cli.json(c, "pull", shared, "--from", "alpha-aaaaaa");
    assertEquals(0, pulled.get("pushed").asLong(), "a pull pushes nothing: " + pulled);
    assertEquals(0, pulled.get("sealed_events").asLong());
    var titles = new java.util.TreeSet<String>();
    Cli.json(c, "sessions").forEach(s -> titles.add(s.get("title").asText()));
    assertEquals(java.util.Set.of("a", "c"), titles, "alpha's session only, beside charlie's own");
    assertEquals(0, Cli.run(c, "sync", shared).code());
    titles.clear();
    Cli.json(c, "sessions").forEach(s -> titles.add(s.get("title").asText()));
    assertEquals(java.util.Set.of("a", "b", "c"), titles);
    Cli.Result bad = Cli.run(c, "pull", shared, "--from", "Not An Origin");
    assertEquals(3, bad.code(), bad.err());
  }

  @Test
  void aDryRunCountsWhatTheRealRunMoves() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    String shared = "folder:" + Files.createDirectories(dir.resolve("shared"));
    var dry = Cli.json(a, "sync", shared, "--dry-run");
    var real = Cli.json(a, "sync", shared);
    assertEquals(real.get("pushed").asLong(), dry.get("pushed").asLong(), "dry " + dry + " real " + real);
    assertEquals(real.get("sealed_segments").asLong(), dry.get("sealed_segments").asLong());
    assertEquals(real.get("sealed_events").asLong(), dry.get("sealed_events").asLong());
    assertTrue(dry.get("pushed").asLong() > 0);
    Cli.runWithInput(a, "{\"type\":\"session.recorded\",\"session\":\"alpha-aaaaaa~t\",\"agent\":\"claude-code\",\"source\":\"/x\"}\n",
        "import", "events", "-");
    var dry2 = Cli.json(a, "push", shared, "--dry-run");
    var real2 = Cli.json(a, "push", shared);
    assertEquals(real2.get("pushed").asLong(), dry2.get("pushed").asLong(), "dry " + dry2 + " real " + real2);
  }

  /** Runs a verb with a terminal on the other end (or not): returns what went to stderr. */
  private static String stderr(Path home, boolean terminal, String... args) {
    java.io.StringWriter err = new java.io.StringWriter();
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--home", home.toString()));
    all.addAll(java.util.List.of(args));
    int code = Main.run(all.toArray(String[]::new), new dev.cairn.cli.command.Context(java.util.Map.of(), java.io.InputStream.nullInputStream(),
        new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), terminal));
    assertEquals(0, code, String.join(" ", args) + ": " + err);
    return err.toString();
  }

  @Test
  void longVerbsDrawAProgressBarOnATerminalAndNothingElsewhere() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    String shared = "folder:" + Files.createDirectories(dir.resolve("shared"));
    for (String[] verb : new String[][] {{"sync", shared}, {"push", shared}, {"pull", shared}, {"reconcile", shared}, {"gc", "--dry-run"},
        {"verify"}, {"rebuild"}}) {
      String drawn = stderr(a, true, verb);
      assertTrue(drawn.contains("[") && drawn.contains("#") && drawn.contains("\r"), String.join(" ", verb) + " drew no bar: " + drawn);
      String piped = stderr(a, false, verb);
      assertFalse(piped.contains("\r"), String.join(" ", verb) + " drew on a pipe: " + piped);
    }
  }

  @Test
  void aSyncThatRefusedSomethingIsAPartialSyncNotAFreshOne() throws Exception {
    Path a = home("a", "alpha-aaaaaa");
    Path b = home("b", "bravo-bbbbbb");
    Path shared = Files.createDirectories(dir.resolve("shared"));
    assertEquals(0, Cli.run(a, "sync", shared.toString()).code());
    try (var files = Files.walk(shared.resolve("alpha-aaaaaa/segments"))) {
      Path segment = files.filter(p -> p.toString().endsWith(".zst")).findFirst().orElseThrow();
      byte[] bytes = Files.readAllBytes(segment);
      bytes[bytes.length / 2] ^= 0x10;
      Files.write(segment, bytes);
    }
    Cli.Result partial = Cli.run(b, "sync", shared.toString());
    assertEquals(5, partial.code(), partial.out() + partial.err());
    var t = Cli.json(b, "status").get("targets").get("folder:" + shared);
    assertEquals("partial sync", t.get("staleness").asText(), t.toString());
    assertTrue(t.get("last_error").asText().startsWith("partial sync:"), t.toString());
    assertTrue(Cli.run(b, "status").out().contains("partial sync"));
  }
}
