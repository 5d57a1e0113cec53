package org.emrkit.template;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A run of literal template text with character styles.
 *
 * @param text the text, not empty, without line breaks (use {@link LineBreak})
 * @param styles the styles; superscript and subscript exclude each other
 */
public record Text(String text, Set<TextStyle> styles) implements Inline {

  /** Checks the text and copies the styles. */
  public Text {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text run must not be empty");
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("text run must not contain a line break; use LineBreak");
    }
    styles = Set.copyOf(styles);
    if (styles.contains(TextStyle.SUPERSCRIPT) && styles.contains(TextStyle.SUBSCRIPT)) {
      throw new IllegalArgumentException("text cannot be both superscript and subscript: " + text);
    }
  }

  /** Plain text. */
  public static Text of(String text) {
    return new Text(text, Set.of());
  }

  /** Text with the given styles. */
  public static Text of(String text, TextStyle first, TextStyle... more) {
    return new Text(text, EnumSet.of(first, more));
  }

  /** Whether this run has the style. */
  public boolean has(TextStyle style) {
    return styles.contains(style);
  }

  @Override
  public <R> R accept(InlineVisitor<R> visitor) {
    return visitor.visitText(this);
  }
}
