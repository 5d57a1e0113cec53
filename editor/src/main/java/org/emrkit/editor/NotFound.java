package org.emrkit.editor;

import org.emrkit.problem.Message;

/** A record or template the request names is not there. */
public final class NotFound extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Message text;

  /** Not found, saying what. */
  public NotFound(Message text) {
    super(text.en(), null, false, false);
    this.text = text;
  }

  /** What is not there, in both languages. */
  public Message text() {
    return text;
  }
}
