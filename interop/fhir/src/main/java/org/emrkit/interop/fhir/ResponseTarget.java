package org.emrkit.interop.fhir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.GroupView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * The walk target that writes a record as QuestionnaireResponse items, walked in form mode so
 * that values the record keeps under a condition that does not hold are written too: a group
 * per section that holds an answer, an item per entry of a repeat group, an item per field
 * with a value ({@link Answers}); a calculated or context field's answer is what it shows.
 */
final class ResponseTarget implements WalkTarget {

  private final Template template;
  private final List<QuestionnaireResponseItemComponent> top = new ArrayList<>();
  private final Deque<List<QuestionnaireResponseItemComponent>> containers = new ArrayDeque<>();
  private final Deque<QuestionnaireResponseItemComponent> sections = new ArrayDeque<>();
  private final Deque<String> groups = new ArrayDeque<>();
  private int templateEntries;

  ResponseTarget(Template template) {
    this.template = template;
    containers.push(top);
  }

  List<QuestionnaireResponseItemComponent> items() {
    return top;
  }

  @Override
  public void startSection(SectionView s) {
    QuestionnaireResponseItemComponent g = new QuestionnaireResponseItemComponent()
        .setLinkId("#" + s.section().id()).setText(s.section().title());
    sections.push(g);
    containers.push(g.getItem());
  }

  @Override
  public void endSection(SectionView s) {
    containers.pop();
    QuestionnaireResponseItemComponent g = sections.pop();
    if (!g.getItem().isEmpty()) {
      containers.peek().add(g);
    }
  }

  @Override
  public void startGroup(GroupView g) {
    groups.push(Links.of(g.path()));
  }

  @Override
  public void endGroup(GroupView g) {
    groups.pop();
  }

  @Override
  public void startEntry(EntryView e) {
    if (e.isTemplate()) {
      templateEntries++;
      return;
    }
    QuestionnaireResponseItemComponent entry = new QuestionnaireResponseItemComponent()
        .setLinkId(groups.peek());
    containers.peek().add(entry);
    containers.push(entry.getItem());
  }

  @Override
  public void endEntry(EntryView e) {
    if (e.isTemplate()) {
      templateEntries--;
    } else {
      containers.pop();
    }
  }

  @Override
  public void paragraph(ParagraphView p) {
    if (templateEntries > 0) {
      return;
    }
    for (Run r : p.runs()) {
      if (r instanceof Run.FieldRun f) {
        field(f.field());
      }
    }
  }

  /**
   * The answers of a stored value; a value of another kind than its field's (which only a record
   * built through the API holds; {@code field/value-type} finds it) or a time FHIR cannot write
   * (before year 1 or after 9999) is refused with its pointer, not written as something else.
   */
  private void answer(FieldView f, QuestionnaireResponseItemComponent item) {
    org.emrkit.record.Value v = f.value();
    boolean blank = v instanceof org.emrkit.record.Value.Str s && s.value().isEmpty();
    if (!blank && !v.fits(f.field().type())) {
      throw new org.emrkit.render.RenderException("render/value-type", f.path(),
          org.emrkit.problem.Message.of("字段值与字段类型不符，不能导出(见 field/value-type)：" + f.path(),
              "a value of another kind than its field's cannot be exported (see"
                  + " field/value-type): " + f.path()), null);
    }
    try {
      Answers.write(template, f.field(), v, item);
    } catch (ca.uhn.fhir.parser.DataFormatException e) {
      throw new org.emrkit.render.RenderException("render/value-range", f.path(),
          org.emrkit.problem.Message.of("FHIR 不能表示此值(日期时间限公元 1–9999 年)：" + f.path(),
              "FHIR cannot write this value (dates and times are years 1 to 9999): "
                  + f.path()), e);
    }
  }

  private void field(FieldView f) {
    QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent()
        .setLinkId(Links.of(f.path())).setText(f.label());
    FieldType type = f.field().type();
    if (type == FieldType.CALC || type == FieldType.MACRO) {
      String shown = f.text();
      if (shown.isEmpty()) {
        return;
      }
      if (type == FieldType.CALC) {
        try {
          item.addAnswer().setValue(new DecimalType(new java.math.BigDecimal(shown)));
        } catch (NumberFormatException e) {
          item.addAnswer().setValue(new StringType(shown));
        }
      } else {
        item.addAnswer().setValue(new StringType(shown));
      }
    } else if (f.value() != null) {
      answer(f, item);
      if (!f.visible()) {
        Answers.inactive(item);
      }
    } else {
      return;
    }
    containers.peek().add(item);
  }
}
