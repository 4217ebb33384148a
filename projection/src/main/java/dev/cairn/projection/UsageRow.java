package dev.cairn.projection;

/**
 * Token counts summed over the messages of one group (a day, a session, a machine...) that share a
 * model and a context tier ({@code longContext}: the request's whole input, cache included, was over
 * {@link UsageQuery#LONG_CONTEXT} tokens, where some models cost more). {@code machine} is set when
 * the query splits by machine. Immutable.
 */
public record UsageRow(String group, String machine, String model, boolean longContext, long messages, long input, long output,
    long cacheWrite, long cacheRead) {}
