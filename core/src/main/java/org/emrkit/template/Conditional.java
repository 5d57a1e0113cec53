package org.emrkit.template;

import java.util.List;
import java.util.Objects;

/**
 * Content shown and validated only while a condition holds (DSL {@code ::: if EXPR}). Fields
 * inside belong to the enclosing scope.
 *
 * @param condition the condition
 * @param children the content; no sections (use {@link Section#when()} for those)
 */
public record Conditional(Expression condition, List<Block> children) implements Block {

  /** Checks the content. */
  public Conditional {
    Objects.requireNonNull(condition, "condition");
    children = List.copyOf(children);
    if (children.isEmpty()) {
      throw new IllegalArgumentException("conditional " + condition.source() + " is empty");
    }
    Ids.checkNoSections(children, "conditional " + condition.source());
  }

  @Override
  public <R> R accept(BlockVisitor<R> visitor) {
    return visitor.visitConditional(this);
  }
}
