package io.otelstack.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks every layer shares: required values, DNS names, CIDR blocks, Kubernetes quantities and
 * whole numbers, each once. Not public API.
 *
 * <p>{@code internal} is the leaf and cannot name {@code ValidationException}, so a {@code Checks}
 * is made with the failure it throws: {@code new Checks(ValidationException::new)}. Each message
 * starts with the prop name the caller passes and says what is allowed.
 */
public final class Checks {
  /** An RFC 1123 label, as a regex without anchors; Kubernetes names most objects with one. */
  public static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  private static final Pattern LABEL = Pattern.compile(DNS_LABEL);
  private static final Pattern SUBDOMAIN = Pattern.compile(DNS_LABEL + "(\\." + DNS_LABEL + ")*");
  private static final Pattern IPV4_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
              + "/(3[0-2]|[12]?\\d)");
  private static final Pattern CPU = Pattern.compile("\\d+(\\.\\d+)?m?");
  private static final Pattern MEMORY = Pattern.compile("\\d+(Ki|Mi|Gi|Ti|K|M|G|T)?");
  private static final Map<String, Long> MEMORY_UNITS =
      Map.of(
          "",
          1L,
          "Ki",
          1L << 10,
          "Mi",
          1L << 20,
          "Gi",
          1L << 30,
          "Ti",
          1L << 40,
          "K",
          1_000L,
          "M",
          1_000_000L,
          "G",
          1_000_000_000L,
          "T",
          1_000_000_000_000L);

  private final Function<String, ? extends RuntimeException> failure;

  /** Checks that throw {@code failure.apply(message)}. */
  public Checks(Function<String, ? extends RuntimeException> failure) {
    this.failure = failure;
  }

  /** Fails when a mandatory prop is null or a blank string; returns it otherwise. */
  public <T> T required(String prop, T value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw failure.apply(prop + " is required");
    }
    return value;
  }

  /**
   * Fails unless {@code value} is a DNS label (RFC 1123) of at most {@code maxLength} characters;
   * {@code why} says where the bound comes from.
   */
  public String dnsLabel(String prop, String value, int maxLength, String why) {
    required(prop, value);
    if (value.length() > maxLength || !LABEL.matcher(value).matches()) {
      throw failure.apply(
          prop
              + " ("
              + value
              + ") must be a DNS label: 1 to "
              + maxLength
              + " lowercase letters, digits and '-', starting and ending with a letter or digit; "
              + why);
    }
    return value;
  }

  /**
   * Fails unless {@code value} is a DNS label that starts with a letter, as the AWS names derived
   * from it need (IAM roles, launch templates).
   */
  public String letterDnsLabel(String prop, String value, int maxLength, String why) {
    required(prop, value);
    if (value.length() > maxLength
        || !LABEL.matcher(value).matches()
        || !Character.isLetter(value.charAt(0))) {
      throw failure.apply(
          prop
              + " ("
              + value
              + ") must be 1 to "
              + maxLength
              + " lowercase letters, digits and hyphens, starting with a letter and ending with"
              + " a letter or digit; "
              + why);
    }
    return value;
  }

  /** Fails unless {@code value} is a DNS subdomain (RFC 1123) of at most 253 characters. */
  public String dnsSubdomain(String prop, String value, String example) {
    required(prop, value);
    if (value.length() > 253 || !SUBDOMAIN.matcher(value).matches()) {
      throw failure.apply(
          prop
              + " ("
              + value
              + ") must be a DNS subdomain: lowercase letters, digits, '-' and '.', e.g. "
              + example);
    }
    return value;
  }

  /** Fails unless {@code value} is an IPv4 CIDR block such as {@code 10.0.0.0/16}. */
  public String cidr(String prop, String value) {
    if (value == null || !IPV4_CIDR.matcher(value).matches()) {
      throw failure.apply(prop + " (" + value + ") must be an IPv4 CIDR block such as 10.0.0.0/16");
    }
    return value;
  }

  /** The prefix length of a CIDR block already checked: 16 for {@code 10.0.0.0/16}. */
  public static int cidrPrefix(String cidr) {
    return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
  }

  /** Fails unless {@code value} is a CPU quantity such as {@code 250m} or {@code 1}. */
  public String cpu(String prop, String value) {
    return quantity(prop, value, CPU, "250m or 1");
  }

  /** Fails unless {@code value} is a memory quantity such as {@code 512Mi} or {@code 1Gi}. */
  public String memory(String prop, String value) {
    return quantity(prop, value, MEMORY, "512Mi or 1Gi");
  }

  private String quantity(String prop, String value, Pattern form, String example) {
    if (value == null || !form.matcher(value).matches()) {
      throw failure.apply(
          prop + " (" + value + ") must be a Kubernetes quantity such as " + example);
    }
    return value;
  }

  /** A CPU quantity already checked, in cores: 0.25 for {@code 250m}. */
  public static BigDecimal cores(String cpu) {
    return cpu.endsWith("m")
        ? new BigDecimal(cpu.substring(0, cpu.length() - 1)).movePointLeft(3)
        : new BigDecimal(cpu);
  }

  /** A memory quantity already checked, in bytes: 536870912 for {@code 512Mi}. */
  public static long bytes(String memory) {
    int unit = memory.length();
    while (!Character.isDigit(memory.charAt(unit - 1))) {
      unit--;
    }
    return Long.parseLong(memory.substring(0, unit)) * MEMORY_UNITS.get(memory.substring(unit));
  }

  /** A whole-number prop: a literal must be whole and becomes an {@link Integer}; a token stays. */
  public Number wholeNumber(String prop, Number value) {
    if (value instanceof Integer || Tokens.isToken(value)) {
      return value;
    }
    double d = value.doubleValue();
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw failure.apply(prop + " (" + value + ") must be a whole number");
    }
    return (int) d;
  }

  /** A positive whole-number prop, {@code fallback} when not given. */
  public int positive(String prop, Integer value, int fallback) {
    int v = value == null ? fallback : value;
    if (v <= 0) {
      throw failure.apply(prop + " (" + v + ") must be > 0; default is " + fallback);
    }
    return v;
  }
}
