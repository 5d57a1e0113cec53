package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.RandomRecords;
import org.emrkit.testing.RandomTemplates;
import org.emrkit.testing.Seeds;
import org.junit.jupiter.api.Test;

/** View and edit HTML of the bundled templates, and escaping of hostile text. */
class HtmlRendererTest {

  static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-28T12:00:00+08:00")
      .toInstant(), ZoneOffset.ofHours(8));

  static Template template(String id) {
    return Corpus.template(id);
  }

  static Record record(String file, Template t) {
    return Corpus.record(file, t);
  }

  @Test
  void theViewShowsValuesInPlaceWithMergedCellsAndLeavesHiddenContentOut() throws IOException {
    Template t = template("admission-record");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build()
        .render(t, record("clean--admission-record.json", t));
    assertThat(html).startsWith("<div class=\"emr-record emr-view\"")
        .contains("反复胸闷3天", ">36.8</span><span class=\"emr-unit emr-unit-tight\">℃</span>")
        .contains("不稳定型心绞痛 (I20.000)", "李明 2026-11-20 20:15", "colspan=\"3\"",
            "rowspan=\"2\"", "<h1 class=\"emr-title\">入院记录</h1>", "住院号：</span>ZY0012345")
        .contains(">23.8</span>") // BMI computed: 70.5 / 1.72²
        .contains("<span class=\"emr-page-number\"></span>")
        .doesNotContain("月经史") // section when sex == '2'; the patient is male
        .doesNotContain("过敏药物"); // ::: if allergyPresent == '有'
  }

  @Test
  void aRunInSectionIsItsParagraphWithTheBoldLabelInFront() {
    org.emrkit.template.Section cc = new org.emrkit.template.Section("cc", "主诉", true, null,
        null, new org.emrkit.template.Expression("len(dx) > 0"), List.of(org.emrkit.template.Paragraph.of(
            org.emrkit.template.Field.builder("cc", org.emrkit.template.FieldType.TEXT).build())),
        true);
    Template t = Template.builder("run-in", "1.0.0", "入院记录").block(cc)
        .line(org.emrkit.template.Field.builder("dx", org.emrkit.template.FieldType.TEXT).build())
        .build();
    String view = HtmlRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .build().render(t, org.emrkit.record.Record.draft("R-1", t,
            org.emrkit.record.Context.EMPTY).withValues(org.emrkit.record.Values.of(java.util.Map.of(
                "cc", new org.emrkit.record.Value.Str("胸闷3天"),
                "dx", new org.emrkit.record.Value.Str("心绞痛")))));
    assertThat(view).contains("<section class=\"emr-section emr-run-in\" id=\"emr-s-cc\"><p class=\"emr-p\"><strong>主诉：</strong>")
        .contains("<strong>主诉：</strong>").contains("胸闷3天").doesNotContain("emr-section-title");
    String form = HtmlRenderer.builder().options(RenderOptions.builder().clock(CLOCK)
        .mode(org.emrkit.render.RenderMode.FORM).build()).build()
        .render(t, org.emrkit.record.Record.draft("R-1", t, org.emrkit.record.Context.EMPTY));
    assertThat(form).contains("data-emr-when=\"len(dx) &gt; 0\"").contains("<strong>主诉：</strong>");
  }

  @Test
  void aTablesStyleIsItsClassesSizeAndCellAlignment() {
    org.emrkit.template.Table table = org.emrkit.template.Table.builder(2, 2).headerRows(1)
        .cell(0, 0, "日期").cell(0, 1, "脉搏").cell(1, 0, "11-20").cell(1, 1, "78").build()
        .withStyle(new org.emrkit.template.TableStyle(true, true, 9.0, List.of(
            org.emrkit.template.TableStyle.Align.LEFT,
            org.emrkit.template.TableStyle.Align.CENTER)));
    Template t = Template.builder("s", "1.0.0", "样式").table(table).build();
    String html = HtmlRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build())
        .build().render(t, org.emrkit.record.Record.draft("R-1", t,
            org.emrkit.record.Context.EMPTY));
    assertThat(html).contains("<table class=\"emr-table emr-borderless emr-bold-header\" "
        + "style=\"font-size:9pt\">")
        .contains("<th><p class=\"emr-p\">脉搏</p></th>")
        .contains("<td><p class=\"emr-p\">11-20</p></td>")
        .contains("<td class=\"emr-align-center\"><p class=\"emr-p\">78</p></td>");
    assertThat(HtmlRenderer.css()).contains(".emr-table.emr-borderless>*>tr>td{border:0");
  }

  @Test
  void headerRowsGoToTheadAndRepeatingRowsToTheirOwnBody() throws IOException {
    Template t = template("nursing-record");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().clock(CLOCK).build()).build()
        .render(t, record("clean--nursing-record.json", t));
    assertThat(html).contains("<thead><tr><th rowspan=\"2\">")
        .contains("<th colspan=\"4\">").contains("data-emr-group=\"nursingRows\"")
        .contains("150/90", "138/86", "温开水", "data-emr-path=\"/values/nursingRows/0/nurse\">赵芳</span>")
        .as("a sheet's signature column holds the name; the row has its time")
        .doesNotContain("赵芳 2026-11-20 10:05");
    assertThat(count(html, "<tr class=\"emr-row\">")).isEqualTo(2);
  }

  @Test
  void theEditFormHasLabelledControlsWithPathsAndConstraints() throws IOException {
    Template t = template("admission-record");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).clock(CLOCK).build()).fullPage(true).build()
        .render(t, record("clean--admission-record.json", t));
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
        .contains("@page{size:A4 portrait;margin:20mm 20mm 20mm 25mm;")
        .contains("data-emr-path=\"/values/chiefComplaint\"")
        .contains("maxlength=\"40\"").contains("inputmode=\"decimal\"")
        .contains("data-emr-path=\"/values/diagnoses/0/diagnosis\"")
        .contains("data-emr-when=\"sex == &#39;2&#39;\" hidden")
        .contains("<template class=\"emr-row-template\">")
        .contains("data-emr-path=\"/values/diagnoses/{i}/diagnosis\"")
        .contains("window.EmrKit");
    // every control is labelled: aria-label, or a <label for> naming its id
    Matcher m = Pattern.compile("<(input|select|textarea|output|button|span)\\b([^>]*)>").matcher(html);
    int controls = 0;
    while (m.find()) {
      String attrs = m.group(2);
      if (m.group(1).equals("button") && !attrs.contains("emr-sign")
          || m.group(1).equals("span") && !attrs.contains("role=\"textbox\"")) {
        continue;
      }
      controls++;
      Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attrs);
      boolean labelled = attrs.contains("aria-label=")
          || (id.find() && html.contains("<label for=\"" + id.group(1) + "\">"));
      assertThat(labelled).as("control %s", m.group()).isTrue();
    }
    assertThat(controls).isGreaterThan(35);
    // a coded field is one search box that owns its list of matches
    assertThat(html).containsPattern("<input type=\"text\" role=\"combobox\" class=\"emr-control "
        + "emr-search-box\" autocomplete=\"off\" aria-autocomplete=\"list\" aria-expanded=\"false\" "
        + "id=\"(emr-f\\d+)\" aria-controls=\"\\1-list\"");
  }

  static final List<String> XSS = List.of("<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "'><iframe src=javascript:alert(1)>",
      "<a href=\"javascript:alert(1)\">x</a>", "</textarea><script>alert(1)</script>",
      "<style>@import'x'</style>", "&lt;script&gt;", "<IMG SRC=JaVaScRiPt:alert('XSS')>",
      "<BODY ONLOAD=alert('XSS')>", "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", "**<b>bold</b>**");
  static final Set<String> OUR_TAGS = Set.of("div", "form", "h1", "h2", "h3", "h4", "h5", "h6",
      "section", "p", "span", "strong", "em", "sup", "sub", "br", "table", "colgroup", "col",
      "thead", "tbody", "tr", "th", "td", "input", "label", "select", "option", "textarea",
      "output", "button", "template");

  @Test
  void aControlWithoutALabelIsNamedByTheTextBeforeIt() {
    Template t = template("admission-record");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).clock(CLOCK).build()).build()
        .render(t, record("clean--admission-record.json", t));
    // "过敏史：<select …>": the visible text, without its colon, names the control
    assertThat(html).containsPattern("name=\"/values/allergyPresent\"[^>]*aria-label=\"过敏史\"");
    // "150 / 90": a separator with no letters is not a name
    assertThat(html).doesNotContain("aria-label=\"/\"");
  }

  @Test
  void escapeMakesTextSafeInContentAndAttributes() {
    assertThat(HtmlRenderer.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void aControlAloneInATableCellIsNamedByItsRowAndColumn() {
    HtmlRenderer edit = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).clock(CLOCK).build()).build();
    Template t = template("admission-record");
    String admission = edit.render(t, record("clean--admission-record.json", t));
    // the row label to the left: | 病史陈述者 | {{informant}} |
    assertThat(admission).containsPattern("name=\"/values/informant\"[^>]*aria-label=\"病史陈述者\"");
    // row label and column header: | 肌力 | {{powerLeft}} | under | 项目 | 左 | 右 |
    assertThat(admission).containsPattern("name=\"/values/powerLeft\"[^>]*aria-label=\"肌力 左\"");
    // a cell with two controls (150 / 90) names them by their data elements
    assertThat(admission).containsPattern("name=\"/values/sbp\"[^>]*aria-label=\"收缩压\"");
    Template n = template("nursing-record");
    String nursing = edit.render(n, record("clean--nursing-record.json", n));
    // a repeating row: every header row over the column, top to bottom
    assertThat(nursing).containsPattern(
        "name=\"/values/nursingRows/0/intakeMl\"[^>]*aria-label=\"入量 ml\"");
    assertThat(nursing).containsPattern(
        "name=\"/values/nursingRows/0/consciousness\"[^>]*aria-label=\"意识\"");
    Template d = template("discharge-record");
    String discharge = edit.render(d, record("clean--discharge-record.json", d));
    // a field alone under a section heading is named by the section
    assertThat(discharge).contains("role=\"combobox\" class=\"emr-control emr-search-box\"")
        .containsPattern("aria-controls=\"emr-f\\d+-list\" aria-label=\"入院诊断\"");
  }

  @Test
  void hostileTextInValuesAndLabelsNeverBecomesMarkup() {
    Seeds.check("HTML escaping", 300, r -> {
      Template t = RandomTemplates.template(r);
      Record rec = RandomRecords.record(r, t);
      rec = rec.withValues(hostile(rec.values(), r));
      for (RenderMode mode : RenderMode.values()) {
        String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(mode).clock(CLOCK).build()).build().render(t, rec);
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<\\s*/?\\s*([A-Za-z][A-Za-z0-9-]*)").matcher(html);
        while (m.find()) {
          tags.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(OUR_TAGS).as("tags in %s html", mode).containsAll(tags);
        // inside every real tag: only quoted attributes, none an event handler or a script URL
        Matcher tag = Pattern.compile("<[A-Za-z][^>]*>").matcher(html);
        while (tag.find()) {
          String inside = tag.group().replaceAll("^<[A-Za-z0-9-]+", "").replaceAll(">$", "");
          Matcher a = Pattern.compile("\\s([A-Za-z][A-Za-z0-9-]*)(?:=\"([^\"]*)\")?").matcher(inside);
          int end = 0;
          while (a.find()) {
            assertThat(a.start()).as("unparsed text in %s", tag.group()).isEqualTo(end);
            end = a.end();
            assertThat(a.group(1).toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("on");
            if (a.group(2) != null) {
              assertThat(a.group(2).toLowerCase(java.util.Locale.ROOT).strip())
                  .doesNotStartWith("javascript:");
            }
          }
          assertThat(inside.substring(end).strip()).as("rest of %s", tag.group()).isIn("", "/");
        }
      }
    });
  }

  private static Values hostile(Values values, java.util.SplittableRandom r) {
    Values out = values;
    for (var e : values.asMap().entrySet()) {
      Value v = e.getValue();
      if (v instanceof Value.Str) {
        out = out.with(e.getKey(), new Value.Str(XSS.get(r.nextInt(XSS.size()))));
      } else if (v instanceof Value.Rows rows) {
        out = out.with(e.getKey(), new Value.Rows(rows.rows().stream()
            .map(x -> hostile(x, r)).toList()));
      }
    }
    return out;
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
