package dev.cairn.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.ledger.Ledger;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.Draft;
import dev.cairn.ledger.event.MessageAppended;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRecorded;
import dev.cairn.ledger.event.ToolCall;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI over a real ledger, view and Jetty: no login, no data; a login link works once; pages
 * show what the view holds; a hostile transcript renders as text; foreign hosts, missing form
 * tokens and foreign origins are refused; a page's action reaches the writer.
 */
class WebUiTest {
  private static final Origin ME = new Origin("home-000001");
  private static final SessionId S = SessionId.parse("home-000001~plain");
  private static final SessionId HOSTILE = SessionId.parse("home-000001~hostile");
  private static final String BEARER = "Bearer web-test-bearer-token";
  @TempDir Path dir;
  private Ledger ledger;
  private Views views;
  private Logins logins;
  private Server server;
  private int port;
  private final List<Curation> applied = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger syncs = new java.util.concurrent.atomic.AtomicInteger();
  private final Machines machines = new Machines() {
    @Override
    public List<Peer> peers() {
      return List.of(new Peer("home-000001", true, "SHA256:0123456789abcdef", 31, 51, 52, null, false),
          new Peer("<b>evil</b>-000002", false, "SHA256:fedcba9876543210", 1, 9, 4, "2026-11-30T10:00:00Z", true));
    }

    @Override
    public List<Target> targets() {
      return List.of(new Target("nas", "folder:/mnt/nas", "none", "fresh", "2026-11-30T10:00:00Z", null, null, 0),
          new Target("s3", "s3://vault/cairn", "age passphrase", "very stale", null, "403 Forbidden <script>x</script>", "credentials refused", 2));
    }

    @Override
    public void syncNow() {
      syncs.incrementAndGet();
    }
  };
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    LedgerPaths paths = new LedgerPaths(dir.resolve("ledger"));
    ledger = Ledger.open(paths, ME);
    ledger.appendLocal(new Draft(recorded(S, "Fix the flaky login test")));
    ledger.appendLocal(new Draft(message(S, 0, "user", "Why does **login** fail?", List.of())));
    ledger.appendLocal(new Draft(message(S, 1, "assistant", "Running the tests.",
        List.of(new ToolCall("t1", "Bash", "{\"command\":\"mvn test\"}", "BUILD FAILURE in zanzibarModule", false)))));
    ledger.appendLocal(new Draft(new SessionRecorded(SessionId.parse("home-000001~plain-agent"), "claude-code", "cairn", "Run the flaky test 50 times",
        Instant.parse("2026-11-30T10:05:00Z"), null, "/tmp/y.jsonl", S, "/home/dev/cairn", "main")));
    ledger.appendLocal(new Draft(recorded(HOSTILE, "<script>alert('title')</script>")));
    ledger.appendLocal(new Draft(message(HOSTILE, 0, "user", String.join("\n\n",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "[click me](javascript:alert(3))",
        "<svg onload=alert(4)></svg>",
        "![pic](javascript:alert(5))"), List.of(new ToolCall("t2", "Read", "{}", "<script>alert(6)</script>", false)))));
    ledger.sync();
    views = new Views(paths, dir.resolve("view.db"));
    logins = new Logins(new SecureRandom(), Clock.systemUTC());
    WebUi ui = new WebUi(views, machines, new Curations() {
      @Override
      public boolean apply(Curation change) {
        synchronized (applied) {
          applied.add(change);
        }
        return true;
      }

      @Override
      public void resolve(Curation change) {
        synchronized (applied) {
          applied.add(change);
        }
      }
    }, logins, BEARER::equals);
    server = new Server();
    ServerConnector c = new ServerConnector(server);
    c.setHost("127.0.0.1");
    c.setPort(0);
    server.addConnector(c);
    server.setHandler(ui);
    server.start();
    port = c.getLocalPort();
    ui.allowHosts(Set.of("127.0.0.1:" + port, "localhost:" + port));
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    views.close();
    ledger.close();
  }

  private static SessionRecorded recorded(SessionId id, String title) {
    return new SessionRecorded(id, "claude-code", "cairn", title, Instant.parse("2026-11-30T10:00:00Z"), null, "/tmp/x.jsonl", null,
        "/home/dev/cairn", "main");
  }

  private static MessageAppended message(SessionId id, long ordinal, String role, String text, List<ToolCall> tools) {
    return new MessageAppended(id, ordinal, role, text, null, Instant.parse("2026-11-30T10:00:00Z").plusSeconds(ordinal), null, tools, null);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String origin, String form) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in with a fresh link; returns the Cookie header value. */
  private String login() throws Exception {
    HttpResponse<String> r = get("/login?t=" + logins.issueLoginToken(), null);
    assertEquals(303, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), "a form token on the page");
    return m.group(1);
  }

  @Test
  void withoutALoginThereIsALoginPageAndNoData() throws Exception {
    for (String path : List.of("/", "/s/home-000001~plain", "/search?q=login", "/?trash=1")) {
      HttpResponse<String> r = get(path, null);
      assertEquals(401, r.statusCode(), path);
      assertTrue(r.body().contains("cairn open"), r.body());
      assertFalse(r.body().contains("flaky"), "no data without a login: " + path);
    }
    assertEquals(401, get("/", "cairn_session=made-up").statusCode(), "a cookie the service did not issue");
  }

  @Test
  void aLoginLinkWorksOnceAndEveryPageCarriesTheSecurityHeaders() throws Exception {
    String token = logins.issueLoginToken();
    assertEquals(303, get("/login?t=" + token, null).statusCode());
    HttpResponse<String> again = get("/login?t=" + token, null);
    assertEquals(401, again.statusCode());
    assertTrue(again.body().contains("used already"), again.body());
    HttpResponse<String> page = get("/", login());
    assertEquals(200, page.statusCode());
    assertEquals(WebUi.CSP, page.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertFalse(WebUi.CSP.contains("'unsafe-inline'"));
    assertTrue(WebUi.CSP.contains("frame-ancestors 'none'"));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
  }

  @Test
  void pagesShowTheSessionsTheirMessagesAndSearchFindsToolOutput() throws Exception {
    String cookie = login();
    String list = get("/", cookie).body();
    assertTrue(list.contains("Fix the flaky login test"), list);
    assertTrue(list.contains("+1 sub-agent(s)"), "a parent counts its sub-agents: " + list);
    assertFalse(list.contains("Run the flaky test 50 times"), "sub-agents are folded under their parent, not listed: " + list);
    String session = get("/s/home-000001~plain", cookie).body();
    assertTrue(session.contains("/s/home-000001%7Eplain-agent") && session.contains("Run the flaky test 50 times"), "the parent links its sub-agent");
    assertTrue(get("/s/home-000001~plain-agent", cookie).body().contains("sub-agent of <a href=\"/s/home-000001%7Eplain\""), "and back");
    assertTrue(session.contains("<strong>login</strong>"), "Markdown rendered: " + session);
    assertTrue(session.contains("id=\"m1\""), "a deep link per message");
    assertTrue(session.contains("BUILD FAILURE in zanzibarModule"), "tool results shown");
    String search = get("/search?q=zanzibarModule", cookie).body();
    assertTrue(search.contains("/s/home-000001%7Eplain#m1"), search);
    assertEquals(404, get("/s/home-000001~nothing", cookie).statusCode());
  }

  @Test
  void aHostileTranscriptRendersAsTextAndRunsNothing() throws Exception {
    String cookie = login();
    for (String page : List.of(get("/s/home-000001~hostile", cookie).body(), get("/", cookie).body())) {
      assertEquals(2, page.split("<script", -1).length - 1, "two script elements, htmx and its SSE extension: " + page);
      assertTrue(page.contains("<script src=\"" + Assets.HTMX + "\" defer></script>"), page);
      assertTrue(page.contains("<script src=\"" + Assets.HTMX_SSE + "\" defer></script>"), page);
      assertFalse(page.contains("<img src=x"), page);
      assertFalse(page.contains("<svg"), page);
      assertFalse(page.toLowerCase().contains("href=\"javascript:"), page);
      assertFalse(page.toLowerCase().contains("src=\"javascript:"), page);
      assertTrue(page.contains("&lt;script&gt;alert("), "shown as text: " + page);
    }
    assertTrue(get("/s/home-000001~hostile", cookie).body().contains("&lt;img src=x onerror=alert(2)&gt;"));
  }

  @Test
  void anOpenPageHearsWhenTheLedgerChanges() throws Exception {
    String cookie = login();
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events")).header("Cookie", cookie).build();
    var stream = http.sendAsync(events, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<java.util.stream.Stream<String>> r = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
    Thread reader = new Thread(() -> r.body().forEach(lines::add));
    reader.setDaemon(true);
    reader.start();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !lines.isEmpty());
    assertFalse(lines.contains("event: changed"), "nothing changed yet: " + lines);
    ledger.appendLocal(new Draft(message(S, 2, "user", "a new message while the page is open", List.of())));
    ledger.sync();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> lines.contains("event: changed"));
    assertEquals(401, get("/events", null).statusCode(), "no stream without a login");
    String page = get("/", cookie).body();
    assertTrue(page.contains("<main hx-get=\"\" hx-trigger=\"sse:changed\" hx-select=\"main\" hx-swap=\"outerHTML\">"), page);
    assertTrue(page.contains("sse-connect=\"/events\""), page);
    var htmx = get(Assets.HTMX, cookie);
    assertEquals(200, htmx.statusCode());
    assertTrue(htmx.body().contains("htmx"), "the webjar's script is served");
    assertTrue(get(Assets.HTMX_SSE, cookie).body().contains("EventSource"), "the SSE extension is served");
    assertEquals(404, get("/webjars/htmx.org/2.0.8/LICENSE", cookie).statusCode(), "only the listed assets are served");
  }

  @Test
  void theListIsGroupedByDayFiltersByMachineDateAndTitleAndMarksForks() throws Exception {
    // a fork: this machine and another renamed the session from the same (no) version
    ledger.appendLocal(new Draft(new dev.cairn.ledger.event.SessionRenamed(S, "Renamed here", null)));
    ledger.appendForeign(new dev.cairn.ledger.event.Event(new Origin("away-000002"), new dev.cairn.ledger.Seq(1),
        new dev.cairn.ledger.Hlc(Instant.parse("2026-11-30T09:00:00Z").toEpochMilli(), 0),
        new dev.cairn.ledger.event.SessionRenamed(S, "Renamed away", null), dev.cairn.ledger.event.UnknownFields.NONE));
    ledger.sync();
    String cookie = login();
    String list = get("/", cookie).body();
    assertEquals(1, list.split("<tr class=\"day\">", -1).length - 1, "both top-level sessions started on one day: " + list);
    assertTrue(list.contains("<th colspan=\"9\">2026-11-30</th>"), list);
    assertTrue(list.contains("<a class=\"fork\" href=\"/s/home-000001%7Eplain#conflicts\""), "the forked session is marked: " + list);
    assertEquals(1, list.split("class=\"fork\"", -1).length - 1, "only it: " + list);
    assertTrue(get("/?machine=home-000001", cookie).body().contains("Renamed here"));
    assertTrue(get("/?machine=away-000002", cookie).body().contains("No sessions here yet"), "no session was recorded away");
    String titled = get("/?text=renamed", cookie).body();
    assertTrue(titled.contains("Renamed here") && !titled.contains("/s/home-000001%7Ehostile"), titled);
    assertTrue(get("/", cookie).body().contains("/s/home-000001%7Ehostile"), "the other session is on the unfiltered list");
    assertTrue(get("/?until=2026-11-29", cookie).body().contains("No sessions here yet"));
    assertTrue(get("/?since=2026-11-30&until=2026-11-30", cookie).body().contains("Renamed here"), "until takes the whole day");
  }

  @Test
  void searchGroupsHitsBySessionAndTakesTheFilters() throws Exception {
    ledger.appendLocal(new Draft(message(S, 2, "user", "and the login page too", List.of())));
    ledger.sync();
    String cookie = login();
    String found = get("/search?q=login", cookie).body();
    assertEquals(1, found.split("<section class=\"hits\">", -1).length - 1, "one session, one group: " + found);
    assertTrue(found.contains("2 hit(s)"), found);
    assertTrue(found.contains("href=\"/s/home-000001%7Eplain#m0\"") && found.contains("href=\"/s/home-000001%7Eplain#m2\""), found);
    assertTrue(found.contains("[login]"), "the matched word is marked: " + found);
    assertTrue(get("/search?q=login&machine=away-000002", cookie).body().contains("Nothing matches login"));
    assertTrue(get("/search?q=login&agent=claude-code", cookie).body().contains("2 hit(s)"));
  }

  @Test
  void anImageIsServedByItsHashOnlyWhileAMessageNamesIt() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    var blob = dev.cairn.ledger.event.BlobStored.of("image/png", png);
    var orphan = dev.cairn.ledger.event.BlobStored.of("image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    ledger.appendLocal(new Draft(blob));
    ledger.appendLocal(new Draft(orphan));
    ledger.appendLocal(new Draft(new MessageAppended(S, 2, "user", "see [image png 8 B]", null, Instant.parse("2026-11-30T10:00:09Z"), null,
        List.of(), null, List.of(new dev.cairn.ledger.event.ImageRef(blob.sha256(), "image/png", png.length)))));
    ledger.sync();
    assertEquals(401, get("/blob/" + blob.sha256(), null).statusCode(), "no login, no image");
    String cookie = login();
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/blob/" + blob.sha256()))
        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    org.junit.jupiter.api.Assertions.assertArrayEquals(png, r.body());
    assertEquals(404, get("/blob/" + orphan.sha256(), cookie).statusCode(), "bytes no message names are not served");
    assertEquals(404, get("/blob/" + "0".repeat(64), cookie).statusCode());
    assertEquals(400, get("/blob/../../etc/passwd", cookie).statusCode(), "Jetty refuses a path that climbs out");
    assertEquals(404, get("/blob/ABC", cookie).statusCode(), "not a hash");
    String page = get("/s/home-000001~plain", cookie).body();
    assertTrue(page.contains("<img src=\"/blob/" + blob.sha256() + "\" alt=\"[image png 8 B]\""), page);
  }

  @Test
  void theUsagePageSumsTokensAndFollowsTheLedger() throws Exception {
    java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>(java.util.Map.of("input_tokens", 1200L, "output_tokens", 340L,
        "cache_read_input_tokens", 5000L));
    ledger.appendLocal(new Draft(new MessageAppended(S, 2, "assistant", "counted", null, Instant.parse("2026-11-30T10:00:09Z"), "some-model",
        List.of(), new dev.cairn.ledger.event.Usage(counts))));
    ledger.sync();
    String cookie = login();
    String page = get("/usage", cookie).body();
    assertTrue(page.contains("<td>2026-11-30</td><td>1,200</td><td>340</td><td>0</td><td>5,000</td><td>unpriced</td>"), page);
    assertTrue(page.contains("<td>some-model</td>"), "by model: " + page);
    assertTrue(page.contains("<td>home-000001</td>"), "by machine: " + page);
    ledger.appendLocal(new Draft(new MessageAppended(S, 3, "assistant", "more", null, Instant.parse("2026-11-30T10:00:10Z"), "some-model",
        List.of(), new dev.cairn.ledger.event.Usage(new java.util.TreeMap<>(java.util.Map.of("input_tokens", 800L, "output_tokens", 60L))))));
    ledger.sync();
    assertTrue(get("/usage", cookie).body().contains("<td>2026-11-30</td><td>2,000</td><td>400</td>"), "the kept answer is dropped when the view moves");
    assertTrue(get("/usage?machine=elsewhere-000009", cookie).body().contains("No token usage recorded for these filters"));
  }

  @Test
  void theListIsPagedByKeysetAndEverySessionIsOnExactlyOnePage() throws Exception {
    int extra = WebUi.PAGE + 5;
    for (int i = 0; i < extra; i++) {
      // many sessions share a start time: the page cut falls inside a run of equal times
      ledger.appendLocal(new Draft(new SessionRecorded(SessionId.parse(String.format("home-000001~bulk-%03d", i)), "claude-code", "cairn",
          "bulk " + i, Instant.parse("2026-10-01T10:00:00Z").plusSeconds(i / 10), null, "/tmp/b.jsonl", null, "/home/dev", "main")));
    }
    ledger.sync();
    String cookie = login();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String url = "/";
    int pages = 0;
    while (url != null) {
      String page = get(url, cookie).body();
      pages++;
      Matcher rows = Pattern.compile("<a href=\"/s/([^\"]+)\">").matcher(page);
      while (rows.find()) {
        assertTrue(seen.add(rows.group(1)), "on one page only: " + rows.group(1));
      }
      Matcher next = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">").matcher(page);
      url = next.find() ? next.group(1).replace("&amp;", "&") : null;
    }
    assertEquals(2, pages);
    assertEquals(extra + 2, seen.size(), "every top-level session (the sub-agent is folded): " + seen.size());
  }

  @Test
  void aForeignHostIsRefused() throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
      assertFalse(answer.contains("flaky"), answer);
    }
  }

  @Test
  void anActionNeedsItsFormTokenAndItsOriginAndThenReachesTheWriter() throws Exception {
    String cookie = login();
    String page = get("/s/home-000001~plain", cookie).body();
    String csrf = csrf(page);
    assertEquals(403, post("/s/home-000001~plain/star", cookie, null, "").statusCode(), "no form token");
    assertEquals(403, post("/s/home-000001~plain/star", cookie, null, "csrf=forged").statusCode(), "a wrong form token");
    assertEquals(403, post("/s/home-000001~plain/star", cookie, "http://evil.example", "csrf=" + csrf).statusCode(), "another site");
    assertEquals(401, post("/s/home-000001~plain/star", null, null, "csrf=" + csrf).statusCode(), "no cookie");
    assertTrue(applied.isEmpty(), "nothing refused reached the writer: " + applied);
    HttpResponse<String> ok = post("/s/home-000001~plain/star", cookie, "http://127.0.0.1:" + port, "csrf=" + csrf);
    assertEquals(303, ok.statusCode(), ok.body());
    assertEquals("/s/home-000001%7Eplain", ok.headers().firstValue("Location").orElseThrow());
    assertEquals(303, post("/s/home-000001~plain/tag", cookie, null, "csrf=" + csrf + "&tag=flaky").statusCode());
    assertEquals(List.of(SessionFlagged.starred(S, null), dev.cairn.ledger.event.SessionTagChanged.tagged(S, "flaky", null)), applied);
    assertEquals(400, post("/s/home-000001~plain/tag", cookie, null, "csrf=" + csrf + "&tag=").statusCode(), "a tag is required");
  }

  @Test
  void thePeersAndSyncPagesShowTheMachinesAndTargetsAndSyncNowNeedsTheFormToken() throws Exception {
    String cookie = login();
    String peers = get("/peers", cookie).body();
    assertTrue(peers.contains("SHA256:fedcba9876543210") && peers.contains("KEY CONFLICT"), peers);
    assertTrue(peers.contains("&lt;b&gt;evil&lt;/b&gt;"), "escaped: " + peers);
    Matcher own = Pattern.compile("<tr><td>home-000001</td>.*?</tr>", Pattern.DOTALL).matcher(peers);
    assertTrue(own.find(), peers);
    assertTrue(own.group().contains("<td>31</td><td>51</td><td>52</td>"), "checkpoint, its head, this machine's mark: " + own.group());
    assertTrue(own.group().matches("(?s).*<td>3</td>\\s*<td>this machine.*"), "sessions recorded per machine (3): " + own.group());
    String sync = get("/sync", cookie).body();
    assertTrue(sync.contains("very stale") && sync.contains("paused") && sync.contains("403 Forbidden &lt;script&gt;"), sync);
    assertEquals(403, post("/sync", cookie, null, "").statusCode());
    assertEquals(0, syncs.get());
    assertEquals(303, post("/sync", cookie, null, "csrf=" + csrf(sync)).statusCode());
    assertEquals(1, syncs.get());
  }

  @Test
  void onlyTheBearerTokenMintsLoginLinks() throws Exception {
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login-link"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, refused.statusCode());
    HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login-link"))
        .header("Authorization", BEARER).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, link.statusCode());
    String url = link.body().strip();
    assertTrue(url.startsWith("http://127.0.0.1:" + port + "/login?t="), url);
    assertEquals(303, get(url.substring(url.indexOf("/login")), null).statusCode());
  }
}
