package org.emrkit.editor;

import org.emrkit.problem.Message;

/** A request the editor refuses as it stands, with a code and a message in both languages. */
public final class BadRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient Message text;

  /** A refusal with this code ({@code request/...}) and message. */
  public BadRequest(String code, Message text) {
    super(code + ": " + text.en(), null, false, false);
    this.code = code;
    this.text = text;
  }

  /** The refusal's code. */
  public String code() {
    return code;
  }

  /** What was wrong, in Chinese and English. */
  public Message text() {
    return text;
  }
}
