package dev.cairn.bench.figures;

import dev.cairn.bench.Figure;
import dev.cairn.ledger.LedgerPaths;
import dev.cairn.ledger.event.Curation;
import dev.cairn.web.Curations;
import dev.cairn.web.Logins;
import dev.cairn.web.Machines;
import dev.cairn.web.Views;
import dev.cairn.web.WebUi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * How long the web UI's pages take on the server, on the bench's archive: the session list, the
 * session with the most messages, and a search, each requested {@link #REQUESTS} times after a
 * warm-up, over loopback HTTP (so the time includes Jetty and the template, not the browser).
 * p95 against a goal of 100 ms.
 */
public final class PageTimeFigure {
  private static final int REQUESTS = 60;
  private static final double GOAL_MS = 100;

  private PageTimeFigure() {}

  /** {@code home} holds the ledger and {@code rebuilt.db} (the rebuild figure's view). */
  public static List<Figure> run(Path home, long events) throws Exception {
    Path view = home.resolve("rebuilt.db");
    String biggest;
    long biggestMessages;
    long messages;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + view); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT session, count(*) FROM messages GROUP BY session ORDER BY 2 DESC LIMIT 1")) {
        rs.next();
        biggest = rs.getString(1);
        biggestMessages = rs.getLong(2);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM messages")) {
        rs.next();
        messages = rs.getLong(1);
      }
    }
    Logins logins = new Logins(new SecureRandom(), Clock.systemUTC());
    Curations none = new Curations() {
      @Override
      public boolean apply(Curation change) {
        throw new UnsupportedOperationException("the bench does not write");
      }

      @Override
      public void resolve(Curation change) {
        throw new UnsupportedOperationException("the bench does not write");
      }
    };
    try (Views views = new Views(new LedgerPaths(home.resolve("ledger")), view)) {
      WebUi ui = new WebUi(views, Machines.NONE, none, logins, h -> false, dev.cairn.cli.usage.PriceTable.load(null).forWeb("the bundled price table"));
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      server.setHandler(ui);
      server.start();
      try {
        int port = connector.getLocalPort();
        ui.allowHosts(Set.of("127.0.0.1:" + port));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login?t=" + logins.issueLoginToken())).build(),
            HttpResponse.BodyHandlers.discarding());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String size = messages + " messages (" + events + " events)";
        List<Figure> out = new ArrayList<>();
        out.add(p95(http, base + "/", cookie, "page: session list p95", size));
        out.add(p95(http, base + "/s/" + URLEncoder.encode(biggest, StandardCharsets.UTF_8), cookie, "page: session p95",
            "its " + biggestMessages + " messages; " + size));
        out.add(p95(http, base + "/search?q=segment+clock", cookie, "page: search p95", size));
        out.add(p95(http, base + "/usage", cookie, "page: usage p95", "kept while the view does not move (as here after the first request); " + size));
        out.add(usage(views, size));
        return out;
      } finally {
        server.stop();
      }
    }
  }

  /** What {@code cairn usage} does once the view is caught up: the daily rows over every message, priced. Goal: under a second. */
  private static Figure usage(Views views, String size) {
    dev.cairn.cli.usage.PriceTable prices = dev.cairn.cli.usage.PriceTable.load(null);
    java.util.function.Supplier<Integer> once = () -> views.read(v -> dev.cairn.cli.usage.UsageReport.of(
        dev.cairn.projection.UsageQuery.Grouping.DAILY,
        v.usage().rows(dev.cairn.projection.UsageQuery.Grouping.DAILY, dev.cairn.projection.UsageQuery.Filter.ALL, false), prices)
        .lines().size());
    for (int i = 0; i < 2; i++) {
      once.get();
    }
    double[] ms = new double[10];
    int rows = 0;
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      rows = once.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return Figure.cost("usage daily (query + prices) p90", ms[8], "ms", "goal", 1000, rows + " days over " + size + "; median "
        + String.format("%.1f", ms[5]) + " ms");
  }

  private static Figure p95(HttpClient http, String url, String cookie, String name, String note) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build();
    for (int i = 0; i < 10; i++) {
      http.send(request, HttpResponse.BodyHandlers.discarding()); // warm-up: JIT, page cache
    }
    double[] ms = new double[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
    }
    Arrays.sort(ms);
    double p95 = ms[(int) Math.ceil(REQUESTS * 0.95) - 1];
    return Figure.cost(name, p95, "ms", "goal", GOAL_MS, note + "; median " + String.format("%.1f", ms[REQUESTS / 2]) + " ms");
  }
}
