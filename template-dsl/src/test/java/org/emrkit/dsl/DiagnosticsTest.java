package org.emrkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of compile problem is reported at the right line and column, with a stable code
 * and messages in both languages. Content starts on line 7, after a five-line front matter and a
 * blank line.
 */
class DiagnosticsTest {

  private static final String FM = "---\nid: t\nversion: 1.0.0\ntitle: T\n---\n\n";
  private static final TemplateCompiler COMPILER = TemplateCompiler.builder().build();

  private static List<String> diagnostics(String body) {
    return diagnosticsOf(FM + body);
  }

  private static List<String> diagnosticsOf(String source) {
    CompileResult r = COMPILER.compile(source, "t.emr.md");
    for (Diagnostic d : r.diagnostics()) {
      assertThat(d.message().zh()).isNotBlank();
      assertThat(d.message().en()).isNotBlank();
      assertThat(d.file()).isEqualTo("t.emr.md");
    }
    if (r.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      assertThat(r.get()).isEmpty();
    }
    return r.diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.code()).toList();
  }

  @Test
  void unknownFieldTypeInTheSpecFormat() {
    CompileResult r = COMPILER.compile(FM + "主诉：{{cc: txt}}\n", "admission.emr.md");
    assertThat(r.report()).isEqualTo("admission.emr.md:7:10: error dsl/unknown-field-type: "
        + "未知的字段类型 \"txt\"(unknown field type \"txt\"; expected one of text, richtext, "
        + "integer, decimal, date, datetime, time, boolean, choice, multichoice, coded, "
        + "signature, calc, macro)");
  }

  @Test
  void sectionMarksWhereNoSectionCanBeAndRepeatedAttributesAreNamed() {
    // from a newcomer's review: these printed as text or were silently taken
    assertThat(diagnostics("|---|---|\n| **主诉：**{#cc}x | {/} |\n"))
        .containsExactly("8:3 dsl/heading-in-container", "8:19 dsl/heading-in-container");
    assertThat(diagnostics("- **主诉：**{#cc}x\n")).containsExactly("7:3 dsl/heading-in-container");
    assertThat(diagnostics("## 主诉 {#a #b required required}\n\nx\n"))
        .containsExactly("7:11 dsl/duplicate-attribute", "7:23 dsl/duplicate-attribute");
    assertThat(diagnostics("|---|\n| a |\n{: fontSize=9 fontSize=10}\n"))
        .containsExactly("9:15 dsl/duplicate-attribute");
    assertThat(diagnostics("{/#history}\n")).containsExactly("7:3 dsl/section-not-open");
    CompileResult r = COMPILER.compile(FM + "## 手术 {newpage}\n\nx\n", "t.emr.md");
    assertThat(r.diagnostics().get(0).message().zh()).contains("是否应为 newPage");
    // a table right under a run-in line; a delimiter row typed with a Chinese input method
    assertThat(diagnostics("**主诉：**{#cc}x\n|---|---|\n| a | b |\n"))
        .containsExactly("8:1 dsl/table-needs-blank-line");
    assertThat(diagnostics("| 项目 | 结果 |\n|---|：---：|\n| a | b |\n"))
        .containsExactly("8:6 dsl/table-shape");
    // a space between the label and its braces still makes a run-in heading
    assertThat(TemplateDump.dump(COMPILER.compile(FM + "**主诉** {#cc}胸闷\n", "t.emr.md")
        .orElseThrow())).contains("run-in #cc \"主诉\"");
  }

  /**
   * A field in error beside a line break is named where it is; the paragraph left with the break
   * alone is dropped (the compiler threw, found by a fresh seed of ControlCharacterTest).
   */
  @Test
  void aFieldInErrorBesideALineBreakIsNamedNotACrash() {
    assertThat(diagnostics("{{f7: nosuchtype}}<br>\n"))
        .containsExactly("7:7 dsl/unknown-field-type");
    assertThat(diagnostics("{{f7: time placeholder=\"x\"zz}}<br><br>\n"))
        .containsExactly("7:27 dsl/bad-attribute-value");
    assertThat(COMPILER.compile(FM + "## S {#s}\n\n{{f7: time}}<br>\n", "t.emr.md").errors())
        .isEmpty();
    // breaks alone, with nothing in error beside them, are left out with a warning
    assertThat(diagnostics("## S {#s}\n\n<br><br>\n\n正文\n"))
        .containsExactly("9:1 dsl/line-breaks-alone");
    assertThat(diagnostics("## S {#s}\n\n正文<br>\n")).isEmpty();
  }

  /**
   * A value set's code ends at a full-width space as at an ASCII one (a Chinese input method
   * types U+3000); a code or name too long is named at its line. Each crashed the compiler
   * (found by a fresh seed of ControlCharacterTest).
   */
  @Test
  void valueSetLinesSplitAtAnyWhiteSpaceAndOverlongPartsAreNamed() {
    String use = "\n## S {#s}\n\n性别：{{sex: choice valueset=@sex}}\n";
    CompileResult wide = COMPILER.compile(FM + "```valueset sex system=GB\n1\u3000男\n2 \u3000女\n"
        + "```\n" + use, "t.emr.md");
    assertThat(wide.diagnostics()).isEmpty();
    assertThat(wide.get().orElseThrow().valueSet("sex").orElseThrow().concepts())
        .extracting(c -> c.code() + "=" + c.display()).containsExactly("1=男", "2=女");
    assertThat(diagnostics("```valueset sex system=GB\n" + "X".repeat(65) + " 长\n2 女\n"
        + "3 " + "名".repeat(501) + "\n```\n" + use))
        .containsExactly("8:1 dsl/bad-value-set", "10:1 dsl/bad-value-set");
  }

  @Test
  void aCodeSpanOverTwoLinesIsTextWithASpace() {
    // the compiler threw IllegalArgumentException (a text run with a line break) for it
    for (String nl : List.of("\n", "\r\n")) {
      CompileResult r = COMPILER.compile(FM + "正文 `代码" + nl + "第二行` 结束\n", "t.emr.md");
      assertThat(r.diagnostics()).extracting(d -> d.line() + ":" + d.column() + " " + d.code())
          .containsExactly("7:4 dsl/unsupported-markdown");
      assertThat(org.emrkit.json.TemplateJson.create().write(r.get().orElseThrow()))
          .contains("代码 第二行");
    }
  }

  @Test
  void calcsThatReadEachOtherOrTooDeepAreNamedAtTheRead() {
    // a chain of 16 calcs each reading the one before compiles; 17 is one too deep
    StringBuilder ok = new StringBuilder("{{x: decimal}} {{c0: calc expr=\"x + 1\"}}\n");
    for (int i = 1; i <= 17; i++) {
      ok.append("\n{{c").append(i).append(": calc expr=\"c").append(i - 1).append(" + 1\"}}\n");
    }
    List<String> deep = diagnostics(ok.toString());
    // c17 is on line 7 + 2 * 17, the c16 its expression reads at column 19
    assertThat(deep).containsExactly((7 + 2 * 17) + ":19 dsl/calc-chain");
    String sixteen = ok.substring(0, ok.indexOf("{{c17:"));
    assertThat(diagnostics(sixteen)).isEmpty();
    // three calcs in a ring, named once, where the last read closes it; the calc outside it
    // that reads the ring is not named again
    assertThat(diagnostics("{{a: calc expr=\"b + 1\"}} {{b: calc expr=\"c + 1\"}} "
        + "{{c: calc expr=\"a + b\"}} {{d: calc expr=\"a * 2\"}}\n"))
        .containsExactly("7:67 dsl/calc-cycle");
    assertThat(COMPILER.compile(FM + "{{a: calc expr=\"b + 1\"}} {{b: calc expr=\"c + 1\"}} "
        + "{{c: calc expr=\"a + b\"}}\n\n{{s: calc expr=\"s * 2\"}}\n", "t.emr.md")
        .diagnostics()).extracting(d -> d.message().zh()).containsExactly(
            "计算字段相互引用(a → b → c → a)，永远无法算出：请改为读取填写的字段",
            "计算字段相互引用(s → s)，永远无法算出：请改为读取填写的字段");
  }

  @Test
  void aCalcThatCanNeverShowItsResultIsNamed() {
    assertThat(diagnostics("{{a: calc expr=\"now()\"}} {{b: calc expr=\"true\"}}\n"))
        .containsExactly("7:17 dsl/calc-type", "7:42 dsl/calc-type");
    assertThat(diagnostics("{{dx: coded system=ICD-10}} {{c: calc expr=\"dx.code * 2\"}} "
        + "{{d: calc expr=\"dx.display + '(' + dx.code + ')'\"}}\n"))
        .containsExactly("7:45 dsl/calc-type");
  }

  @Test
  void unknownAttributeAndAttributeNotForTheType() {
    assertThat(diagnostics("{{a: text colour=red}}\n")).containsExactly("7:11 dsl/unknown-attribute");
    assertThat(diagnostics("{{a: text unit=mmHg}}\n"))
        .containsExactly("7:11 dsl/attribute-not-for-type");
  }

  @Test
  void aMistypedAttributeGetsDidYouMean() {
    CompileResult r = COMPILER.compile(FM + "{{a: text maxlength=3 lable=\"甲\" colour=red}}\n",
        "t.emr.md");
    assertThat(r.report()).contains("t.emr.md:7:11: error dsl/unknown-attribute: 未知的字段属性 "
        + "\"maxlength\"，是否应为 maxLength？(unknown field attribute \"maxlength\"; did you mean "
        + "maxLength?)").contains("t.emr.md:7:23: ", "did you mean label?")
        .contains("unknown field attribute \"colour\")");
  }

  @Test
  void aFullWidthColonInAFieldIsNamed() {
    CompileResult r = COMPILER.compile(FM + "主诉 {{cc：text}}\n", "t.emr.md");
    assertThat(r.report()).isEqualTo("t.emr.md:7:8: error dsl/full-width-colon: "
        + "字段名与类型之间应为半角冒号“:”，不是全角“：”，如 {{cc: text}}(use a half-width colon "
        + "between the field's name and type, as in {{cc: text}}, not the full-width ：)");
    // a full-width colon inside a label is text, not a mistake
    assertThat(diagnostics("{{cc: text label=\"主诉：\"}}\n")).isEmpty();
  }

  @Test
  void aSignatureRoleNoSignerCanHaveIsAnError() {
    CompileResult r = COMPILER.compile(FM + "{{s: signature role=doctor}} {{t: signature "
        + "role=nurse}} {{u: signature role=residnet}}\n", "t.emr.md");
    assertThat(r.diagnostics()).extracting(d -> d.line() + ":" + d.column() + " " + d.code())
        .containsExactly("7:21 dsl/unknown-role", "7:78 dsl/unknown-role");
    assertThat(r.report()).contains("没有签名角色 \"doctor\"可用的角色：intern、trainee、resident")
        .contains("did you mean resident?");
  }

  @Test
  void anUnknownNameInAnExpressionIsAnErrorWithTheNearestName() {
    CompileResult r = COMPILER.compile(FM + "性别 {{sex: choice options=\"1|2\"}}\n\n"
        + "## 月经史 {when=\"sexx == '2'\"}\n\n月经规律。\n\n"
        + "{{bmi: calc expr=\"weight / 2\"}} {{n: text when=\"len(sex) > 0\"}}\n", "t.emr.md");
    assertThat(r.diagnostics()).extracting(d -> d.line() + ":" + d.column() + " " + d.code())
        .containsExactly("9:15 dsl/unknown-name", "13:19 dsl/unknown-name");
    assertThat(r.report()).contains("表达式中的名称 sexx 不是本模板的字段，是否应为 sex？",
        "no field of this template is named weight)");
  }

  @Test
  void anUnknownDocumentTypeIsAWarningWithTheNearestKnownOne() {
    CompileResult r = COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\n"
        + "documentType: admision-record\n---\n\n正文\n", "t.emr.md");
    assertThat(r.get()).isPresent(); // a hospital's own type is allowed
    assertThat(r.report()).isEqualTo("t.emr.md:5:15: warning dsl/unknown-document-type: "
        + "书写规范规则不认识文书类型 admision-record，是否应为 admission-record(入院记录)？与文书类型有关的"
        + "规则不会检查此模板(the writing-standard rules know no document type admision-record; "
        + "did you mean admission-record? Rules tied to a document type will not check this "
        + "template)");
    assertThat(COMPILER.compile("---\nid: t\nversion: 1.0.0\ntitle: T\ndocumentType: "
        + "nursing-record\n---\n\n正文\n", "t.emr.md").diagnostics()).isEmpty();
  }

  @Test
  void aTableRightUnderAParagraphLineAndAShortRowAreNamed() {
    assertThat(diagnostics("生命体征：\n| 体温 | 脉搏 |\n|---|---|\n| 36.5 | 78 |\n"))
        .containsExactly("9:1 dsl/table-needs-blank-line");
    assertThat(diagnostics("| a | b | c |\n|---|---|---|\n| x | y |\n"))
        .containsExactly("9:9 dsl/table-shape");
    CompileResult pipe = COMPILER.compile(FM + "| 值 | 说明 |\n|---|---|\n| 甲 | 乙 | 丙 |\n",
        "t.emr.md");
    assertThat(pipe.report()).contains("a | inside a cell is written \\|");
    assertThat(diagnostics("| 值 | 说明 |\n|---|---|\n| 甲 \\| 乙 | 丙 |\n")).isEmpty();
    assertThat(diagnostics("| 诊断 | 编码 |\n|---|---|\n| ::: repeat #dx | x |\n"))
        .containsExactly("9:3 dsl/container-in-cell");
  }

  @Test
  void aDoubleQuoteInsideADoubleQuotedValueSaysUseSingleQuotes() {
    CompileResult r = COMPILER.compile(FM + "{{b: text when=\"sex == \"2\"\"}}\n", "t.emr.md");
    assertThat(r.report()).contains("dsl/bad-attribute-value").contains(
        "inside a double-quoted value use single quotes, as in when=\"sex == '2'\"");
  }

  @Test
  void badAttributeValues() {
    assertThat(diagnostics("{{a: text maxLength=abc}}\n"))
        .containsExactly("7:21 dsl/bad-attribute-value");
    assertThat(diagnostics("{{a: text pattern=\"[\"}}\n"))
        .containsExactly("7:20 dsl/bad-attribute-value");
    assertThat(diagnostics("{{a: choice options=\"是||否\"}}\n"))
        .containsExactly("7:22 dsl/bad-attribute-value");
    assertThat(diagnostics("{{a: text label=\"unclosed}}\n"))
        .containsExactly("7:17 dsl/unterminated-field");
  }

  @Test
  void missingAttributes() {
    assertThat(diagnostics("{{b: calc}}\n")).containsExactly("7:1 dsl/missing-attribute");
    assertThat(diagnostics("{{b: choice}}\n")).containsExactly("7:1 dsl/missing-attribute");
  }

  @Test
  void duplicateNamesInAScopeButNotAcrossGroups() {
    assertThat(diagnostics("{{a: text}}\n\n{{a: integer}}\n"))
        .containsExactly("9:1 dsl/duplicate-name");
    CompileResult r = COMPILER.compile(FM + "{{a: text}}\n\n{{a: integer}}\n", "t.emr.md");
    assertThat(r.diagnostics().get(0).message().en()).contains("first at line 7, column 1");
    assertThat(diagnostics("{{a: text}}\n\n::: repeat #g\n{{a: text}}\n:::\n")).isEmpty();
    assertThat(diagnostics("{{g: text}}\n\n::: repeat #g\n{{a: text}}\n:::\n"))
        .containsExactly("9:12 dsl/duplicate-name");
  }

  @Test
  void nonRectangularMerge() {
    assertThat(diagnostics("|---|---|---|\n| a | b | c |\n| ^ | < | x |\n"))
        .containsExactly("9:7 dsl/merge-not-rectangular");
  }

  @Test
  void mergeMarkersWithNothingToMergeInto() {
    assertThat(diagnostics("|---|---|\n| < | a |\n")).containsExactly("8:3 dsl/merge-nothing");
    assertThat(diagnostics("|---|---|\n| a | ^ |\n")).containsExactly("8:7 dsl/merge-nothing");
  }

  @Test
  void mergesAcrossTheHeaderOrIntoTheRowTemplate() {
    assertThat(diagnostics("| h | i |\n|---|---|\n| ^ | a |\n"))
        .containsExactly("9:3 dsl/merge-crosses-header");
    assertThat(diagnostics("|---|---|\n| a | b |\n| ^ | c |\n{: #rows repeat}\n"))
        .containsExactly("9:3 dsl/merge-into-row-template");
  }

  @Test
  void unknownValueSetsAndTables() {
    assertThat(diagnostics("{{s: choice valueset=@sex}}\n"))
        .containsExactly("7:22 dsl/unknown-value-set");
    assertThat(diagnostics("见：{{> neuro}}\n")).containsExactly("7:3 dsl/unknown-table");
  }

  @Test
  void namedTablesUsedTwiceOrInACycle() {
    String table = "::: table #n\n|---|\n| x |\n:::\n\n";
    assertThat(diagnostics(table + "{{> n}}\n\n{{> n}}\n"))
        .containsExactly("14:1 dsl/table-used-twice");
    assertThat(diagnostics("::: table #a\n|---|\n| {{> b}} |\n:::\n\n::: table #b\n|---|\n"
        + "| {{> a}} |\n:::\n\n{{> a}}\n")).containsExactly("14:3 dsl/table-cycle");
    assertThat(diagnostics(table)).containsExactly("7:11 dsl/unused-table");
  }

  @Test
  void unclosedAndUnbalancedContainers() {
    assertThat(diagnostics("::: if a\nx\n")).containsExactly("7:1 dsl/unclosed-container");
    assertThat(diagnostics(":::: repeat #g\n::: if a\n{{x: text}}\n::::\n"))
        .containsExactly("8:1 dsl/unclosed-container");
    assertThat(diagnostics("x\n\n:::\n")).containsExactly("9:1 dsl/stray-fence");
    assertThat(diagnostics("::: repeat #g\n::: if a\ny\n:::\n:::\n"))
        .contains("8:1 dsl/container-nesting", "11:1 dsl/stray-fence");
    assertThat(diagnostics("::: loop #g\nx\n:::\n")).containsExactly("7:1 dsl/unknown-container");
  }

  @Test
  void expressionErrorsPointIntoTheExpression() {
    assertThat(diagnostics("{{a: text when=\"x ==\"}}\n"))
        .containsExactly("7:19 dsl/expression-syntax");
    assertThat(diagnostics("::: if a == \nx\n:::\n")).containsExactly("7:10 dsl/expression-syntax");
    assertThat(diagnostics("## 主诉 {when=\"foo(1)\"}\n"))
        .containsExactly("7:14 dsl/expression-syntax");
    assertThat(diagnostics("{{c: calc expr=\"weight / System.exit(0)\"}}\n"))
        .containsExactly("7:32 dsl/expression-syntax");
  }

  @Test
  void missingAndInvalidFrontMatter() {
    assertThat(diagnosticsOf("# 入院记录\n")).containsExactly("1:1 dsl/front-matter-missing");
    assertThat(diagnosticsOf("---\nid: t\nversion: 1.0\ntitle: T\n---\n"))
        .containsExactly("3:10 dsl/front-matter-invalid");
    assertThat(diagnosticsOf("---\nid: t\nversion: 1.0.0\n---\n"))
        .containsExactly("1:1 dsl/front-matter-missing");
    assertThat(diagnosticsOf("---\nid: Bad_Id\nversion: 1.0.0\ntitle: T\npaper: A3\n---\n"))
        .containsExactly("2:5 dsl/front-matter-invalid", "5:8 dsl/front-matter-invalid");
  }

  @Test
  void malformedHeadingAttributes() {
    assertThat(diagnostics("## 主诉 {#cc required de=X}\n"))
        .containsExactly("7:24 dsl/heading-attributes");
    assertThat(diagnostics("## A {#a foo=1}\n")).containsExactly("7:10 dsl/heading-attributes");
    assertThat(diagnostics("## A {#a when=\"x}\n")).containsExactly("7:15 dsl/heading-attributes");
    assertThat(diagnostics("#### A\n")).containsExactly("7:1 dsl/heading-level");
  }

  @Test
  void unsupportedMarkdownIsNeverDroppedSilently() {
    assertThat(diagnostics("~~删除~~\n")).containsExactly("7:1 dsl/unsupported-markdown");
    assertThat(diagnostics("```\ncode\n```\n")).containsExactly("7:1 dsl/unsupported-markdown");
    assertThat(diagnostics("a <span>b</span>\n")).contains("7:3 dsl/unsupported-html");
    assertThat(diagnostics("---\n\nx\n")).containsExactly("7:1 dsl/unsupported-markdown");
  }

  @Test
  void allProblemsAreReportedUpToTheLimit() {
    assertThat(diagnostics("{{a: txt}}\n\n{{b: text unit=x}}\n\n{{c: integer min=\"a +\"}}\n"))
        .containsExactly("7:6 dsl/unknown-field-type", "9:11 dsl/attribute-not-for-type",
            "11:21 dsl/expression-syntax");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      many.append("{{a").append(i).append(": nope}}\n\n");
    }
    List<String> d = diagnostics(many.toString());
    assertThat(d).hasSize(101);
    assertThat(d.get(100)).endsWith("dsl/too-many-problems");
  }

  @Test
  void warningsDoNotStopCompilation() {
    CompileResult r = COMPILER.compile(FM + "```valueset unused\n1 a\n```\n\nx\n", "t.emr.md");
    assertThat(r.get()).isPresent();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("dsl/unused-value-set");
  }
}
