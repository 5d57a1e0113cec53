package org.emrkit.interop.fhir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.emrkit.render.ConditionalView;
import org.emrkit.render.EntryView;
import org.emrkit.render.FieldView;
import org.emrkit.render.GroupView;
import org.emrkit.render.ParagraphView;
import org.emrkit.render.Run;
import org.emrkit.render.SectionView;
import org.emrkit.render.WalkTarget;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.Template;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * The walk target that writes a template as Questionnaire items, walked in form mode (all
 * content, an empty entry per group): a group per section, a repeating group per repeat group
 * and repeating table, an item per field ({@link Items}); the conditions around a field (its
 * sections', its {@code if} blocks', its own) become its {@code enableWhen}.
 */
final class QuestionnaireTarget implements WalkTarget {

  private final List<QuestionnaireItemComponent> top = new ArrayList<>();
  private final Deque<List<QuestionnaireItemComponent>> containers = new ArrayDeque<>();
  private final Deque<String> groups = new ArrayDeque<>();
  private final Deque<Expression> conditions = new ArrayDeque<>();
  private final Deque<QuestionnaireItemComponent> sections = new ArrayDeque<>();
  private final Items items;

  QuestionnaireTarget(Template template) {
    this.items = new Items(template);
    containers.push(top);
    groups.push("");
  }

  /** The items, in template order. */
  List<QuestionnaireItemComponent> items() {
    return top;
  }

  @Override
  public void startSection(SectionView s) {
    QuestionnaireItemComponent g = new QuestionnaireItemComponent()
        .setLinkId("#" + s.section().id()).setText(s.section().title())
        .setType(QuestionnaireItemType.GROUP);
    if (s.section().dataElement() != null) {
      g.addCode(Items.element(s.section().dataElement()));
    }
    containers.peek().add(g);
    containers.push(g.getItem());
    sections.push(g);
  }

  @Override
  public void endSection(SectionView s) {
    containers.pop();
    QuestionnaireItemComponent g = sections.pop();
    if (s.section().when() != null) {
      // now that its items are known: a condition on one of them cannot be its enableWhen
      java.util.Set<String> inner = new java.util.HashSet<>();
      links(g.getItem(), inner);
      items.enableWhen(g, List.of(s.section().when()), groups.peek(), inner);
    }
  }

  private static void links(List<QuestionnaireItemComponent> items, java.util.Set<String> out) {
    for (QuestionnaireItemComponent i : items) {
      out.add(i.getLinkId());
      links(i.getItem(), out);
    }
  }

  @Override
  public void startConditional(ConditionalView c) {
    conditions.push(c.conditional().condition());
  }

  @Override
  public void endConditional(ConditionalView c) {
    conditions.pop();
  }

  @Override
  public void startGroup(GroupView g) {
    String linkId = Links.of(g.path());
    QuestionnaireItemComponent item = new QuestionnaireItemComponent().setLinkId(linkId)
        .setText(g.label() != null ? g.label() : g.id()).setType(QuestionnaireItemType.GROUP)
        .setRepeats(true).setRequired(g.min() > 0);
    Items.occurs(item, g.min(), g.max());
    containers.peek().add(item);
    containers.push(item.getItem());
    groups.push(linkId);
  }

  @Override
  public void endGroup(GroupView g) {
    containers.pop();
    groups.pop();
  }

  @Override
  public void startEntry(EntryView e) {
    // form mode walks one empty entry per group: its fields are the group's items
  }

  @Override
  public void paragraph(ParagraphView p) {
    for (Run r : p.runs()) {
      if (r instanceof Run.FieldRun f && f.field().inTemplate() == inEntry()) {
        field(f.field());
      }
    }
  }

  private boolean inEntry() {
    return !groups.peek().isEmpty();
  }

  private void field(FieldView f) {
    Field field = f.field();
    String linkId = Links.of(f.path());
    QuestionnaireItemComponent item = items.item(field, linkId, f.label());
    List<Expression> when = new ArrayList<>(conditions);
    java.util.Collections.reverse(when);
    if (field.when() != null) {
      when.add(field.when());
    }
    if (!when.isEmpty()) {
      items.enableWhen(item, when, groups.peek());
    }
    containers.peek().add(item);
  }
}
