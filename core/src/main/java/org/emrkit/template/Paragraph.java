package org.emrkit.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A paragraph of inline runs: styled text and fields.
 *
 * <p>The constructor normalises the runs: adjacent {@link Text} runs with the same styles are
 * joined, so two paragraphs that read the same are equal.
 *
 * @param inlines the runs; at least one that is not a line break
 */
public record Paragraph(List<Inline> inlines) implements Block {

  /** Copies and normalises the runs. */
  public Paragraph {
    List<Inline> joined = new ArrayList<>(inlines.size());
    for (Inline inline : inlines) {
      java.util.Objects.requireNonNull(inline, "inline");
      int last = joined.size() - 1;
      if (inline instanceof Text t && last >= 0 && joined.get(last) instanceof Text p
          && p.styles().equals(t.styles())) {
        joined.set(last, new Text(p.text() + t.text(), t.styles()));
      } else {
        joined.add(inline);
      }
    }
    if (joined.stream().allMatch(i -> i instanceof LineBreak)) {
      throw new IllegalArgumentException("a paragraph needs text, a field or a page number, "
          + "not only line breaks");
    }
    inlines = List.copyOf(joined);
  }

  /** A paragraph of the given runs. */
  public static Paragraph of(Inline... inlines) {
    return new Paragraph(Arrays.asList(inlines));
  }

  /** A paragraph of plain text. */
  public static Paragraph text(String text) {
    return of(Text.of(text));
  }

  /** The fields of this paragraph, in order. */
  public List<Field> fields() {
    List<Field> out = new ArrayList<>();
    for (Inline i : inlines) {
      if (i instanceof Field f) {
        out.add(f);
      }
    }
    return out;
  }

  @Override
  public <R> R accept(BlockVisitor<R> visitor) {
    return visitor.visitParagraph(this);
  }
}
