package io.otelstack.config;

import io.otelstack.collector.MultilinePreset;

/**
 * One multi-line joining rule of the logs agent. The rules between the fields are {@code
 * MultilineRule}'s, checked once there.
 *
 * @param namespace the namespace it applies to; null for any
 * @param container the container name it applies to; null for any
 * @param preset the stack-trace preset; null when {@code startPattern} is given
 * @param startPattern an RE2 pattern of a record's first line; null when {@code preset} is given
 * @param maxLines most lines in one record; null for the default
 * @param maxSizeKi most KiB in one record; null for the default
 * @param flushSeconds seconds without a new line after which a record is sent; null for the default
 */
public record MultilineSettings(
    String namespace,
    String container,
    MultilinePreset preset,
    String startPattern,
    Integer maxLines,
    Integer maxSizeKi,
    Integer flushSeconds) {}
