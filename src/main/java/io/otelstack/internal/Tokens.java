package io.otelstack.internal;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import java.util.List;

/**
 * Props that may be Terraform tokens: references resolved only at apply time, such as the variables
 * of a synthesized module. Not public API.
 *
 * <p>A token's value is unknown at synthesis, so the constructs skip the checks of a prop given as
 * a token; whoever passes the token checks it (the module, with a variable {@code validation}).
 */
public final class Tokens {
  private Tokens() {}

  /** Whether {@code value} is, or contains, a token rather than being a literal. */
  public static boolean isToken(Object value) {
    // Token.isUnresolved is a round trip to the jsii runtime, and synth asks it of nearly every
    // prop: about 1,800 calls per synth. Literals that cannot hold a token's encoding are ruled out
    // here first; everything else is asked. Encodings: strings and lists carry a ${TfToken[...]},
    // #{TfToken[...]} or &{TfToken[...]} marker, and numbers are doubles whose top bits put them
    // beyond 1e280.
    if (value == null || value instanceof Integer || value instanceof Long) {
      return false;
    }
    if (value instanceof Double d && Math.abs(d) < 1e280) {
      return false;
    }
    if (value instanceof String text && !text.contains(MARKER)) {
      return false;
    }
    if (value instanceof List<?> list
        && list.stream().allMatch(e -> e instanceof String text && !text.contains(MARKER))) {
      return false;
    }
    return Token.isUnresolved(value);
  }

  private static final String MARKER = "{TfToken[";

  /** The elements joined by {@code separator}; a list token is joined by Terraform. */
  public static String join(String separator, List<String> elements) {
    return isToken(elements) ? Fn.join(separator, elements) : String.join(separator, elements);
  }

  /**
   * A list for YAML values: the list itself, or, given as one token of the list's JSON text ({@code
   * jsonencode}), that text, which the YAML rendered around it reads back as the list once
   * Terraform has put it in. The token is made once by the caller, so every rendering is the same.
   */
  public static Object yamlList(List<String> elements) {
    return elements.size() == 1 && isToken(elements.get(0)) ? elements.get(0) : elements;
  }

  /** A number written into a string: the literal's digits, or the token's reference. */
  public static String text(Number value) {
    return isToken(value) ? Token.asString(value) : value.toString();
  }
}
