package io.otelstack.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where Terraform keeps state. YAML values are {@link #value()}. */
public enum StateBackend {
  /** An S3 bucket, for shared environments. */
  S3("s3"),
  /** A local file, for experiments on one machine. */
  LOCAL("local");

  private final String value;

  StateBackend(String value) {
    this.value = value;
  }

  /** The YAML value, which is also Terraform's backend type name. */
  @JsonValue
  public String value() {
    return value;
  }
}
