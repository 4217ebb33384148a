package dev.cairn.projection;

import dev.cairn.ledger.event.Usage;
import java.util.Map;

/**
 * The four token counts cost is computed from, read from a message's usage whatever agent wrote it
 * (docs/schema.md): {@code input} (not cached), {@code output}, {@code cacheWrite}, {@code
 * cacheRead}. Agents name them two ways: Anthropic's, where {@code input_tokens} excludes the
 * cache ({@code cache_creation_input_tokens}, {@code cache_read_input_tokens} beside it); OpenAI's
 * and Gemini's, where {@code input_tokens} includes {@code cached_input_tokens}. Gemini's thinking
 * ({@code thoughts_tokens}) is output it is billed for. Immutable.
 */
public record TokenCounts(long input, long output, long cacheWrite, long cacheRead) {
  public static TokenCounts of(Usage usage) {
    Map<String, Long> c = usage.counts();
    long input = c.getOrDefault("input_tokens", 0L);
    long cacheRead = c.getOrDefault("cache_read_input_tokens", 0L);
    Long cached = c.get("cached_input_tokens");
    if (cached != null) { // included in input_tokens
      cacheRead += cached;
      input = Math.max(0, input - cached);
    }
    long output = c.getOrDefault("output_tokens", 0L) + c.getOrDefault("thoughts_tokens", 0L);
    return new TokenCounts(input, output, c.getOrDefault("cache_creation_input_tokens", 0L), cacheRead);
  }

}
