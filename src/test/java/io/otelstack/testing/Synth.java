package io.otelstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Synthesizes stacks for property tests and reads the result as JSON. */
public final class Synth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Synth() {}

  /** A fresh stack in a fresh test app, as the house style asks for every test. */
  public static TerraformStack stack() {
    return new TerraformStack(Testing.app(), "test");
  }

  /** The stack's synthesized Terraform JSON. */
  public static JsonNode json(TerraformStack stack) {
    return parse(Testing.synth(stack));
  }

  /** Parses synthesized JSON text. */
  public static JsonNode parse(String synthesized) {
    try {
      return JSON.readTree(synthesized);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The single resource of a type in a synthesized stack, failing when there is none or several
   * (tests about one resource must not silently pick one of many).
   */
  public static JsonNode onlyResource(JsonNode synthesized, String type) {
    JsonNode all = synthesized.path("resource").path(type);
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one " + type + ", found " + all.size());
    }
    return all.elements().next();
  }
}
