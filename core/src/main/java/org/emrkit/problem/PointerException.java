package org.emrkit.problem;

import java.util.Objects;

/**
 * An error thrown as a problem: a stable code, a JSON pointer to what caused it ({@code ""} for
 * the document as a whole) and why, in Chinese and English. The renderers' and the importers'
 * exceptions are these.
 */
public abstract class PointerException extends RuntimeException implements Problem {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String pointer;
  private final Message message;

  /** A failure at {@code pointer}. */
  protected PointerException(String code, String pointer, Message message, Throwable cause) {
    super(Objects.requireNonNull(message, "message").en(), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.message = message;
  }

  @Override
  public String code() {
    return code;
  }

  /** Always an error. */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  /** JSON pointer of what caused it, or {@code ""}. */
  public String pointer() {
    return pointer;
  }

  @Override
  public Location location() {
    return new Location.Pointer(pointer);
  }

  @Override
  public Message message() {
    return message;
  }
}
