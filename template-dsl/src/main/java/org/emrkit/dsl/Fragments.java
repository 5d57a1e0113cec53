package org.emrkit.dsl;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.emrkit.dsl.internal.FragmentParser;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;

/**
 * Pieces of EMR Markdown read on their own, with the same readers the compiler uses, for tools
 * that carry the DSL in pieces (a Word form's content-control tags, a table caption): a field's
 * {@code {{...}}} inside, a section heading, a repeat or if container header, a table attribute
 * line. Each read gives the value or diagnostics with the column in the piece. Immutable and
 * thread-safe; reads run on the caller's thread (a piece is at most {@value #MAX_CHARS}
 * characters).
 */
public final class Fragments {

  /** Longest piece read. */
  public static final int MAX_CHARS = 10_000;

  /** A piece read: its value, or the diagnostics that say why not. */
  public record Result<T>(T value, List<Diagnostic> diagnostics) {
    /** Copies the list. */
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    /** Whether the piece was read. */
    public boolean ok() {
      return value != null;
    }

    /** The first error, for a one-line message. */
    public Diagnostic firstError() {
      return diagnostics.stream().filter(Diagnostic::isError).findFirst().orElse(null);
    }
  }

  /** A section heading: its level, id (given or derived from the title), title, attributes. */
  public record Heading(int level, String id, String title, boolean required,
      String dataElement, String code, Expression when, boolean newPage) {}

  /** A repeat container header ({@code repeat #id min=1 max=10 label="诊断"}). */
  public record Repeat(String id, String label, int min, Integer max) {}

  /**
   * A table attribute line ({@code {: #id widths="1,2" repeat minRows=1 borderless}}), with the
   * table's style; its column alignment when a delimiter row follows the line.
   */
  public record TableAttributes(String id, List<Double> widths, boolean repeat, int minRows,
      Integer maxRows, org.emrkit.template.TableStyle style) {}

  private final FragmentParser parser;

  private Fragments(Set<String> valueSets) {
    this.parser = new FragmentParser(valueSets);
  }

  /** Reads pieces of a template with these value sets (a field may name them). */
  public static Fragments withValueSets(Collection<String> valueSetIds) {
    return new Fragments(Set.copyOf(valueSetIds));
  }

  /** A field from the inside of {@code {{...}}} ({@code chiefComplaint: text required}). */
  public Result<Field> field(String spec) {
    Result<Field> refused = tooLong(spec);
    return refused != null ? refused : of(parser.field(spec), v -> v);
  }

  /** A section heading line ({@code ## 主诉 {#cc required}}). */
  public Result<Heading> heading(String line) {
    Result<Heading> refused = tooLong(line);
    return refused != null ? refused : of(parser.heading(line), h -> new Heading(h.level(),
        h.id(), h.title(), h.required(), h.dataElement(), h.code(), h.when(), h.newPage()));
  }

  /** A repeat container header ({@code repeat #diagnoses min=1}). */
  public Result<Repeat> repeat(String header) {
    Result<Repeat> refused = tooLong(header);
    return refused != null ? refused : of(parser.repeat(header), h -> new Repeat(h.id(),
        h.label(), h.min(), h.max()));
  }

  /** An if container header ({@code if sex == '2'}): its condition. */
  public Result<Expression> condition(String header) {
    Result<Expression> refused = tooLong(header);
    return refused != null ? refused : of(parser.condition(header), v -> v);
  }

  /**
   * A table attribute line, optionally followed by a delimiter row ({@code {: #t} |---|:---:|},
   * how a Word form's table caption carries the columns' alignment).
   */
  public Result<TableAttributes> table(String line) {
    Result<TableAttributes> refused = tooLong(line);
    if (refused != null) {
      return refused;
    }
    java.util.regex.Matcher m = DELIMITER_AFTER.matcher(line);
    List<org.emrkit.template.TableStyle.Align> align = new java.util.ArrayList<>();
    String attributes = line;
    if (m.find()) {
      attributes = line.substring(0, m.start());
      for (String c : m.group(1).substring(1).split("\\|")) {
        align.add(c.startsWith(":") && c.endsWith(":") ? org.emrkit.template.TableStyle.Align.CENTER
            : c.endsWith(":") ? org.emrkit.template.TableStyle.Align.RIGHT
            : org.emrkit.template.TableStyle.Align.LEFT);
      }
    }
    return of(parser.table(attributes), t -> new TableAttributes(t.id(), t.widths(), t.repeat(),
        t.minRows(), t.maxRows(), t.style().withAlign(align)));
  }

  private static final java.util.regex.Pattern DELIMITER_AFTER =
      java.util.regex.Pattern.compile("\\s*(\\|(?::?-{3}:?\\|)+)\\s*$");

  private static <A, B> Result<B> of(FragmentParser.Read<A> read,
      java.util.function.Function<A, B> map) {
    return new Result<>(read.value() == null ? null : map.apply(read.value()),
        read.diagnostics());
  }

  /** The refusal of a piece over {@link #MAX_CHARS}, or {@code null}. */
  private static <T> Result<T> tooLong(String piece) {
    Objects.requireNonNull(piece, "piece");
    if (piece.length() <= MAX_CHARS) {
      return null;
    }
    return new Result<>(null, List.of(new Diagnostic("fragment", 1, 1,
        org.emrkit.problem.Severity.ERROR, "dsl/too-large", new org.emrkit.problem.Message(
            "片段过长(上限 " + MAX_CHARS + " 字符)",
            "the piece is longer than " + MAX_CHARS + " characters"))));
  }
}
