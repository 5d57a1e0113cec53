package org.emrkit.examples;

/** Unusable input or bad usage: the CLI prints the one-line reason and exits with 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
