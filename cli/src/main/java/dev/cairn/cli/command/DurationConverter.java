package dev.cairn.cli.command;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses durations as people type them: {@code 0}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 7d}. Stateless. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhd]?)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value == null ? "" : value.strip());
    if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
      throw new CommandLine.TypeConversionException("expected a duration like 30s, 15m, 2h or 7d (or 0), found '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ZERO;
    };
  }

  public static String format(Duration d) {
    long s = d.toSeconds();
    return s % 86_400 == 0 && s > 0 ? s / 86_400 + "d" : s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
  }
}
