package org.emrkit.edit;

import java.util.Objects;
import org.emrkit.problem.Message;

/** A signing service's refusal, with what to tell the signer in Chinese and English. */
public final class SigningException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What to tell the signer. */
  private final transient Message message;

  /** A refusal saying {@code message}. */
  public SigningException(Message message) {
    this(message, null);
  }

  /** A refusal saying {@code message}, caused by {@code cause}. */
  public SigningException(Message message, Throwable cause) {
    super(Objects.requireNonNull(message, "message").en(), cause);
    this.message = message;
  }

  /** What to tell the signer. */
  public Message message() {
    return message;
  }
}
