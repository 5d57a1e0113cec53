package org.emrkit.problem;

import java.util.Objects;

/**
 * A message for people, in Chinese and English: {@code 主诉超过20字(当前26字)} /
 * {@code chief complaint longer than 20 characters (26)}.
 *
 * @param zh the Chinese text
 * @param en the English text
 */
public record Message(String zh, String en) {

  /** Checks that both texts are present. */
  public Message {
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** Shorthand for {@code new Message(zh, en)}. */
  public static Message of(String zh, String en) {
    return new Message(zh, en);
  }

  /** {@code zh(en)}, the form used in one-line diagnostics. */
  @Override
  public String toString() {
    return zh + "(" + en + ")";
  }
}
