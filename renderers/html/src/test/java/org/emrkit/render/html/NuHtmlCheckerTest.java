package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Every example's view and edit form, as full pages, pass the Nu Html Checker (in-process). */
class NuHtmlCheckerTest {
  private static final List<String> EXAMPLES = List.of("admission-record", "first-progress-note",
      "progress-note", "operation-record", "discharge-record", "nursing-record");

  static String check(String html) throws Exception {
    EmbeddedValidator v = new EmbeddedValidator();
    v.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
    v.setNoLangDetect(true);
    return v.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyExamplePageIsValidHtml() throws Exception {
    for (String id : EXAMPLES) {
      Template t = Corpus.template(id);
      Record r = Corpus.record("clean--" + id + ".json", t);
      for (RenderMode mode : RenderMode.values()) {
        String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(mode).watermark("仅供参考").printedBy("档案室").build()).fullPage(true).build().render(t, r);
        // no errors and no warnings either
        assertThat(check(html).strip()).as("%s %s", id, mode)
            .isEqualTo("Document checking completed. No errors found.");
      }
    }
  }

  @Test
  void aLongSheetsFormWithRowsToDrawLaterIsValidHtml() throws Exception {
    Template t = Corpus.template("nursing-record");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
        .build()).fullPage(true).build().render(t, Corpus.nursingSheet(t, 75));
    assertThat(html).contains("<template class=\"emr-later\">");
    assertThat(check(html).strip()).isEqualTo("Document checking completed. No errors found.");
  }

  @Test
  void aViewOfATextWithControlCharactersPastedIntoItIsValidHtml() throws Exception {
    // the record reader takes a vertical tab or a U+0001 (pasted from another program): the
    // view wrote them, which no HTML page may hold; as it prints, the tab breaks the line (and
    // a line feed, which HTML shows as a space)
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    Record r = clean.withValues(clean.values().with("chiefComplaint",
        new org.emrkit.record.Value.Str("胸闷3天\u000B加重1天\u0001\n伴气促")));
    String html = HtmlRenderer.builder().options(RenderOptions.builder()
        .mode(RenderMode.VIEW).build()).fullPage(true).build().render(t, r);
    assertThat(html).contains("胸闷3天<br>加重1天<br>伴气促").doesNotContain("\u0001");
    assertThat(check(html).strip()).isEqualTo("Document checking completed. No errors found.");
    // nor in the title, the banner or a C1 control, in every mode (the form keeps a value's
    // own, in its box's value, where the checker takes it)
    Record named = Corpus.withPatientName(r.withValues(r.values().with("pastIllness",
        new org.emrkit.record.Value.Str("高血压\u0085病史"))), "张三\u0001");
    for (RenderMode mode : RenderMode.values()) {
      String page = HtmlRenderer.builder().options(RenderOptions.builder().mode(mode).build())
          .fullPage(true).build().render(t, named);
      assertThat(check(page).strip()).as("%s", mode)
          .isEqualTo("Document checking completed. No errors found.");
    }
  }

  @Test
  void theCheckerReportsInvalidMarkup() throws Exception {
    assertThat(check("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>x</title></head><body>"
        + "<table><div>bad</div></table><input id=\"a\"><input id=\"a\"></body></html>"))
        .contains("Error:").doesNotContain("No errors found");
  }
}
