package dev.cairn.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Message text as HTML: CommonMark, with any HTML in the text escaped (never passed through) and
 * link and image URLs sanitised (no {@code javascript:} or {@code data:} links). Thread-safe.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  public static String toHtml(String text) {
    return text == null ? "" : RENDERER.render(PARSER.parse(text));
  }
}
