package io.otelstack.config;

import io.otelstack.internal.Checks;

/**
 * IPv4 CIDR arithmetic for the checks the schema's pattern cannot express; the prefix is read by
 * {@link Checks#cidrPrefix}, as the constructs read it.
 */
final class Ipv4Cidr {
  private Ipv4Cidr() {}

  /** The same block with host bits cleared: {@code 10.0.0.1/16} becomes {@code 10.0.0.0/16}. */
  static String network(String cidr) {
    int prefix = Checks.cidrPrefix(cidr);
    String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    long address = 0;
    for (String octet : octets) {
      address = (address << 8) | Integer.parseInt(octet);
    }
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long network = address & mask;
    return (network >> 24 & 0xFF)
        + "."
        + (network >> 16 & 0xFF)
        + "."
        + (network >> 8 & 0xFF)
        + "."
        + (network & 0xFF)
        + "/"
        + prefix;
  }

  /**
   * Adds an error when a CIDR has host bits set. AWS rejects such blocks at apply time; naming the
   * intended block here saves a failed apply.
   */
  static void checkNetwork(Problems problems, String field, String cidr) {
    String network = network(cidr);
    if (!network.equals(cidr)) {
      problems.add(
          field
              + " ("
              + cidr
              + ") has host bits set; a CIDR block starts at its network address: use "
              + network);
    }
  }
}
