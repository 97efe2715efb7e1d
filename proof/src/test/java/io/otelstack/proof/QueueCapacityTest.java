package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Through a backend outage the StatefulSet keeps more sampled traces than its queue has batches:
 * the tail sampler releases one request per trace, so a queue counted in requests would drop them.
 */
class QueueCapacityTest {
  @Test
  void keepsMoreSampledTracesThanQueueBatchesThroughAnOutage() {
    GeneratedStack stack = ProofStacks.underProof();
    int traces = stack.environment().queue().sizeBatches() + 1_000;
    QueueCapacity.Figures figures = QueueCapacity.run(stack, traces);
    System.out.println("queue capacity: " + figures);
    assertThat(figures.traces().lost()).isZero();
  }
}
