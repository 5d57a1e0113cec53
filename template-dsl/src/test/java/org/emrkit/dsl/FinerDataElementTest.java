package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.Finding;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.WritingStandardRules;
import org.junit.jupiter.api.Test;

/**
 * Real templates bind fields to finer data elements than WS 363's four parts
 * (DE02.01.039.00.178); they compile, and the writing-standard rules find them by their root.
 */
class FinerDataElementTest {

  @Test
  void aSixPartDataElementCompilesAndRulesMatchItsFourPartRoot() {
    CompileResult r = TemplateCompiler.builder().build().compile("---\nid: t\nversion: 1.0.0\n"
        + "title: 入院记录\ndocumentType: admission-record\n---\n\n"
        + "主诉：{{cc: text de=DE04.01.119.00.001}}\n", "t.emr.md");
    assertThat(r.diagnostics()).isEmpty();
    Template t = r.get().orElseThrow();
    assertThat(DataElements.root("DE04.01.119.00.001")).isEqualTo("DE04.01.119.00");
    assertThat(DataElements.names("DE04.01.119.00.001").orElseThrow().zh()).isEqualTo("主诉");
    Record rec = Record.draft("R-1", t, Corpus.record("clean--admission-record.json",
        Corpus.template("admission-record")).context());
    rec = rec.withValues(rec.values().with("cc", new Value.Str(
        "反复胸闷、胸痛伴心悸气促乏力出汗头晕恶心呕吐3天")));
    var report = Validator.builder().pack(WritingStandardRules.pack()).build().validate(t, rec);
    // the chief complaint is found through DE04.01.119.00 and is too long
    assertThat(report.findings()).extracting(Finding::code)
        .contains("cn/chief-complaint-length");
    assertThat(TemplateCompiler.builder().build().compile("---\nid: t\nversion: 1.0.0\n"
        + "title: T\n---\n\n{{cc: text de=DE04.01.119.00.12345}}\n", "t.emr.md").report())
        .contains("dsl/bad-attribute-value", "DE02.01.039.00.178");
  }
}
