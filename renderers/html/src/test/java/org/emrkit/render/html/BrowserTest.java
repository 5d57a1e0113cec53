package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The edit form and the view in headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them and sets
 * {@code EMRKIT_BROWSER_REQUIRED=true}, so CI always runs this test; elsewhere, without them, it
 * is skipped). No network: the pages are files, the driver is the
 * installed one (Selenium Manager is not used).
 */
class BrowserTest {
  private static final Path OUT = Chromium.OUT;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    browser = Chromium.start(1000, 1400);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void open(String name, String html) throws Exception {
    Chromium.open(browser, name, html);
  }

  private static Object js(String script) {
    return Chromium.js(browser, script);
  }

  @Test
  void aConditionMayReadACalculatedField() throws Exception {
    org.emrkit.template.FieldType dec = org.emrkit.template.FieldType.DECIMAL;
    Template t = Template.builder("bmi", "1.0.0", "体重指数").section("体格", b -> b.line(
        "身高", org.emrkit.template.Field.builder("h", dec).label("身高").build(),
        "体重", org.emrkit.template.Field.builder("w", dec).label("体重").build(),
        "BMI", org.emrkit.template.Field.builder("bmi", org.emrkit.template.FieldType.CALC)
            .expr("w / pow(h / 100, 2)").precision(1).build(),
        "建议", org.emrkit.template.Field.builder("advice", org.emrkit.template.FieldType.TEXT)
            .when("bmi >= 28").label("建议").build())).build();
    Record r = Record.draft("R-8", t, Corpus.record("clean--admission-record.json",
        Corpus.template("admission-record")).context());
    open("bmi.edit.html", HtmlRenderer.builder().options(RenderOptions.builder()
        .mode(RenderMode.FORM).build()).fullPage(true).build().render(t, r));
    WebElement advice = browser.findElement(By.name("/values/advice"));
    browser.findElement(By.name("/values/h")).sendKeys("170");
    browser.findElement(By.name("/values/w")).sendKeys("60");
    assertThat(advice.isDisplayed()).as("BMI 20.8").isFalse();
    browser.findElement(By.name("/values/w")).sendKeys("\b\b85");
    assertThat(browser.findElement(By.cssSelector("output.emr-calc")).getText()).isEqualTo("29.4");
    assertThat(advice.isDisplayed()).as("BMI 29.4 ≥ 28").isTrue();
  }

  @Test
  void conditionsReadContextValuesAndCalcsReadACodedValuesParts() throws Exception {
    org.emrkit.template.FieldType text = org.emrkit.template.FieldType.TEXT;
    org.emrkit.template.FieldType macro = org.emrkit.template.FieldType.MACRO;
    org.emrkit.template.FieldType calc = org.emrkit.template.FieldType.CALC;
    Template t = Template.builder("parts", "1.0.0", "首页").section("诊断", b -> b.line(
        "性别", org.emrkit.template.Field.builder("sex", macro).source("patient.sex").build(),
        "年龄", org.emrkit.template.Field.builder("age", macro).source("patient.age").build(),
        "诊断", org.emrkit.template.Field.builder("dx", org.emrkit.template.FieldType.CODED)
            .system("ICD-10").label("诊断").build(),
        "编码", org.emrkit.template.Field.builder("dxCode", calc).expr("dx.code").build(),
        "称谓", org.emrkit.template.Field.builder("who", calc)
            .expr("sex.display + '性患者'").build(),
        "成年男性", org.emrkit.template.Field.builder("man", text).label("成年男性")
            .when("sex == '1' and age >= 18").build(),
        "女性", org.emrkit.template.Field.builder("woman", text).label("女性")
            .when("sex.display == '女'").build())).build();
    Record r = Record.draft("R-9", t, Corpus.record("clean--admission-record.json",
        Corpus.template("admission-record")).context());
    r = r.withValues(r.values().with("dx", new org.emrkit.record.Value.Coded(
        new org.emrkit.record.Coding("I20.000", "不稳定型心绞痛", "ICD-10", null))));
    open("parts.edit.html", HtmlRenderer.builder().options(RenderOptions.builder()
        .mode(RenderMode.FORM).build()).fullPage(true).build().render(t, r));
    // the server drew the page right; undo that, so that what follows is the script's work
    js("document.querySelectorAll('output.emr-calc').forEach(function (o) { o.value = ''; });"
        + "document.querySelectorAll('[data-emr-when]').forEach(function (e) { e.hidden = !e.hidden; });");
    assertThat(browser.findElement(By.name("/values/man")).isDisplayed()).isFalse();
    js("document.querySelector('[name=\"/values/woman\"]').dispatchEvent(new Event('input', {bubbles: true}));");
    // the patient is a man of 68: the context values the page carries decide the conditions
    assertThat(browser.findElement(By.name("/values/man")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.name("/values/woman")).isDisplayed()).isFalse();
    List<WebElement> outputs = browser.findElements(By.cssSelector("output.emr-calc"));
    assertThat(outputs.get(0).getText()).isEqualTo("I20.000");
    assertThat(outputs.get(1).getText()).isEqualTo("男性患者");
  }

  @Test
  void aChoiceOverAHostValueSetIsASearchBoxThatStoresTheCode() throws Exception {
    Template t = Template.builder("allergy", "1.0.0", "过敏记录").section("过敏", b -> b.line(
        "过敏药物：", org.emrkit.template.Field.builder("drug", org.emrkit.template.FieldType.CHOICE)
            .valueSet("host:drugs").label("过敏药物").build())).build();
    Record r = Record.draft("R-9", t, Corpus.record("clean--admission-record.json",
        Corpus.template("admission-record")).context());
    open("host-choice.edit.html", HtmlRenderer.builder().options(RenderOptions.builder()
        .mode(RenderMode.FORM).build()).fullPage(true).build().render(t, r));
    // the host's hook: here a stub that finds 青霉素 for qms, its name marked
    js("EmrKit.search = function (q) { return Promise.resolve(q.query === 'qms' ? [{code: 'D001',"
        + " display: '青霉素', text: '青霉素', start: 0, end: 3}, {code: 'D002', display: '青霉素V钾',"
        + " text: '青霉素V钾', start: 0, end: 3}] : []); };");
    WebElement box = browser.findElement(By.cssSelector(
        "span.emr-search[data-emr-type=choice] input[role=combobox]"));
    box.sendKeys("qms");
    WebElement list = browser.findElement(By.cssSelector("span.emr-search [role=listbox]"));
    for (int i = 0; i < 50 && !list.isDisplayed(); i++) {
      Thread.sleep(100);
    }
    assertThat(list.findElements(By.cssSelector("[role=option]"))).hasSize(2);
    box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
    assertThat(box.getAttribute("value")).isEqualTo("D002 青霉素V钾");
    assertThat(js("return JSON.stringify(EmrKit.values(document.querySelector('form')))"))
        .isEqualTo("{\"drug\":\"D002\"}");
    // typed but not picked: undone when the box is left
    box.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "xyz");
    js("document.activeElement.blur()");
    assertThat(box.getAttribute("value")).isEqualTo("D002 青霉素V钾");
  }

  @Test
  void theFormScriptGivesEveryResultOfTheExpressionTable() throws Exception {
    // the same table the Java engine passes (core ExpressionConformanceTest): a calculated field
    // shows in the browser what the server computes when the record is saved
    open("expressions.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
        + "<script>" + HtmlRenderer.script() + "</script></body></html>");
    List<String> failures = new java.util.ArrayList<>();
    for (org.emrkit.testing.ExpressionTable.Row r
        : org.emrkit.testing.ExpressionTable.rows()) {
      Object result = ((JavascriptExecutor) browser).executeScript(
          "var v = JSON.parse(arguments[1]);"
          + "Object.keys(v).forEach(function (k) { if (v[k] && v[k].$datetime) v[k] = v[k].$datetime; if (v[k] && v[k].$time) v[k] = v[k].$time; });"
          + "try { var x = EmrKit.evaluate(arguments[0], function (n) { return v[n]; });"
          + " return JSON.stringify(x === undefined ? null : x); } catch (e) { return 'error'; }",
          r.expression(), r.values());
      String got = (String) result;
      boolean ok = r.expected().equals("error") ? got.equals("error")
          : !got.equals("error") && org.emrkit.testing.ExpressionTable.matches(
              got.startsWith("\"") || got.equals("true") || got.equals("false")
                  || got.equals("null") ? jsonValue(got) : new java.math.BigDecimal(got),
              r.expected());
      if (!ok) {
        failures.add(r.expression() + " " + r.values() + " gives " + got + ", not "
            + r.expected());
      }
    }
    assertThat(failures).as("rows where emrkit.js differs from the table").isEmpty();
  }

  private static Object jsonValue(String json) throws Exception {
    com.fasterxml.jackson.databind.JsonNode n =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    return n.isNull() ? null : n.isBoolean() ? (Object) n.booleanValue() : n.asText();
  }

  @Test
  void aClinicianFillsTheAdmissionFormAndTheValuesValidate() throws Exception {
    Template t = Corpus.template("admission-record");
    String recordJson = Corpus.text("/validation/records/clean--admission-record.json");
    Record rec = RecordJson.create().read(recordJson, t).orElseThrow();
    open("admission.edit.html", HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build().render(t, rec));

    WebElement cc = browser.findElement(By.name("/values/chiefComplaint"));
    cc.clear();
    cc.sendKeys("胸痛2小时");

    WebElement menstrual = browser.findElement(By.id("emr-s-menstrual-history"));
    assertThat(menstrual.isDisplayed()).as("hidden while sex is 男").isFalse();
    browser.findElement(By.cssSelector("select[name='/values/sex'] option[value='2']")).click();
    assertThat(menstrual.isDisplayed()).as("shown once sex is 女").isTrue();

    String countDiagnoses = "return document.querySelectorAll("
        + "'form span[data-emr-path^=\"/values/diagnoses/\"][data-emr-type=coded]').length";
    long before = (Long) js(countDiagnoses);
    browser.findElement(By.cssSelector("button.emr-add[data-emr-for='/values/diagnoses']"))
        .click();
    assertThat((Long) js(countDiagnoses)).isEqualTo(before + 1);
    // the new row (an empty row is left out of the values, so fill it)
    String row = "[data-emr-path='/values/diagnoses/" + before + "/diagnosis'] ";
    // no search hook on this page: "code name" typed into the box is taken as it is
    browser.findElement(By.cssSelector(row + "input.emr-search-box")).sendKeys("I10.x00 高血压");
    cc.click();

    String values = (String) js(
        "return JSON.stringify(EmrKit.values(document.querySelector('form.emr-record')))");
    // the form's values in place of the record's: schema and template checks must pass
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(recordJson);
    node.set("values", mapper.readTree(values));
    String edited = mapper.writeValueAsString(node);
    ReadResult<Record> read = RecordJson.create().read(edited, t);
    assertThat(read.errors()).as(values).isEmpty();
    Record back = read.orElseThrow();
    assertThat(back.values().get("chiefComplaint")).contains(new Value.Str("胸痛2小时"));
    assertThat(back.values().get("sex")).contains(new Value.Str("2"));
    assertThat(back.values().rows("diagnoses")).hasSize((int) before + 1);
    assertThat(values).contains("I10.x00", "高血压");
    // and the field rules (required, length, pattern, range, options, codes) find no error
    var report = org.emrkit.validation.Validator.builder()
        .pack(org.emrkit.validation.rules.FieldRules.pack()).build().validate(t, back);
    assertThat(report.hasErrors()).as(report.toText()).isFalse();
  }

  @Test
  void anUnchangedFormPostsBackExactlyTheRecordsValues() throws Exception {
    // decimals as written (172.0, 36.8), date-times with the record's offset while the browser
    // is in New York: a save of an untouched form must change nothing (on a signed record any
    // change needs a reason and supersedes the signatures)
    assertThat(js("return new Date(2026, 10, 20).getTimezoneOffset()")).isEqualTo(300L);
    for (String[] c : new String[][] {{"admission-record", "clean--admission-record.json"},
        {"nursing-record", "clean--nursing-record.json"}}) {
      Template t = Corpus.template(c[0]);
      Record rec = Corpus.record(c[1], t);
      open(c[0] + ".roundtrip.html", HtmlRenderer.builder().options(RenderOptions.builder()
          .mode(RenderMode.FORM).build()).fullPage(true).build().render(t, rec));
      String json = (String) js("return EmrKit.json(document.querySelector('form.emr-record'))");
      ReadResult<org.emrkit.record.Values> back = RecordJson.create().readValues(json, t);
      assertThat(back.errors()).as(json).isEmpty();
      assertThat(back.orElseThrow()).as(c[0] + ": " + json).isEqualTo(rec.values());
    }
  }

  @Test
  void xssPayloadsInValuesDoNotRunAndTheViewIsCaptured() throws Exception {
    Template t = Corpus.template("admission-record");
    Record rec = Corpus.record("clean--admission-record.json", t);
    List<String> payloads = List.of("<img src=x onerror=\"window.__xss=1\">",
        "<script>window.__xss=2</script>", "\"><svg onload=window.__xss=3>",
        "javascript:window.__xss=4");
    Record bad = rec.withValues(rec.values()
        .with("chiefComplaint", new Value.Str(payloads.get(0)))
        .with("hpi", new Value.Str(payloads.get(1) + "<p>患者胸闷</p>"))
        .with("personalHistory", new Value.Str(payloads.get(2) + payloads.get(3))));
    for (RenderMode mode : RenderMode.values()) {
      open("xss." + (mode == RenderMode.FORM ? "edit" : "view") + ".html", HtmlRenderer.builder().options(RenderOptions.builder().mode(mode).build()).fullPage(true).build().render(t, bad));
      assertThat(js("return typeof window.__xss")).as(mode.name()).isEqualTo("undefined");
      assertThat(browser.findElement(By.tagName("body")).getText() + values())
          .as("the payload is shown as text").contains("window.__xss=1");
    }
    open("admission.view.html", HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.VIEW).build()).fullPage(true).build().render(t, rec));
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve("admission.view.png"), png);
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("入院记录", "反复胸闷3天");
  }

  private static String values() {
    Object v = js("var f = document.querySelector('form.emr-record');"
        + " return f ? JSON.stringify(EmrKit.values(f)) : ''");
    return v == null ? "" : v.toString();
  }

  @Test
  void theFrontPagePrintsFrontAndBackFromTheBrowser() throws Exception {
    Template t = Corpus.template("front-page");
    open("front-page.view.html", HtmlRenderer.builder().fullPage(true).build().render(t,
        Corpus.record("clean--front-page.json", t)));
    byte[] pdf = java.util.Base64.getDecoder().decode(browser.print(
        new org.openqa.selenium.print.PrintOptions()).getContent());
    Files.write(OUT.resolve("front-page.print.pdf"), pdf);
    List<String> pages = new java.util.ArrayList<>();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc).replaceAll("\\s", ""));
      }
    }
    assertThat(pages).as("the 首页 on one sheet, front and back").hasSize(2);
    assertThat(pages.get(0)).contains("住院病案首页", "出院诊断", "不稳定型心绞痛", "I20.000")
        .doesNotContain("手术及操作名称");
    assertThat(pages.get(1)).contains("手术及操作名称", "住院费用", "38560.40");
  }

  @Test
  void printedFromTheBrowserEveryPageCarriesTheHeaderAndItsPageNumber() throws Exception {
    // it printed 第0页/共0页 once, in the flow, and the browser's own "1 / 2" (the 病程记录 is
    // printed continued, so it numbers its pages 第 N 页 alone)
    Template t = Corpus.template("progress-note");
    Record rec = Corpus.progressNotes(t, 30);
    open("progress-notes.view.html", HtmlRenderer.builder().options(RenderOptions.builder()
        .printedBy("档案室").build()).fullPage(true).build().render(t, rec));
    byte[] pdf = java.util.Base64.getDecoder().decode(browser.print(
        new org.openqa.selenium.print.PrintOptions()).getContent());
    Files.write(OUT.resolve("progress-notes.print.pdf"), pdf);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).as("30 notes take more than a page").isGreaterThan(1);
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = stripper.getText(doc).replaceAll("\\s", "");
        assertThat(text).as("page %d", p).contains("示例市人民医院", "住院号：ZY0012345",
            "第" + p + "页", "打印人：档案室").doesNotContain("第0页", "共");
      }
    }
  }

  @Test
  void aPatientNameWithExtensionBCharactersPrintsFromTheBrowser() throws Exception {
    // 𠮷 𡒄 𨭉 𪨶: the view names HanaMinB (fonts-hanazono) and SimSun-ExtB in its font stack
    boolean hanazono = Files.isReadable(Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"));
    if ("true".equals(System.getenv("EMRKIT_FONTS_REQUIRED"))) {
      assertThat(hanazono).as("fonts-hanazono (installed by .ci/run)").isTrue();
    }
    assumeTrue(hanazono, "no Extension B font on this machine");
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    String name = Corpus.EXT_B_NAME;
    Record r = Corpus.withPatientName(clean, name);
    open("ext-b.view.html", HtmlRenderer.builder().fullPage(true).build().render(t, r));
    byte[] pdf = java.util.Base64.getDecoder().decode(browser.print(
        new org.openqa.selenium.print.PrintOptions()).getContent());
    Files.write(OUT.resolve("ext-b.print.pdf"), pdf);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains(name);
      java.util.List<String> fonts = new java.util.ArrayList<>();
      var resources = doc.getPage(0).getResources();
      for (var f : resources.getFontNames()) {
        fonts.add(resources.getFont(f).getName());
      }
      assertThat(fonts).as("the glyphs come from the Extension B font")
          .anySatisfy(f -> assertThat(f).contains("HanaMinB"));
    }
  }
}
