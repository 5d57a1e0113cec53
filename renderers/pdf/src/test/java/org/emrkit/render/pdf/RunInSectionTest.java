package org.emrkit.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Paragraph;
import org.emrkit.template.Section;
import org.emrkit.template.Template;
import org.emrkit.template.Text;
import org.junit.jupiter.api.Test;

/** Run-in headings print on their paragraph's line; content after a closed section follows it. */
class RunInSectionTest {

  static Template template() {
    Section cc = new Section("chief-complaint", "主诉", true, "DE04.01.119.00", null, null,
        List.of(Paragraph.of(Field.builder("cc", FieldType.TEXT).build())), true);
    Section hpi = new Section("hpi", "现病史", false, null, null, null,
        List.of(Paragraph.of(Text.of("患者"), Field.builder("hpi", FieldType.RICHTEXT).build())),
        true);
    Section aux = Section.builder("辅助检查").id("aux")
        .paragraph(Field.builder("aux", FieldType.RICHTEXT).build()).build();
    Section history = new Section("history", "病史", false, null, null, null,
        List.of(cc, hpi, aux), false);
    return Template.builder("run-in", "1.0.0", "入院记录").block(history)
        .line("诊断：", Field.builder("dx", FieldType.TEXT).build()).build();
  }

  static Record record(Template t) {
    return Record.draft("R-1", t, Context.EMPTY).withValues(Values.of(Map.of(
        "cc", new Value.Str("反复胸闷3天"), "hpi", new Value.Str("3天前活动后胸闷。"),
        "aux", new Value.Str("心电图：窦性心律。"), "dx", new Value.Str("不稳定型心绞痛"))));
  }

  @Test
  void theFrontPagePrintsOnOneSheetFrontAndBack() throws IOException {
    Template t = org.emrkit.testing.Corpus.template("front-page");
    byte[] pdf = PdfRendererTest.render(PdfRenderer.builder().options(RenderOptions.builder()
        .clock(PdfRendererTest.CLOCK).build()).build(), t,
        org.emrkit.testing.Corpus.record("clean--front-page.json", t));
    List<String> pages = PdfRendererTest.pages(pdf).stream().map(p -> p.replaceAll("\\s", ""))
        .toList();
    assertThat(pages).as("front and back").hasSize(2);
    // the front: identity, stay, diagnoses with their codes apart, signatures
    assertThat(pages.get(0)).contains("住院病案首页", "320102195803021234", "主要诊断：不稳定型心绞痛",
        "I20.000", "其他诊断：2型糖尿病", "E11.900", "李明").doesNotContain("手术及操作名称",
        "不稳定型心绞痛(I20.000)");
    // the back (a section that starts a new page): operations, discharge, charges
    assertThat(pages.get(1)).contains("手术及操作名称", "00.6600", "经皮冠状动脉腔内血管成形术",
        "医嘱离院", "住院费用", "38560.40", "22104.00");
  }

  @Test
  void aRunInLabelStartsItsParagraphAndIsNoHeading() throws IOException {
    Template t = template();
    byte[] pdf = PdfRendererTest.render(PdfRenderer.builder().options(RenderOptions.builder()
        .clock(PdfRendererTest.CLOCK).build()).build(), t, record(t));
    List<String> lines = PdfRendererTest.pages(pdf).get(0).lines()
        .map(l -> l.replace(" ", "")).toList();
    assertThat(lines).contains("主诉：反复胸闷3天", "现病史：患者3天前活动后胸闷。");
    assertThat(lines).doesNotContain("主诉", "现病史");
    // the closed section's heading comes before the content after it
    assertThat(lines.indexOf("辅助检查")).isLessThan(lines.indexOf("诊断：不稳定型心绞痛"));
    assertThat(lines.indexOf("心电图：窦性心律。")).isLessThan(lines.indexOf("诊断：不稳定型心绞痛"));
  }
}
