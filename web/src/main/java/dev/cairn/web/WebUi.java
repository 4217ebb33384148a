package dev.cairn.web;

import dev.cairn.ledger.CairnException;
import dev.cairn.ledger.SessionId;
import dev.cairn.ledger.event.Curation;
import dev.cairn.ledger.event.SessionFlagged;
import dev.cairn.ledger.event.SessionRenamed;
import dev.cairn.ledger.event.SessionTagChanged;
import dev.cairn.projection.MessageRow;
import dev.cairn.projection.SearchHit;
import dev.cairn.projection.SearchResults;
import dev.cairn.projection.SearchSyntaxException;
import dev.cairn.projection.SessionFilter;
import dev.cairn.projection.SessionQueries;
import dev.cairn.projection.SessionRow;
import dev.cairn.projection.SubAgentLinks;
import dev.cairn.projection.UsageQuery;
import dev.cairn.projection.UsageRow;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The web UI as a Jetty handler: server-rendered pages that work without JavaScript.
 *
 * <pre>
 * GET  /login?t=TOKEN           a one-time login link: sets the session cookie, then to /
 * GET  /                        sessions, newest first (?agent= &amp;project= &amp;tag= &amp;starred=1 &amp;trash=1)
 * GET  /s/{session}             a session: curated header, messages (#m{ordinal} links to one), conflicts
 * GET  /blob/{sha256}           an image's bytes (png, jpeg, gif, webp only)
 * GET  /search?q=WORDS          full-text search
 * GET  /usage?by=daily|weekly|monthly  tokens and cost per period, model and machine, with a chart (uPlot) and the list's filters
 * GET  /peers                   every machine (origin): key, newest checkpoint and head, this machine's mark, sessions
 * GET  /sync                    every named target: staleness, last success and error, pause, dead letters
 * POST /sync                    sync every target now; needs csrf=
 * POST /s/{session}/{action}    star, unstar, trash, restore, rename (title=), tag (tag=), untag (tag=),
 *                               keep (register= value=: settle a conflict on that value); needs csrf=
 * GET  /static/cairn.css        the style sheet; /webjars/... htmx and its SSE extension ({@link Assets}, the only scripts)
 * GET  /events                  server-sent events: "changed" when the ledger moves (htmx re-reads the open page's main part)
 * POST /login-link              with the service's bearer token: a new one-time login link (what 'cairn open' asks for)
 * </pre>
 *
 * <p>Security: no session cookie, no data (a login page, 401). The Host header must be one this
 * service is reached by (DNS rebinding); a POST needs its session's CSRF token and, when the
 * browser sends one, a same-origin Origin header. Every response carries a Content-Security-Policy
 * without inline script, {@code frame-ancestors 'none'} and {@code nosniff}. Templates escape all
 * output; message text is Markdown with HTML escaped ({@link Markdown}).
 *
 * <p>Thread-safety: thread-safe (the views serialise reads; curations take the writer lock).
 */
public final class WebUi extends Handler.Abstract {
  static final String COOKIE = "cairn_session";
  static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " base-uri 'none'; frame-ancestors 'none'";
  static final int PAGE = 200;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final Views views;
  private final Machines machines;
  private final Curations curations;
  private final Logins logins;
  private final java.util.function.Predicate<String> bearer;
  private final Set<String> hosts = new CopyOnWriteArraySet<>();
  private final LiveUpdates live;
  private final Pricing pricing;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  /**
   * @param bearer whether an Authorization header carries the service's bearer token (only its
   *     holder, the home's owner, may mint login links)
   */
  public WebUi(Views views, Machines machines, Curations curations, Logins logins, java.util.function.Predicate<String> bearer) {
    this(views, machines, curations, logins, bearer, Pricing.NONE);
  }

  /** @param pricing prices for the usage page */
  public WebUi(Views views, Machines machines, Curations curations, Logins logins, java.util.function.Predicate<String> bearer,
      Pricing pricing) {
    this.pricing = pricing;
    this.views = views;
    this.machines = machines;
    this.curations = curations;
    this.logins = logins;
    this.bearer = bearer;
    this.live = new LiveUpdates(views);
  }

  @Override
  protected void doStop() throws Exception {
    live.close(); // open event streams end with the service
    super.doStop();
  }

  /** The Host header values (host:port) this service answers to; others are refused (421). */
  public void allowHosts(Set<String> allowed) {
    hosts.clear();
    allowed.forEach(h -> hosts.add(h.toLowerCase(java.util.Locale.ROOT)));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "same-origin"); // not no-referrer: with it Chromium sends "Origin: null" on its own forms
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
      text(response, callback, 421, "this service answers to " + hosts + ", not to Host " + host);
      return true;
    }
    String path = request.getHttpURI().getPath();
    try {
      Assets.Asset asset = Assets.at(path);
      if (asset != null) {
        staticFile(response, callback, asset);
        return true;
      }
      if (path.equals("/login")) {
        login(request, response, callback);
        return true;
      }
      if (path.equals("/login-link") && request.getMethod().equals("POST")) {
        if (!bearer.test(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
          text(response, callback, 401, "expected the service's bearer token (keys/serve.token), found "
              + (request.getHeaders().get(HttpHeader.AUTHORIZATION) == null ? "none" : "another"));
        } else {
          text(response, callback, 200, request.getHttpURI().getScheme() + "://" + host + "/login?t=" + logins.issueLoginToken());
        }
        return true;
      }
      Optional<Logins.WebSession> session = session(request);
      if (session.isEmpty()) {
        page(response, callback, 401, "login.jte", new Pages.Login(new Pages.Frame("Log in", null),
            "Open the link 'cairn open' prints (run it on this machine); a link works once."));
        return true;
      }
      String csrf = session.get().csrf();
      if (request.getMethod().equals("POST")) {
        post(request, response, callback, path, session.get());
      } else if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
        text(response, callback, 405, "method " + request.getMethod() + " is not allowed");
      } else if (path.equals("/")) {
        list(request, response, callback, csrf);
      } else if (path.startsWith("/s/")) {
        session(response, callback, path.substring(3), csrf);
      } else if (path.equals("/search")) {
        search(request, response, callback, csrf);
      } else if (path.equals("/usage")) {
        usage(request, response, callback, csrf);
      } else if (path.startsWith("/blob/")) {
        blob(response, callback, path.substring("/blob/".length()));
      } else if (path.equals("/events")) {
        if (!live.stream(response, callback)) {
          text(response, callback, 503, "too many open pages are watching (" + LiveUpdates.MAX_CLIENTS + "); close some");
        }
      } else if (path.equals("/peers")) {
        java.util.Map<String, Long> sessions = views.read(v -> v.queries().sessionsPerOrigin());
        page(response, callback, 200, "peers.jte", new Pages.Peers(new Pages.Frame("Machines", csrf), machines.peers(), sessions));
      } else if (path.equals("/sync")) {
        page(response, callback, 200, "sync.jte", new Pages.Sync(new Pages.Frame("Sync", csrf), machines.targets()));
      } else {
        text(response, callback, 404, "no page " + path);
      }
    } catch (CairnException e) {
      text(response, callback, e.kind() == CairnException.Kind.BAD_INPUT ? 400 : e.kind() == CairnException.Kind.STATE ? 409 : 500, e.getMessage());
    } catch (RuntimeException | IOException e) {
      text(response, callback, 500, "internal error: " + e);
    }
    return true;
  }

  private Optional<Logins.WebSession> session(Request request) {
    List<HttpCookie> cookies = Request.getCookies(request);
    for (HttpCookie c : cookies) {
      if (c.getName().equals(COOKIE)) {
        Optional<Logins.WebSession> s = logins.session(c.getValue());
        if (s.isPresent()) {
          return s;
        }
      }
    }
    return Optional.empty();
  }

  private void login(Request request, Response response, Callback callback) {
    Fields query = Request.extractQueryParameters(request);
    Optional<Logins.WebSession> s = logins.redeem(query.getValue("t"));
    if (s.isEmpty()) {
      page(response, callback, 401, "login.jte", new Pages.Login(new Pages.Frame("Log in", null),
          "That link was used already, has expired, or was never issued: run 'cairn open' for a new one."));
      return;
    }
    Response.addCookie(response, HttpCookie.build(COOKIE, s.get().id()).path("/").httpOnly(true)
        .sameSite(HttpCookie.SameSite.STRICT).build());
    redirect(response, callback, "/");
  }

  private void list(Request request, Response response, Callback callback, String csrf) {
    Fields q = Request.extractQueryParameters(request);
    boolean trash = "1".equals(q.getValue("trash"));
    Pages.Filters filters = filters(q);
    SessionFilter filter = sessionFilter(filters).withTrashed(trash ? SessionFilter.Trashed.ONLY : SessionFilter.Trashed.HIDE)
        .withLimit(PAGE + 1).withTopLevel(!trash).withAfter(after(q.getValue("after")));
    record Listing(List<SessionRow> rows, java.util.Map<String, Long> subAgents, java.util.Set<String> forked) {}
    Listing l = views.read(v -> new Listing(v.queries().sessions(filter), v.queries().subAgentCounts(),
        v.queries().openConflicts().stream().map(c -> c.session()).collect(java.util.stream.Collectors.toSet())));
    List<SessionRow> rows = l.rows().size() > PAGE ? l.rows().subList(0, PAGE) : l.rows();
    String next = null;
    if (l.rows().size() > PAGE) {
      SessionRow last = rows.get(rows.size() - 1);
      next = "/?after=" + URLEncoder.encode((last.startedAt() == null ? "" : last.startedAt()) + "|" + last.session(), StandardCharsets.UTF_8)
          + filters.query() + (trash ? "&trash=1" : "");
    }
    List<Pages.Day> days = new java.util.ArrayList<>();
    for (SessionRow row : rows) {
      String day = row.startedAt() == null || row.startedAt().length() < 10 ? "" : row.startedAt().substring(0, 10);
      if (days.isEmpty() || !days.get(days.size() - 1).day().equals(day)) {
        days.add(new Pages.Day(day, new java.util.ArrayList<>()));
      }
      days.get(days.size() - 1).sessions().add(row);
    }
    page(response, callback, 200, "sessions.jte", new Pages.SessionList(new Pages.Frame(trash ? "Trash" : "Sessions", csrf), days,
        l.subAgents(), l.forked(), filters, trash, next));
  }

  private static Pages.Filters filters(Fields q) {
    return new Pages.Filters(blankToNull(q.getValue("agent")), blankToNull(q.getValue("project")), blankToNull(q.getValue("machine")),
        blankToNull(q.getValue("tag")), "1".equals(q.getValue("starred")), date(q.getValue("since")), date(q.getValue("until")),
        blankToNull(q.getValue("text")));
  }

  /** A date from a form (2025-11-20 or any ISO-8601 prefix); anything else is ignored rather than matched as text. */
  private static String date(String value) {
    String v = blankToNull(value);
    return SessionFilter.isDatePrefix(v) ? v : null;
  }

  private static SessionFilter sessionFilter(Pages.Filters f) {
    return SessionFilter.DEFAULT.withAgent(f.agent()).withProject(f.project()).withOrigin(f.machine()).withTag(f.tag())
        .withStarred(f.starred() ? Boolean.TRUE : null).withSince(f.since()).withUntil(f.until()).withTitleText(f.text());
  }

  private void session(Response response, Callback callback, String ref, String csrf) {
    SessionId id = sessionId(ref);
    Optional<Pages.Session> page = views.read(v -> v.queries().session(id).map(row -> {
      List<MessageRow> rows = v.queries().messages(id);
      List<SessionRow> subAgents = v.queries().subAgents(id);
      java.util.Map<String, SessionRow> started = SubAgentLinks.of(rows, subAgents);
      List<Pages.Message> messages = rows.stream().map(m -> message(m, started)).toList();
      return new Pages.Session(new Pages.Frame(row.title() == null ? id.toString() : row.title(), csrf), row, messages,
          v.queries().openConflicts().stream().filter(c -> c.session().equals(id.toString())).toList(), subAgents);
    }));
    if (page.isEmpty()) {
      text(response, callback, 404, "no session " + id);
      return;
    }
    page(response, callback, 200, "session.jte", page.get());
  }

  private static Pages.Message message(MessageRow m, java.util.Map<String, SessionRow> started) {
    List<Pages.Tool> tools = new java.util.ArrayList<>();
    if (m.toolCalls() != null) {
      try {
        for (com.fasterxml.jackson.databind.JsonNode call : JSON.readTree(m.toolCalls())) {
          String output = call.hasNonNull("output") ? call.path("output").asText() : null;
          boolean cut = output != null && output.length() > Pages.Tool.RESULT_PREVIEW;
          SessionRow sub = started.get(call.path("id").asText(""));
          tools.add(new Pages.Tool(call.path("name").asText(), call.path("input").asText(""),
              cut ? output.substring(0, Pages.Tool.RESULT_PREVIEW) : output, cut ? output : null, call.path("is_error").asBoolean(false),
              sub == null ? null : sub.session(), sub == null ? null : sub.title()));
        }
      } catch (java.io.IOException e) {
        tools.add(new Pages.Tool("(unreadable tool calls)", m.toolCalls(), null, null, true, null, null));
      }
    }
    List<Pages.Image> images = new java.util.ArrayList<>();
    if (m.images() != null) {
      try {
        for (com.fasterxml.jackson.databind.JsonNode ref : JSON.readTree(m.images())) {
          var r = new dev.cairn.ledger.event.ImageRef(ref.path("sha256").asText(), ref.path("media_type").asText(), ref.path("bytes").asLong());
          images.add(new Pages.Image(r.sha256(), r.label(), r.bytes() > 0 && r.bytes() <= dev.cairn.ledger.event.BlobStored.MAX_BYTES
              && dev.cairn.ledger.event.BlobStored.isStoredType(r.mediaType())));
        }
      } catch (java.io.IOException | CairnException e) {
        // the view wrote canonical JSON: unreadable references show no image
      }
    }
    return new Pages.Message(m.ordinal(), m.role(), m.at(), m.model(), Markdown.toHtml(m.text()), m.thinking(), tools,
        m.pinned(), m.pinNote(), images);
  }

  private void usage(Request request, Response response, Callback callback, String csrf) {
    Fields q = Request.extractQueryParameters(request);
    Pages.Filters filters = filters(q);
    String g = Optional.ofNullable(q.getValue("by")).orElse("daily");
    UsageQuery.Grouping grouping = switch (g) {
      case "weekly" -> UsageQuery.Grouping.WEEKLY;
      case "monthly" -> UsageQuery.Grouping.MONTHLY;
      default -> UsageQuery.Grouping.DAILY;
    };
    UsageQuery.Filter f = new UsageQuery.Filter(filters.since(), filters.until(), filters.agent(), filters.project(), filters.machine());
    // one pass: rows per period and machine (the model is in every row); the three tables are sums of them
    List<UsageRow> all = usageRows(grouping, f);
    record Rows(List<UsageRow> periods, List<UsageRow> models, List<UsageRow> machines) {}
    Rows rows = new Rows(all, all.stream().map(r -> regroup(r, r.model())).toList(), all.stream().map(r -> regroup(r, r.machine())).toList());
    List<Pages.UsageLine> periods = lines(rows.periods());
    StringBuilder labels = new StringBuilder("[");
    StringBuilder cost = new StringBuilder("[");
    StringBuilder tokens = new StringBuilder("[");
    for (Pages.UsageLine l : periods) {
      String sep = labels.length() == 1 ? "" : ",";
      labels.append(sep).append('"').append(l.label().replace("\"", "")).append('"');
      cost.append(sep).append(Double.isNaN(l.cost()) ? "0" : String.format(java.util.Locale.ROOT, "%.6f", l.cost()));
      tokens.append(sep).append(l.input() + l.output() + l.cacheWrite() + l.cacheRead());
    }
    List<Pages.UsageLine> totalLines = lines(rows.periods().stream()
        .map(r -> new UsageRow("total", null, r.model(), r.longContext(), r.messages(), r.input(), r.output(), r.cacheWrite(), r.cacheRead())).toList());
    Pages.UsageLine total = totalLines.isEmpty() ? new Pages.UsageLine("total", 0, 0, 0, 0, 0, 0) : totalLines.get(0);
    page(response, callback, 200, "usage.jte", new Pages.Usage(new Pages.Frame("Usage", csrf), filters, grouping.name().toLowerCase(java.util.Locale.ROOT),
        periods, lines(rows.models()), lines(rows.machines()), total, pricing.describe(), labels.append(']').toString(),
        cost.append(']').toString(), tokens.append(']').toString()));
  }

  private static UsageRow regroup(UsageRow r, String group) {
    return new UsageRow(group == null ? "" : group, null, r.model(), r.longContext(), r.messages(), r.input(), r.output(), r.cacheWrite(),
        r.cacheRead());
  }

  /** The last usage answer, kept while the view has not moved (the page is read again on every change and every visit). */
  private record UsageCache(Object key, List<UsageRow> rows) {}

  private volatile UsageCache usageCache;

  private List<UsageRow> usageRows(UsageQuery.Grouping grouping, UsageQuery.Filter f) {
    return views.read(v -> {
      Object key = List.of(v.position(), grouping, f);
      UsageCache c = usageCache;
      if (c != null && c.key().equals(key)) {
        return c.rows();
      }
      List<UsageRow> rows = v.usage().rows(grouping, f, true);
      usageCache = new UsageCache(key, rows);
      return rows;
    });
  }

  /** Rows summed per group, priced. */
  private List<Pages.UsageLine> lines(List<UsageRow> rows) {
    java.util.Map<String, long[]> sums = new java.util.LinkedHashMap<>();
    java.util.Map<String, double[]> costs = new java.util.LinkedHashMap<>();
    for (UsageRow r : rows) {
      long[] s = sums.computeIfAbsent(r.group(), k -> new long[5]);
      s[0] += r.input();
      s[1] += r.output();
      s[2] += r.cacheWrite();
      s[3] += r.cacheRead();
      double c = pricing.cost(r.model(), r.longContext(), r.input(), r.output(), r.cacheWrite(), r.cacheRead());
      if (Double.isNaN(c)) {
        s[4] += r.input() + r.output() + r.cacheWrite() + r.cacheRead();
      } else {
        costs.computeIfAbsent(r.group(), k -> new double[1])[0] += c;
      }
    }
    List<Pages.UsageLine> out = new java.util.ArrayList<>();
    sums.forEach((group, s) -> out.add(new Pages.UsageLine(group.isEmpty() ? "(no model)" : group, s[0], s[1], s[2], s[3],
        costs.containsKey(group) ? costs.get(group)[0] : (s[4] > 0 ? Double.NaN : 0), s[4])));
    return out;
  }

  /** An image's bytes, by SHA-256, as the raster type it was stored as (never anything a browser would run). */
  private void blob(Response response, Callback callback, String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      text(response, callback, 404, "expected /blob/<64 hex digits>, found /blob/" + sha256);
      return;
    }
    Optional<dev.cairn.projection.SessionQueries.Blob> blob = views.read(v -> v.queries().blob(sha256));
    if (blob.isEmpty() || !dev.cairn.ledger.event.BlobStored.isStoredType(blob.get().mediaType())) {
      text(response, callback, 404, "no image " + sha256 + " here (too large to store, purged, or not synced yet)");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, blob.get().mediaType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=31536000, immutable");
    response.write(true, java.nio.ByteBuffer.wrap(blob.get().data()), callback);
  }

  private void search(Request request, Response response, Callback callback, String csrf) {
    Fields params = Request.extractQueryParameters(request);
    String q = Optional.ofNullable(params.getValue("q")).orElse("").strip();
    Pages.Filters filters = filters(params);
    if (q.isEmpty()) {
      page(response, callback, 200, "search.jte", new Pages.Search(new Pages.Frame("Search", csrf), q, filters, List.of(), false));
      return;
    }
    String fts = SessionQueries.plainQuery(q);
    try {
      SearchResults found = views.read(v -> v.queries().search(fts, sessionFilter(filters), 100));
      java.util.Map<String, Pages.HitGroup> groups = new java.util.LinkedHashMap<>();
      for (SearchHit h : found.hits()) {
        groups.computeIfAbsent(h.session(), s -> new Pages.HitGroup(s, h.title(), new java.util.ArrayList<>())).hits().add(h);
      }
      page(response, callback, 200, "search.jte", new Pages.Search(new Pages.Frame("Search: " + q, csrf), q, filters,
          List.copyOf(groups.values()), found.windowed()));
    } catch (SearchSyntaxException e) {
      text(response, callback, 400, e.getMessage());
    }
  }


  private void post(Request request, Response response, Callback callback, String path, Logins.WebSession session) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && !hosts.contains(originHost(origin))) {
      text(response, callback, 403, "a change from another site (Origin " + origin + ") is refused");
      return;
    }
    Fields form;
    try {
      form = FormFields.getFields(request);
    } catch (RuntimeException e) {
      text(response, callback, 400, "expected a form, found something else: " + e.getMessage());
      return;
    }
    if (!java.security.MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
        Optional.ofNullable(form.getValue("csrf")).orElse("").getBytes(StandardCharsets.US_ASCII))) {
      text(response, callback, 403, "expected the page's form token, found " + (form.getValue("csrf") == null ? "none" : "another"));
      return;
    }
    if (path.equals("/sync")) {
      machines.syncNow();
      redirect(response, callback, "/sync");
      return;
    }
    if (!path.startsWith("/s/") || path.lastIndexOf('/') <= 3) {
      text(response, callback, 404, "no action " + path);
      return;
    }
    String ref = path.substring(3, path.lastIndexOf('/'));
    String action = path.substring(path.lastIndexOf('/') + 1);
    SessionId id = sessionId(ref);
    Curation change = switch (action) {
      case "star" -> SessionFlagged.starred(id, null);
      case "unstar" -> SessionFlagged.unstarred(id, null);
      case "trash" -> SessionFlagged.trashed(id, null);
      case "restore" -> SessionFlagged.restored(id, null);
      case "rename" -> new SessionRenamed(id, required(form, "title"), null);
      case "tag" -> SessionTagChanged.tagged(id, required(form, "tag"), null);
      case "untag" -> SessionTagChanged.untagged(id, required(form, "tag"), null);
      case "keep" -> new dev.cairn.ledger.event.Register(required(form, "register")).write(id, required(form, "value"));
      default -> null;
    };
    if (change == null) {
      text(response, callback, 404, "no action " + action + " (star, unstar, trash, restore, rename, tag, untag)");
      return;
    }
    if (views.read(v -> v.queries().session(id)).isEmpty()) {
      text(response, callback, 404, "no session " + id);
      return;
    }
    String page = "/s/" + URLEncoder.encode(id.toString(), StandardCharsets.UTF_8);
    if (action.equals("keep")) {
      curations.resolve(change); // written even when the kept value is the winner's: that settles the fork
      redirect(response, callback, page + "#conflicts");
    } else {
      curations.apply(change);
      redirect(response, callback, page);
    }
  }

  private static String required(Fields form, String name) {
    String v = form.getValue(name);
    if (v == null || v.isBlank()) {
      throw new dev.cairn.ledger.EventFormatException(name, "a value", "nothing");
    }
    return v.strip();
  }

  /** A session id from a path segment, percent-decoded as a path (a '+' stays a '+'). */
  private static SessionId sessionId(String ref) {
    return SessionId.parse(org.eclipse.jetty.util.URIUtil.decodePath(ref));
  }

  private static String originHost(String origin) {
    int scheme = origin.indexOf("://");
    return (scheme < 0 ? origin : origin.substring(scheme + 3)).toLowerCase(java.util.Locale.ROOT);
  }

  /** A page cursor, {@code startedAt|session}, or null. */
  private static SessionFilter.After after(String cursor) {
    if (cursor == null || cursor.isBlank() || cursor.indexOf('|') < 0) {
      return null;
    }
    int bar = cursor.indexOf('|'); // a start time holds no bar; a session id might
    return new SessionFilter.After(cursor.substring(0, bar), cursor.substring(bar + 1));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void page(Response response, Callback callback, int status, String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    Content.Sink.write(response, true, out.toString(), callback);
  }

  private static void text(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, message + "\n", callback);
  }

  private static void redirect(Response response, Callback callback, String location) {
    response.setStatus(303);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    response.write(true, null, callback);
  }

  private static void staticFile(Response response, Callback callback, Assets.Asset asset) throws IOException {
    try (InputStream in = WebUi.class.getResourceAsStream(asset.resource())) {
      if (in == null) {
        text(response, callback, 500, "this build lacks " + asset.resource());
        return;
      }
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.type());
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, asset.versioned() ? "max-age=31536000, immutable" : "max-age=300");
      response.write(true, java.nio.ByteBuffer.wrap(in.readAllBytes()), callback);
    }
  }
}
