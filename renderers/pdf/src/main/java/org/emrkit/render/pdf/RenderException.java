package org.emrkit.render.pdf;

/**
 * Rendering failed for a reason the caller can act on (a character no registered font has, an
 * unreadable font), with where it happened (a JSON pointer into the record, or {@code ""}).
 */
public final class RenderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String location;

  /** A failure at {@code location}. */
  public RenderException(String location, String message, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** Where it happened: a JSON pointer into the record, or {@code ""}. */
  public String location() {
    return location;
  }
}
