package org.emrkit.template;

/** A hard line break inside a paragraph. */
public record LineBreak() implements Inline {

  /** The one line break value. */
  public static final LineBreak INSTANCE = new LineBreak();

  @Override
  public <R> R accept(InlineVisitor<R> visitor) {
    return visitor.visitLineBreak(this);
  }
}
