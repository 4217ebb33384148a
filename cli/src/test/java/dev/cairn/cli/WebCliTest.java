package dev.cairn.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.command.Context;
import dev.cairn.cli.output.Json;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'cairn serve' serves the web UI on its port; 'cairn open --print' mints a login; a star from the page is the CLI's star. */
class WebCliTest {
  @TempDir Path dir;

  @Test
  void theDemoEndsWithTheLaptopsArchiveInTheBrowser() throws Exception {
    StringWriter out = new StringWriter();
    Thread demo = new Thread(() -> Main.run(new String[] {"--home", dir.resolve("unused").toString(), "demo"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false)));
    demo.start();
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> out.toString().contains("web UI: "));
      Matcher link = Pattern.compile("web UI: (http://127\\.0\\.0\\.1:\\d+)(/login\\?t=\\S+)").matcher(out.toString());
      assertTrue(link.find(), out.toString());
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(link.group(1) + link.group(2))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(303, login.statusCode());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String sessions = http.send(HttpRequest.newBuilder(URI.create(link.group(1) + "/")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(sessions.contains("demo-laptop") && sessions.contains("demo-desk"), "both machines' sessions: " + sessions);
    } finally {
      demo.interrupt();
      demo.join(30_000);
    }
  }

  @Test
  void aStarFromThePageIsWhatTheCliSees() throws Exception {
    Path home = dir.resolve("h");
    assertEquals(0, Cli.run(home, "init", "--origin", "home-aaaaaa").code());
    assertEquals(0, Cli.runWithInput(home, "{\"type\":\"session.recorded\",\"session\":\"home-aaaaaa~s1\",\"agent\":\"claude-code\","
        + "\"source\":\"/x\",\"title\":\"the page test\"}\n", "import", "events", "-").code());
    Cli.Result notYet = Cli.run(home, "open", "--print");
    assertEquals(4, notYet.code(), notYet.err());
    assertTrue(notYet.err().contains("cairn serve"), notYet.err());

    StringWriter serverOut = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", home.toString(), "serve", "--port", "0"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("web UI: "));
      Cli.Result open = Cli.run(home, "open", "--print");
      assertEquals(0, open.code(), open.err());
      String link = open.line();
      assertTrue(link.matches("http://127\\.0\\.0\\.1:\\d+/login\\?t=[A-Za-z0-9_-]{43}"), link);
      String base = link.substring(0, link.indexOf("/login"));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(303, login.statusCode());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String page = http.send(HttpRequest.newBuilder(URI.create(base + "/s/home-aaaaaa~s1")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
      assertTrue(csrf.find(), page);
      HttpResponse<String> star = http.send(HttpRequest.newBuilder(URI.create(base + "/s/home-aaaaaa~s1/star")).header("Cookie", cookie)
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf.group(1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(303, star.statusCode(), star.body());
      var starred = Cli.json(home, "sessions", "--starred");
      assertEquals(1, starred.size(), starred.toString());
      assertEquals("home-aaaaaa~s1", starred.get(0).get("session").asText());
      String peers = http.send(HttpRequest.newBuilder(URI.create(base + "/peers")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(peers.contains("home-aaaaaa") && peers.contains("this machine"), peers);
      assertEquals(0, Cli.run(home, "target", "add", "nas", "folder:" + dir.resolve("nas")).code());
      String sync = http.send(HttpRequest.newBuilder(URI.create(base + "/sync")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(sync.contains("folder:" + dir.resolve("nas")), "a target added while the service runs: " + sync);
      var tail = Cli.run(home, "tail", "--json").out().strip().split("\n");
      assertTrue(tail[tail.length - 1].contains("\"type\":\"session.starred\""), "the page appended the star event: " + tail[tail.length - 1]);
    } finally {
      server.interrupt();
      server.join(10_000);
    }
  }

  @Test
  void keepingTheLosingValueOfAConflictFromThePageWinsOnEveryMachine() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    String shared = "folder:" + java.nio.file.Files.createDirectories(dir.resolve("shared"));
    assertEquals(0, Cli.run(a, "init", "--origin", "alpha-aaaaaa").code());
    assertEquals(0, Cli.run(b, "init", "--origin", "bravo-bbbbbb").code());
    assertEquals(0, Cli.runWithInput(a, "{\"type\":\"session.recorded\",\"session\":\"alpha-aaaaaa~s1\",\"agent\":\"claude-code\","
        + "\"source\":\"/x\",\"title\":\"first\"}\n", "import", "events", "-").code());
    assertEquals(0, Cli.run(a, "sync", shared).code());
    assertEquals(0, Cli.run(b, "sync", shared).code());
    assertEquals(0, Cli.run(a, "rename", "alpha-aaaaaa~s1", "Named on A").code());
    assertEquals(0, Cli.run(b, "rename", "alpha-aaaaaa~s1", "Named on B").code());
    for (Path h : new Path[] {a, b, a}) {
      assertEquals(0, Cli.run(h, "sync", shared).code());
    }
    var conflict = Cli.json(a, "conflicts").get(0);
    String winner = conflict.get("winner_value").asText();
    String loser = Json.MAPPER.writeValueAsString(conflict.get("loser_value")); // the form takes the value as JSON

    StringWriter serverOut = new StringWriter();
    Thread server = new Thread(() -> Main.run(new String[] {"--home", a.toString(), "serve", "--port", "0", "--no-sync", "--no-import"},
        new Context(Map.of(), InputStream.nullInputStream(), new PrintWriter(serverOut, true), new PrintWriter(new StringWriter(), true), false)));
    server.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> serverOut.toString().contains("web UI: "));
      String link = Cli.run(a, "open", "--print").line();
      String base = link.substring(0, link.indexOf("/login"));
      HttpClient http = HttpClient.newHttpClient();
      String cookie = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString())
          .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String page = http.send(HttpRequest.newBuilder(URI.create(base + "/s/alpha-aaaaaa~s1")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(page.contains("Keep this"), page);
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
      assertTrue(csrf.find());
      String form = "csrf=" + csrf.group(1) + "&register=display_title&value=" + java.net.URLEncoder.encode(loser, java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<String> keep = http.send(HttpRequest.newBuilder(URI.create(base + "/s/alpha-aaaaaa~s1/keep")).header("Cookie", cookie)
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(303, keep.statusCode(), keep.body());
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    for (Path h : new Path[] {a, b}) {
      assertEquals(0, Cli.run(h, "sync", shared).code());
    }
    String kept = Json.MAPPER.readTree(loser).asText();
    assertEquals(kept, Cli.json(a, "sessions").get(0).get("title").asText(), "not " + winner);
    assertEquals(kept, Cli.json(b, "sessions").get(0).get("title").asText());
    assertEquals(Cli.run(a, "digest").line(), Cli.run(b, "digest").line());
  }
}
