package org.emrkit.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The part of every builder that adds blocks: paragraphs, tables, repeat groups and
 * conditionals. Not thread-safe.
 *
 * @param <B> the concrete builder, returned for chaining
 */
public abstract class BlocksBuilder<B extends BlocksBuilder<B>> {

  final List<Block> blocks = new ArrayList<>();

  BlocksBuilder() {}

  /** This builder, typed as its subclass. */
  abstract B self();

  /** Adds a block. */
  public B block(Block block) {
    blocks.add(Objects.requireNonNull(block, "block"));
    return self();
  }

  /** Adds a paragraph of these runs. */
  public B paragraph(Inline... inlines) {
    return block(Paragraph.of(inlines));
  }

  /**
   * Adds a paragraph from parts: a {@link String} becomes plain text, an {@link Inline} or
   * {@link FieldBuilder} stands as it is. {@code line("体温：", temp, "℃")}.
   */
  public B line(Object... parts) {
    return block(paragraphOf(parts));
  }

  /** Adds a table. */
  public B table(Table table) {
    return block(table);
  }

  /** Adds a repeat group built by {@code body}. */
  public B repeat(String id, Consumer<RepeatGroupBuilder> body) {
    RepeatGroupBuilder b = new RepeatGroupBuilder(id);
    body.accept(b);
    return block(b.build());
  }

  /** Adds content shown only while {@code condition} holds. */
  public B conditional(String condition, Consumer<ContentBuilder> body) {
    ContentBuilder b = new ContentBuilder();
    body.accept(b);
    return block(new Conditional(new Expression(condition), b.build()));
  }

  static Paragraph paragraphOf(Object... parts) {
    List<Inline> inlines = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String s) {
        inlines.add(Text.of(s));
      } else if (part instanceof Inline i) {
        inlines.add(i);
      } else if (part instanceof FieldBuilder f) {
        inlines.add(f.build());
      } else {
        throw new IllegalArgumentException("a paragraph part must be a String, an Inline or a "
            + "FieldBuilder, not " + (part == null ? "null" : part.getClass().getSimpleName()));
      }
    }
    return new Paragraph(inlines);
  }

  /** Builds plain content: a list of blocks (cells, conditionals, page areas). */
  public static final class ContentBuilder extends BlocksBuilder<ContentBuilder> {
    ContentBuilder() {}

    @Override
    ContentBuilder self() {
      return this;
    }

    /** The blocks added so far. */
    public List<Block> build() {
      return List.copyOf(blocks);
    }
  }

  /** Builds a {@link RepeatGroup}. */
  public static final class RepeatGroupBuilder extends BlocksBuilder<RepeatGroupBuilder> {
    private final String id;
    private String label;
    private int min;
    private Integer max;

    RepeatGroupBuilder(String id) {
      this.id = id;
    }

    @Override
    RepeatGroupBuilder self() {
      return this;
    }

    /** Sets the label of the add/remove buttons. */
    public RepeatGroupBuilder label(String label) {
      this.label = label;
      return this;
    }

    /** Sets the least number of entries. */
    public RepeatGroupBuilder min(int min) {
      this.min = min;
      return this;
    }

    /** Sets the most entries. */
    public RepeatGroupBuilder max(Integer max) {
      this.max = max;
      return this;
    }

    /** Builds the group. */
    public RepeatGroup build() {
      return new RepeatGroup(id, label, min, max, blocks);
    }
  }
}
