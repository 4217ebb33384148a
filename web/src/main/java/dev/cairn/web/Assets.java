package dev.cairn.web;

import java.util.Map;

/**
 * The UI's static files, by the URL path they are served at: its style sheet and the two scripts
 * it runs, htmx and htmx's server-sent-events extension, taken from their webjars (no front-end
 * build step). Only these paths are served; nothing else on the class path is reachable.
 *
 * <p>Thread-safety: immutable.
 */
public final class Assets {
  /** htmx, from the {@code org.webjars.npm:htmx.org} webjar. */
  public static final String HTMX = "/webjars/htmx.org/2.0.8/dist/htmx.min.js";
  /** htmx's server-sent-events extension, from the {@code org.webjars.npm:htmx-ext-sse} webjar. */
  public static final String HTMX_SSE = "/webjars/htmx-ext-sse/2.2.2/sse.js";
  /** uPlot, the usage page's chart, from the {@code org.webjars.npm:uplot} webjar. */
  public static final String UPLOT = "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";
  public static final String UPLOT_CSS = "/webjars/uplot/1.6.30/dist/uPlot.min.css";
  /** The usage page's own script: draws the chart from the page's data. */
  public static final String USAGE_JS = "/static/usage.js";
  /** cairn's style sheet. */
  public static final String CSS = "/static/cairn.css";

  /** One servable file: where it lies on the class path, its media type, and whether its URL names its version. */
  record Asset(String resource, String type, boolean versioned) {}

  private static final Map<String, Asset> BY_PATH = Map.of(
      CSS, new Asset("/dev/cairn/web/static/cairn.css", "text/css; charset=utf-8", false),
      HTMX, new Asset("/META-INF/resources" + HTMX, "text/javascript; charset=utf-8", true),
      HTMX_SSE, new Asset("/META-INF/resources" + HTMX_SSE, "text/javascript; charset=utf-8", true),
      UPLOT, new Asset("/META-INF/resources" + UPLOT, "text/javascript; charset=utf-8", true),
      UPLOT_CSS, new Asset("/META-INF/resources" + UPLOT_CSS, "text/css; charset=utf-8", true),
      USAGE_JS, new Asset("/dev/cairn/web/static/usage.js", "text/javascript; charset=utf-8", false));

  private Assets() {}

  /** The asset served at {@code path}, or null when there is none. */
  static Asset at(String path) {
    return BY_PATH.get(path);
  }
}
