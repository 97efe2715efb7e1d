package io.otelstack.proof;

/**
 * The generated stack the proof runs on: prod unless {@code -Dproof.environment} names another.
 * Generated once per test JVM, since every scenario reads the same values.
 */
final class ProofStacks {
  private static GeneratedStack stack;

  private ProofStacks() {}

  /** The generated stack of the environment under proof. */
  static synchronized GeneratedStack underProof() {
    if (stack == null) {
      stack = GeneratedStack.of(System.getProperty("proof.environment", "prod"));
    }
    return stack;
  }
}
