package dev.cairn.bench;

/**
 * One measured figure beside its ceiling, measured in the same run on the same data. {@code
 * ratio} = value / ceilingValue for throughputs (higher is better) and ceilingValue / value for
 * latencies and costs (so 1.0 always means "at the ceiling"); NaN when there is no ceiling.
 * Immutable.
 */
public record Figure(String name, double value, String unit, String ceiling, double ceilingValue, double ratio, String note) {
  public static Figure throughput(String name, double value, String unit, String ceiling, double ceilingValue, String note) {
    return new Figure(name, value, unit, ceiling, ceilingValue, ceilingValue > 0 ? value / ceilingValue : Double.NaN, note);
  }

  public static Figure cost(String name, double value, String unit, String ceiling, double ceilingValue, String note) {
    return new Figure(name, value, unit, ceiling, ceilingValue, value > 0 ? ceilingValue / value : (ceilingValue == 0 ? 1.0 : Double.NaN), note);
  }

  public static Figure plain(String name, double value, String unit, String note) {
    return new Figure(name, value, unit, "-", Double.NaN, Double.NaN, note);
  }
}
