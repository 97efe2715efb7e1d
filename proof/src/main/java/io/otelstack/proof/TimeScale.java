package io.otelstack.proof;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production time compressed for a scenario: every interval and window is shortened by the same
 * factor, so their ratios (samples per rate window, windows per scrape, lookback per scrape) stay
 * those of production. Used where production's minutes would make a test take hours: the alerts'
 * windows, the rate windows in their queries, the collectors' self-scrape and the query lookback.
 *
 * @param perMinute what one production minute becomes
 */
record TimeScale(Duration perMinute) {
  private static final Pattern RANGE = Pattern.compile("\\[(\\d+)([smh])]");

  /** A production duration, scaled. */
  Duration of(Duration production) {
    return perMinute
        .multipliedBy(production.toMillis())
        .dividedBy(Duration.ofMinutes(1).toMillis());
  }

  /** A production duration of {@code minutes}, scaled. */
  Duration minutes(int minutes) {
    return perMinute.multipliedBy(minutes);
  }

  /** A Prometheus duration such as {@code 30s}, scaled, in Prometheus' notation. */
  String of(String prometheusDuration) {
    return of(parse(prometheusDuration)).toMillis() + "ms";
  }

  /** PromQL with every range selector ({@code [5m]}) scaled. */
  String ranges(String promql) {
    Matcher m = RANGE.matcher(promql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "[" + of(m.group(1) + m.group(2)) + "]");
    }
    return m.appendTail(out).toString();
  }

  private static Duration parse(String d) {
    long n = Long.parseLong(d.substring(0, d.length() - 1));
    return switch (d.charAt(d.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new AssertionError("not a Prometheus duration in s, m or h: " + d);
    };
  }
}
