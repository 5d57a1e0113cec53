package org.emrkit.render;

import java.util.Objects;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.problem.Problem;
import org.emrkit.problem.Severity;

/**
 * A record could not be rendered: a stable code ({@code render/missing-glyph},
 * {@code render/template-mismatch}, {@code render/io}, ...), where (a JSON pointer into the
 * record when a value is the cause) and why, in Chinese and English. Every renderer throws this
 * and only this for a failed rendering; nothing has been written to a file a renderer was asked
 * to replace.
 */
public final class RenderException extends RuntimeException implements Problem {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String pointer;
  private final Message message;

  /** A failure at {@code pointer} ({@code ""} for the record as a whole). */
  public RenderException(String code, String pointer, Message message, Throwable cause) {
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

  /** JSON pointer of the value that caused it, or {@code ""}. */
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
