package io.otelstack.config;

import java.util.Objects;

/**
 * Where Terraform keeps the state of the environment's stacks.
 *
 * @param backend {@code s3} for shared environments, {@code local} for experiments
 * @param bucket S3 bucket holding the state (s3 backend)
 * @param region region of the bucket (s3 backend)
 * @param keyPrefix object key prefix; each stack's state is {@code <keyPrefix>/<stack>.tfstate}
 * @param localPath directory of the state files (local backend)
 */
public record StateSettings(
    StateBackend backend, String bucket, String region, String keyPrefix, String localPath) {
  /** Requires every part. */
  public StateSettings {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(localPath, "localPath");
  }
}
