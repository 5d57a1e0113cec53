package org.emrkit.template;

import java.util.List;
import java.util.Objects;

/**
 * A group of fields the record holds as a list (DSL {@code ::: repeat #id}), e.g. the entries of
 * 日常病程记录. The id is the key of the list in the record's values; names inside the group form
 * their own scope.
 *
 * @param id the values key, a field-name-like identifier
 * @param label a label shown on add/remove buttons, or {@code null}
 * @param min the least number of entries (0 or more)
 * @param max the most entries, or {@code null} for {@link TemplateLimits#MAX_REPEATS}
 * @param children the content of one entry; no sections
 */
public record RepeatGroup(String id, String label, int min, Integer max, List<Block> children)
    implements Block {

  /** Checks the id, the bounds and the content. */
  public RepeatGroup {
    Ids.checkName(id, "repeat group id");
    if (label != null && (label.isBlank() || label.indexOf('\n') >= 0)) {
      throw new IllegalArgumentException("repeat group " + id + ": label must be one line");
    }
    Ids.checkRowBounds(min, max, "repeat group " + id);
    children = List.copyOf(children);
    Objects.requireNonNull(children, "children");
    Ids.checkNoSections(children, "repeat group " + id);
  }

  @Override
  public <R> R accept(BlockVisitor<R> visitor) {
    return visitor.visitRepeatGroup(this);
  }
}
