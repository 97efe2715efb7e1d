package io.otelstack.collector;

/**
 * Ready-made ways to tell where a multi-line record (a stack trace) continues. Each is a pattern of
 * the lines that continue the record before them; every other line starts a new record, so a
 * container that never prints a stack trace keeps one record per line.
 */
public enum MultilinePreset {
  /**
   * Java: indented lines ({@code \tat ...}, {@code \t... 12 more}), {@code Caused by:} and {@code
   * Suppressed:}, and the exception line itself ({@code java.lang.IllegalStateException: boom}), so
   * that a logger's message line and its stack trace are one record.
   */
  JAVA(
      "java",
      "^(\\s|Caused by:|Suppressed:|([a-zA-Z_]\\w*\\.)+\\w*(Exception|Error|Throwable)\\b)"),
  /**
   * Python: indented lines ({@code File "...", line 3}, the source line), {@code Traceback (most
   * recent call last):}, the chaining sentences and the closing {@code ValueError: ...} line.
   */
  PYTHON(
      "python",
      "^(\\s|Traceback \\(most recent call last\\)|During handling of the above exception"
          + "|The above exception was the direct cause"
          + "|[A-Za-z_][\\w.]*(Error|Exception|Exit|Interrupt|Warning)\\b)");

  private final String value;
  private final String continuation;

  MultilinePreset(String value, String continuation) {
    this.value = value;
    this.continuation = continuation;
  }

  /** The name environment files use, e.g. {@code java}. */
  public String value() {
    return value;
  }

  /** The RE2 pattern of a continuation line. */
  public String continuation() {
    return continuation;
  }

  /** The preset named {@code value}, or null if none is. */
  public static MultilinePreset of(String value) {
    for (MultilinePreset p : values()) {
      if (p.value.equals(value)) {
        return p;
      }
    }
    return null;
  }
}
