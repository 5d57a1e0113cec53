package org.emrkit.render;

import java.util.List;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.Section;

/**
 * A field where it occurs in a record: the field, the JSON pointer of its value, the value,
 * whether it shows, the values of its scope, the sections around it; the text it shows
 * ({@link Resolver#text}), what it is called ({@link #label()}) and, for a signature field,
 * whether the signature is valid ({@link #signature()}), all three worked out when first asked.
 */
public final class FieldView {

  private final Field field;
  /** The pointer of the field's scope; its own is made from it when first asked for. */
  private final String prefix;
  private String path;
  private final Value value;
  private String text;
  private final boolean holds;
  private final boolean visible;
  private final Values scope;
  private final List<Section> sections;
  private final boolean inTemplate;
  private final Resolver resolver;
  private final LabelHints hints;
  private String label;
  private final String empty;
  private final List<Amendment> amended;
  private final boolean showSuperseded;
  private boolean unitShared;
  private java.util.Optional<TracedText> traced;
  private SignatureState state;

  /**
   * Where a field stands in its paragraph, which is what its label is taken from; worked out
   * each time it is asked ({@link FieldView#label} keeps what it gives).
   */
  record LabelHints(Field field, String textBefore, boolean first, boolean alone, CellView cell,
      String sectionTitle, LabelCache cache) implements java.util.function.Supplier<String> {
    @Override
    public String get() {
      return Labels.field(field, textBefore, first, alone, cell == null ? null : cell.label(),
          sectionTitle, cache);
    }
  }

  FieldView(Field field, String prefix, Value value, boolean holds, boolean visible,
      Values scope, List<Section> sections, boolean inTemplate, Resolver resolver,
      LabelHints hints, String empty, List<Amendment> amended, boolean showSuperseded) {
    this.field = field;
    this.prefix = prefix;
    this.value = value;
    this.holds = holds;
    this.visible = visible;
    this.scope = scope;
    this.sections = sections;
    this.inTemplate = inTemplate;
    this.resolver = resolver;
    this.hints = hints;
    this.empty = empty;
    this.amended = amended;
    this.showSuperseded = showSuperseded;
  }

  /**
   * For a superseded signature that prints, the part to strike through (the signer and time, not
   * the 已修改 note after them); else {@code ""}.
   */
  public String struckSignature() {
    return field.type() == org.emrkit.template.FieldType.SIGNATURE && showSuperseded
        && signature() == SignatureState.SUPERSEDED
        ? resolver.signer(field, scope, value, inSheetRow()) : "";
  }

  /**
   * The field's text as 痕迹打印 shows it, when the walk traces amendments and this value was
   * amended: the text as signed or as its writer left it (before its first amendment), each
   * amendment's deletions struck and insertions put in under its own name and time, numbered
   * when there are several.
   */
  public java.util.Optional<TracedText> traced() {
    if (traced == null) {
      traced = amended.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of(trace());
    }
    return traced;
  }

  private TracedText trace() {
    // a narrative field is traced in its words, without its marks
    java.util.function.UnaryOperator<String> words =
        field.type() == org.emrkit.template.FieldType.RICHTEXT
            ? org.emrkit.record.RichText::plain : java.util.function.UnaryOperator.identity();
    // one change: who and when; several: each numbered as its pieces are marked
    StringBuilder note = new StringBuilder();
    List<TracedText.Step> steps = new java.util.ArrayList<>();
    for (int i = 0; i < amended.size(); i++) {
      Amendment a = amended.get(i);
      note.append(amended.size() > 1 ? (i > 0 ? " " : "") + TracedText.stepMark(i + 1) : "")
          .append(a.who()).append(a.when());
      if (i > 0 && !a.oldValue().equals(amended.get(i - 1).newValue())) {
        // changed in between by what is no amendment (a row replaced whole, a value written
        // again from empty): this amendment is measured from what it changed, not from before
        steps.add(new TracedText.Step(words.apply(a.oldValue()), ""));
      }
      // the last step ends at the text shown now, unless something that is no amendment
      // changed it since (its writer writing it again): that is drawn unnamed after it, not
      // put in the last amender's name
      String after = a.newValue();
      if (i == amended.size() - 1 && words.apply(after).equals(words.apply(text()))) {
        after = text();
      }
      steps.add(new TracedText.Step(words.apply(after), a.who() + a.when()));
    }
    if (!words.apply(amended.get(amended.size() - 1).newValue()).equals(words.apply(text()))) {
      steps.add(new TracedText.Step(words.apply(text()), ""));
    }
    note.append(" 修改");
    return TracedText.of(words.apply(amended.get(0).oldValue()), steps, note.toString());
  }

  /**
   * What the field shows when its {@link #text()} is empty: {@code null} for a line to write on
   * (a signature line, an edit form, a draft printed for handwriting), else a placeholder or
   * {@code ""} for nothing, and then no unit either ("_____ ml" invites writing).
   */
  public String emptyText() {
    return empty;
  }

  /**
   * The unit the field prints after its value, or {@code null}: the field's own, unless the value
   * is the first of a pair that shares it ("150/90 mmHg", not "150 mmHg / 90 mmHg").
   */
  public String unit() {
    return unitShared ? null : field.unit();
  }

  /** The value is the first of a pair written with one unit after the second. */
  void shareUnitWithNext() {
    unitShared = true;
  }

  /** The template's field. */
  public Field field() {
    return field;
  }

  /**
   * What works out {@link #label} without this view: for a holder that outlives the walk (a
   * validation's field occurrences keep it, not the view and all it refers to).
   */
  public java.util.function.Supplier<String> labeller() {
    return hints;
  }

  /** JSON pointer of the field's scope: {@code /values}, or a row's ({@code /values/diagnoses/0}). */
  public String scopePath() {
    return prefix;
  }

  /** JSON pointer of the value in the record ({@code /values/diagnoses/0/diagnosis}). */
  public String path() {
    String p = path;
    if (p == null) {
      p = pointer(prefix, field);
      path = p;
    }
    return p;
  }

  /** The JSON pointer of {@code field} in the scope at {@code scopePath}. */
  public static String pointer(String scopePath, Field field) {
    return scopePath + "/" + field.name();
  }

  /** The value, or {@code null} (always {@code null} in an edit form's template entry). */
  public Value value() {
    return value;
  }

  /** The text the field shows; {@code ""} when it has none (worked out when first asked). */
  public String text() {
    if (text == null) {
      text = field.type() != org.emrkit.template.FieldType.SIGNATURE
          ? resolver.text(field, scope) : signatureText();
    }
    return text;
  }

  /** Whether the field's own {@code when} holds (true without one). */
  public boolean holds() {
    return holds;
  }

  /** Whether the field shows: its {@code when} and everything around it holds. */
  public boolean visible() {
    return visible;
  }

  /** The values of the field's scope (an entry's values inside repeats). */
  public Values scope() {
    return scope;
  }

  /** The sections around the field, outermost first. */
  public List<Section> sections() {
    return sections;
  }

  /** Whether the field belongs to the empty template entry of an edit form. */
  public boolean inTemplate() {
    return inTemplate;
  }

  /** What the field is called for people; see {@link Labels}. */
  public String label() {
    if (label == null) {
      label = hints.get();
    }
    return label;
  }

  /**
   * What a signature field shows, true to the record's signatures: a valid signature its signer
   * and time; a superseded one the same and the 已修改 note, or nothing when the options leave
   * superseded signatures out; a value no signature stands for, or none, nothing (an empty
   * signature line, never a name typed into the field).
   */
  private String signatureText() {
    return switch (signature()) {
      case VALID -> resolver.signer(field, scope, value, inSheetRow());
      case SUPERSEDED -> showSuperseded ? resolver.signer(field, scope, value, inSheetRow())
          + resolver.supersededNote(value) : "";
      case UNSIGNED, UNVERIFIED -> "";
    };
  }

  /** The state of a signature field's value (for other fields {@link SignatureState#UNSIGNED}). */
  public SignatureState signature() {
    if (state == null) {
      state = resolver.signature(value, valuesPointer());
    }
    return state;
  }

  /** Whether the field lies in the repeated row of a repeating table (a sheet's row). */
  private boolean inSheetRow() {
    CellView c = hints.cell();
    return c != null && c.table().repeating() && c.cell().row() == c.table().rows() - 1;
  }

  private String valuesPointer() {
    String p = path();
    return p.startsWith("/values") ? p.substring(7) : p;
  }
}
