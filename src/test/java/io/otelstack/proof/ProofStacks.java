package io.otelstack.proof;

import java.nio.file.Path;

/** The generated stack the proof tests run on: prod unless {@code -Dproof.environment} says so. */
final class ProofStacks {
  private ProofStacks() {}

  /** The environment under proof. */
  static String environment() {
    return System.getProperty("proof.environment", "prod");
  }

  /** The generated stack of the environment under proof. */
  static GeneratedStack underProof() {
    String dir = System.getProperty("proof.stackDir");
    if (dir != null) {
      return GeneratedStack.fromDirectory(environment(), Path.of(dir));
    }
    throw new AssertionError("generation from the environment model is not wired yet");
  }
}
