package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import java.util.regex.Pattern;

/** Prop checks shared by the cluster constructs' props. Not public API. */
final class Checks {
  /**
   * The longest cluster name: IAM role names are derived from it ({@code <cluster>-<group>-node}
   * with a node group name of up to {@value ManagedNodeGroupProps#NAME_MAX_LENGTH} characters) and
   * IAM caps them at 64 characters.
   */
  static final int CLUSTER_NAME_MAX_LENGTH = 38;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern IPV4_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
              + "/(3[0-2]|[12]?\\d)");

  private Checks() {}

  /** Fails when a mandatory prop is missing. */
  static <T> T required(String prop, T value) {
    if (value == null) {
      throw new ValidationException(prop + " is required");
    }
    return value;
  }

  /** Fails unless {@code value} is lowercase letters, digits and inner hyphens, within a length. */
  static void dnsLabel(String prop, String value, int maxLength, String why) {
    required(prop, value);
    if (value.length() > maxLength || !DNS_LABEL.matcher(value).matches()) {
      throw new ValidationException(
          prop
              + " ("
              + value
              + ") must be 1 to "
              + maxLength
              + " lowercase letters, digits and hyphens, starting with a letter and ending with"
              + " a letter or digit; "
              + why);
    }
  }

  /** Fails unless {@code value} is an EKS cluster name this project can derive IAM names from. */
  static void clusterName(String prop, String value) {
    dnsLabel(
        prop,
        value,
        CLUSTER_NAME_MAX_LENGTH,
        "IAM role names are derived from it and IAM caps them at 64 characters");
  }

  /** Fails unless {@code value} is an IPv4 CIDR block such as {@code 10.0.0.0/16}. */
  static void cidr(String prop, String value) {
    if (value == null || !IPV4_CIDR.matcher(value).matches()) {
      throw new ValidationException(
          prop + " (" + value + ") must be an IPv4 CIDR block such as 10.0.0.0/16");
    }
  }
}
