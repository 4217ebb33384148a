package dev.cairn.web;

/**
 * Prices for the usage page, supplied by the composition root (the price table lives with the CLI's
 * usage verb): the cost of some tokens of a model, or NaN when the model has no price. Thread-safe
 * implementations only (pages are served concurrently).
 */
public interface Pricing {
  /** Dollars for these tokens of {@code model}, or {@link Double#NaN} when it is unpriced. */
  double cost(String model, boolean longContext, long input, long output, long cacheWrite, long cacheRead);

  /** Which table priced the page ("bundled 2025-11-20", ...), for the page to say. */
  String describe();

  /** Nothing priced (tests, a home without a table). */
  Pricing NONE = new Pricing() {
    @Override
    public double cost(String model, boolean longContext, long input, long output, long cacheWrite, long cacheRead) {
      return Double.NaN;
    }

    @Override
    public String describe() {
      return "no price table";
    }
  };
}
