package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.template.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The demo editor in headless Chromium, as a clinician uses it: start {@code serve} on a free
 * port, open a new 入院记录, fill it, save, see the findings, fix one, save again, sign, download
 * the PDF and read its text with PDFBox. Screenshots go to {@code target/editor/}. Needs the
 * Debian packages {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them and
 * sets {@code EMRKIT_BROWSER_REQUIRED=true}, so CI fails rather than skips without them).
 */
class EditorBrowserTest {
  private static final Path OUT = Path.of("target", "editor");
  private static ChromeDriver browser;
  private static Editor editor;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    Chromium.required();
    List<Template> templates = Demo.templates();
    editor = new Editor(templates, Demo.records(templates), java.time.Clock.systemDefaultZone());
    base = "http://127.0.0.1:" + editor.start(0);
    browser = Chromium.start(1400, 1000);
    Files.createDirectories(OUT);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (editor != null) {
      editor.stop();
    }
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Clicks and waits for the page the click leads to (the editor reloads after each edit). */
  static void clickAndWaitForReload(WebElement button) throws InterruptedException {
    js("window.__before = true");
    button.click();
    waitForReload();
  }

  static void waitForReload() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Thread.sleep(100);
      if (Boolean.TRUE.equals(js("return window.__before === undefined"
          + " && document.readyState === 'complete'"))) {
        return;
      }
    }
    throw new AssertionError("the page did not reload; message: "
        + browser.findElement(By.id("message")).getText());
  }

  /** Types into a field's box (an input, or a rich-text box), replacing what it holds. */
  static void type(String path, String text) {
    WebElement e = field(path);
    e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    e.sendKeys(text);
  }

  static WebElement field(String path) {
    return browser.findElement(By.cssSelector("input[data-emr-path='" + path + "'],"
        + " .emr-rich[data-emr-path='" + path + "']"));
  }

  static String shown(String path) {
    WebElement e = field(path);
    return e.getTagName().equals("input") ? e.getAttribute("value") : e.getText();
  }

  static void choose(String path, String value) {
    browser.findElement(By.cssSelector("select[name='" + path + "'] option[value='" + value
        + "']")).click();
  }

  static List<String> findingPaths() {
    return browser.findElements(By.cssSelector("#findings a.finding")).stream()
        .map(a -> a.getAttribute("data-code") + " " + a.getAttribute("data-path")).toList();
  }

  static void screenshot(String name) throws Exception {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Logs in through the log-in page as a demo user (a fresh session each time). */
  static void login(String user) throws InterruptedException {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("user")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Editor.PASSWORD);
    try {
      screenshot("0-login.png");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    clickAndWaitForReload(browser.findElement(By.id("login")));
    assertThat(browser.findElement(By.id("actor")).getText())
        .isEqualTo(Editor.STAFF_LOGINS.get(user).name());
  }

  /** Signs with the signature button given, typing the signer's password again first. */
  static void sign(WebElement button) throws InterruptedException {
    browser.findElement(By.id("sign-password")).sendKeys(Editor.PASSWORD);
    clickAndWaitForReload(button);
  }

  /**
   * Types xjt into the first diagnosis's search box and picks 不稳定型心绞痛 I20.000 from the
   * list with the arrow keys and Enter, as a clinician would.
   */
  static void pickDiagnosis() throws Exception {
    String row = "[data-emr-path='/values/diagnoses/0/diagnosis'] ";
    WebElement box = browser.findElement(By.cssSelector(row + "input.emr-search-box"));
    assertThat(box.getAttribute("role")).isEqualTo("combobox");
    box.sendKeys("xjt");
    WebElement list = browser.findElement(By.cssSelector(row + "[role=listbox]"));
    for (int i = 0; i < 50 && !list.isDisplayed(); i++) {
      Thread.sleep(100);
    }
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    List<String> options = list.findElements(By.cssSelector("[role=option]")).stream()
        .map(WebElement::getText).toList();
    assertThat(options).anyMatch(o -> o.startsWith("I20.000") && o.contains("不稳定型心绞痛"));
    // the part that matched is marked: 心绞痛 for xjt
    assertThat(list.findElements(By.cssSelector("mark")).stream().map(WebElement::getText))
        .contains("心绞痛");
    // no category: the national list wants full codes, so I20 心绞痛 is not offered
    assertThat(options).noneMatch(o -> o.startsWith("I20 "));
    js("arguments[0].scrollIntoView({block: 'center'})", box);
    screenshot("1-search-xjt.png");
    int target = 0;
    while (!options.get(target).startsWith("I20.000")) {
      target++;
    }
    // the first match is active; arrow down to the one wanted
    for (int i = 0; i < target; i++) {
      box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    }
    assertThat(browser.findElement(By.id(box.getAttribute("aria-activedescendant"))).getText())
        .startsWith("I20.000");
    box.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(list.isDisplayed()).isFalse();
    assertThat(box.getAttribute("value")).isEqualTo("I20.000 不稳定型心绞痛");
  }

  @Test
  void aResidentWritesFixesSignsAndDownloadsTheRecord() throws Exception {
    login("liming");
    clickAndWaitForReload(browser.findElement(
        By.cssSelector("button.new[data-template='admission-record']")));
    assertThat(browser.getCurrentUrl()).contains("/records/NEW-");
    assertThat(findingPaths()).contains("field/required /values/chiefComplaint");

    choose("/values/sex", "1");
    type("/values/chiefComplaint", "反复胸闷3天");
    type("/values/hpi", "患者3天前无明显诱因出现胸闷，位于胸骨后，持续约10分钟，休息后缓解。");
    type("/values/pastIllness", "高血压病史10年。");
    choose("/values/allergyPresent", "无");
    type("/values/personalHistory", "吸烟30年。");
    type("/values/maritalHistory", "已婚，育有1子。");
    type("/values/temp", "36.8");
    type("/values/pulse", "78");
    type("/values/respiration", "18");
    type("/values/sbp", "150");
    type("/values/dbp", "90");
    type("/values/auxiliaryExam", "心电图：窦性心律，ST段压低。");
    // a new record starts with its defaults and one 诊断 row (minRows); the resident clears
    // the prefilled 家族史 to write it later
    assertThat(browser.findElements(By.cssSelector(
        "[data-emr-group='diagnoses'] > .emr-row"))).hasSize(1);
    assertThat(shown("/values/familyHistory")).isEqualTo("否认家族遗传病史");
    field("/values/familyHistory").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    pickDiagnosis();
    clickAndWaitForReload(browser.findElement(By.id("save")));
    // the record holds the list's system and version with the code and its name
    assertThat(js("return document.querySelector(\"[data-emr-path='/values/diagnoses/0/diagnosis']"
        + " input\").value")).isEqualTo("I20.000 不稳定型心绞痛");
    String id = URI.create(browser.getCurrentUrl()).getPath().replace("/records/", "");
    assertThat(editor.service().store().find(id).orElseThrow().values().rows("diagnoses").get(0)
        .get("diagnosis")).contains(new org.emrkit.record.Value.Coded(new org.emrkit.record.Coding(
            "I20.000", "不稳定型心绞痛", "icd10-clinical", "2.0")));

    // saved: the values are in the form again, the findings name what is still missing
    assertThat(shown("/values/chiefComplaint")).isEqualTo("反复胸闷3天");
    List<String> findings = findingPaths();
    assertThat(findings).doesNotContain("field/required /values/chiefComplaint",
        "field/required /values/temp", "field/repeat-count /values/diagnoses")
        .contains("cn/required-item /values/familyHistory");
    // the trace for people: labels and values as shown, the role in Chinese, no pointers
    assertThat(browser.findElement(By.id("trace")).getText()).contains("主诉：— → 反复胸闷3天",
        "体温：— → 36.8℃", "李明（住院医师）").doesNotContain("/chiefComplaint", "resident");
    // the findings in the clinician's words: labels, no pointers; codes only when asked for
    WebElement list = browser.findElement(By.id("findings"));
    assertThat(list.getText()).contains("家族史").doesNotContain("/values/", "cn/required-item");
    browser.findElement(By.cssSelector("label[for=show-codes]")).click();
    assertThat(list.getText()).contains("cn/required-item");
    screenshot("1-saved-with-findings.png");

    // a finding leads to its field
    browser.findElement(By.cssSelector(
        "#findings a.finding[data-path='/values/familyHistory']")).click();
    assertThat(js("return document.activeElement.getAttribute('data-emr-path')"))
        .isEqualTo("/values/familyHistory");
    browser.switchTo().activeElement().sendKeys("否认家族遗传病史。");
    clickAndWaitForReload(browser.findElement(By.id("save")));
    assertThat(findingPaths()).doesNotContain("cn/required-item /values/familyHistory")
        .hasSize(findings.size() - 1);

    // signing asks for the password again: without it, nothing is signed
    browser.findElement(By.id("sign")).click();
    Thread.sleep(500);
    assertThat(browser.findElement(By.id("message")).getText()).contains("密码");
    // sign: draft → signed, the signature field shows the signer
    sign(browser.findElement(By.id("sign")));
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已签名 signed");
    assertThat(browser.findElement(By.id("signatures")).getText()).contains("李明（住院医师）");
    assertThat(browser.findElement(By.id("audit")).getText()).contains("trace intact");
    screenshot("2-signed.png");

    // signed content may be amended, with a reason: the page asks for it before saving
    assertThat(field("/values/chiefComplaint").getAttribute("class")).contains("emr-amend");
    assertThat(browser.findElement(By.id("reason-box")).isDisplayed()).isFalse();
    type("/values/chiefComplaint", "反复胸闷、胸痛3天");
    assertThat(browser.findElement(By.id("reason-box")).isDisplayed()).isTrue();
    browser.findElement(By.id("save")).click();
    Thread.sleep(300);
    assertThat(browser.findElement(By.id("message")).getText()).contains("须注明修改理由");
    assertThat(js("return document.activeElement.id")).isEqualTo("reason");
    browser.findElement(By.id("reason")).sendKeys("补充症状");
    // Ctrl+S saves from inside the form
    js("window.__before = true");
    field("/values/chiefComplaint").sendKeys(Keys.chord(Keys.CONTROL, "s"));
    waitForReload();
    assertThat(browser.findElement(By.id("trace")).getText()).contains(
        "理由：补充症状", "主诉：反复胸闷3天 → 反复胸闷、胸痛3天");
    // the 痕迹 view: the old text struck, the new underlined, who and when on hover
    browser.findElement(By.id("trace-view")).click();
    WebElement traced = browser.findElement(By.cssSelector(
        ".emr-traced[data-emr-path='/values/chiefComplaint']"));
    // 反复胸闷3天 → 反复胸闷、胸痛3天: what was put in is underlined, what stayed is plain
    assertThat(traced.findElement(By.cssSelector("ins.emr-inserted")).getText()).contains("胸痛");
    assertThat(traced.getText()).startsWith("反复胸闷、胸痛3天");
    assertThat(traced.getAttribute("title")).contains("李明");
    screenshot("2b-trace-view.png");
    browser.navigate().back();

    // the PDF, with the browser's session
    String href = browser.findElement(By.id("pdf")).getAttribute("href");
    org.emrkit.editor.testing.Http http = new org.emrkit.editor.testing.Http(URI.create(href).getPort());
    http.cookie = "emrkit_session=" + browser.manage().getCookieNamed("emrkit_session").getValue();
    assertThat(browser.manage().getCookieNamed("emrkit_session").isHttpOnly()).isTrue();
    byte[] pdf = http.get(URI.create(href).getPath()).bytes();
    try (var doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("反复胸闷、胸痛3天", "否认家族遗传病史", "不稳定型心绞痛", "李明");
    }
    // the print preview: the archival PDF in a frame of the page, framed by this origin only
    browser.findElement(By.id("preview-open")).click();
    String src = browser.findElement(By.id("preview-frame")).getAttribute("src");
    assertThat(src).endsWith("/records/" + id + "/preview");
    org.emrkit.editor.testing.Http.Response preview = http.get(URI.create(src).getPath());
    assertThat(preview.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(preview.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(preview.header("Content-Security-Policy")).contains("frame-ancestors 'self'");
    assertThat(new String(preview.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    // the 病案室 archives only what is signed as it must be: the amendment superseded his
    // signature, so first he signs again
    login("qianmin");
    browser.get(base + "/records/" + id);
    browser.findElement(By.id("archive")).click();
    Thread.sleep(500);
    assertThat(browser.findElement(By.id("message")).getText()).contains("签名不全，不能归档",
        "修改后无人重新签名");
    login("liming");
    browser.get(base + "/records/" + id);
    sign(browser.findElement(By.id("sign")));
    // archived by the 病案室: read-only for everyone, no save, sign or archive
    login("qianmin");
    browser.get(base + "/records/" + id);
    clickAndWaitForReload(browser.findElement(By.id("archive")));
    for (String user : List.of("qianmin", "liming")) {
      login(user);
      browser.get(base + "/records/" + id);
      assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已归档 archived");
      assertThat(browser.findElement(By.id("read-only")).getText()).contains("已归档，只读");
      assertThat(browser.findElements(By.cssSelector("#save, #sign, #archive"))).isEmpty();
      assertThat(field("/values/chiefComplaint").getAttribute("readonly")).isNotNull();
      assertThat(field("/values/hpi").getAttribute("contenteditable")).isEqualTo("false");
      assertThat(browser.findElement(By.cssSelector("select[data-emr-path='/values/sex']"))
          .isEnabled()).isFalse();
      assertThat(browser.findElements(By.cssSelector("button.emr-add"))).allSatisfy(
          b -> assertThat(b.isDisplayed()).isFalse());
    }
    screenshot("2c-archived-read-only.png");
  }

  @Test
  void whatSeniorsChangeInAnInternsDraftKeepsItsTraceUnderEachName() throws Exception {
    login("wudi"); // 吴迪, 实习医师
    clickAndWaitForReload(browser.findElement(
        By.cssSelector("button.new[data-template='admission-record']")));
    type("/values/chiefComplaint", "胸闷3天");
    clickAndWaitForReload(browser.findElement(By.id("save")));
    String id = URI.create(browser.getCurrentUrl()).getPath().replace("/records/", "");
    // 审阅修改: her resident, then his attending, change what she wrote; nothing is signed yet
    String[][] reviews = {{"liming", "胸闷5天，考虑心绞痛"}, {"wangqiang", "胸痛5天"}};
    for (String[] r : reviews) {
      login(r[0]);
      browser.get(base + "/records/" + id);
      assertThat(browser.findElement(By.id("reason-box")).isDisplayed()).isFalse();
      type("/values/chiefComplaint", r[1]);
      clickAndWaitForReload(browser.findElement(By.id("save")));
    }
    browser.findElement(By.id("trace-view")).click();
    WebElement traced = browser.findElement(By.cssSelector(
        ".emr-traced[data-emr-path='/values/chiefComplaint']"));
    // what she wrote, struck where they changed it; what each put in, under his name on hover
    assertThat(traced.getText()).startsWith("胸闷痛②35①天，考虑心绞痛②〔①李明（住院医师）");
    Map<String, String> who = new java.util.LinkedHashMap<>();
    traced.findElements(By.cssSelector(":scope > del, :scope > ins")).forEach(e -> who.put(e.getTagName() + " "
        + e.getText(), e.getAttribute("title").replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "T")));
    assertThat(who).containsExactly(
        Map.entry("del 闷", "王强（主治医师）T 删除"),
        Map.entry("ins 痛", "王强（主治医师）T 添加"),
        Map.entry("del 3", "李明（住院医师）T 删除"),
        Map.entry("ins 5", "李明（住院医师）T 添加"),
        Map.entry("del ，考虑心绞痛", "李明（住院医师）T 添加，王强（主治医师）T 删除"));
    assertThat(traced.getAttribute("title")).matches("①李明（住院医师）\\S+ \\S+ ②王强（主治医师）\\S+ \\S+ 修改");
    js("arguments[0].scrollIntoView({block: 'center'})", traced);
    screenshot("2d-review-trace-view.png");
  }

  @Test
  void aNurseSignsARowWithItsSignatureButton() throws Exception {
    login("zhaofang");
    browser.get(base + "/records/EX-nursing-record");
    // both rows are signed; the nurse adds the afternoon's row, saves it and signs it
    browser.findElement(By.cssSelector("button.emr-add")).click();
    type("/values/nursingRows/2/observation", "患者午睡后诉轻度胸闷，予吸氧。");
    // the row's time is required: a row without it is not signed (edit/field-errors)
    type("/values/nursingRows/2/at", "2026-11-20 16:00");
    clickAndWaitForReload(browser.findElement(By.id("save")));
    sign(browser.findElement(By.cssSelector(
        "button.emr-sign[data-emr-path='/values/nursingRows/2/nurse']")));
    assertThat(browser.findElement(By.id("signatures")).getText())
        .contains("赵芳（护士）", "/nursingRows/2");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("草稿 draft");
    screenshot("4-row-signed.png");
  }

  /**
   * 删除此行 on a signed middle row while another row is corrected, one save: the row is removed
   * and the correction made, each remaining row keeps its own content and signature value (the
   * form posts where its rows came from, EmrKit.rows) - matched by position, the third row's
   * content would have been written into the second row under the second row's signature. The
   * page asks for the reason first: a signed row is taken out.
   */
  @Test
  void aSignedMiddleRowTakenOutWhileAnotherIsCorrectedIsThatRowRemoved() throws Exception {
    login("zhaofang");
    clickAndWaitForReload(browser.findElement(
        By.cssSelector("button.new[data-template='nursing-record']")));
    String[] notes = {"08:00 第一次巡视，患者安静。", "09:00 第二次巡视，患者入睡。",
        "10:00 第三次巡视，患者诉口干。"};
    for (int i = 0; i < notes.length; i++) {
      if (i > 0) {
        browser.findElement(By.cssSelector("button.emr-add")).click();
      }
      type("/values/nursingRows/" + i + "/at", "2026-11-20 " + notes[i].substring(0, 5));
      type("/values/nursingRows/" + i + "/observation", notes[i].substring(6));
    }
    clickAndWaitForReload(browser.findElement(By.id("save")));
    for (int i = 0; i < notes.length; i++) {
      sign(browser.findElement(By.cssSelector(
          "button.emr-sign[data-emr-path='/values/nursingRows/" + i + "/nurse']")));
    }
    com.fasterxml.jackson.databind.JsonNode before = recordJson().path("values")
        .path("nursingRows");
    assertThat(before).hasSize(3);
    // the first row corrected, the second taken out, in one save
    type("/values/nursingRows/0/observation", "第一次巡视，患者安静，无不适。");
    WebElement second = browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row"))
        .get(1);
    second.findElement(By.cssSelector("button.emr-remove")).click();
    assertThat(js("return EmrKit.rows(document.querySelector('form.emr-edit'))"))
        .isEqualTo(Map.of("/nursingRows", List.of(0L, 2L)));
    browser.findElement(By.id("save")).click();
    assertThat(browser.findElement(By.id("reason-box")).isDisplayed()).isTrue();
    browser.findElement(By.id("reason")).sendKeys("重复录入");
    clickAndWaitForReload(browser.findElement(By.id("save")));
    com.fasterxml.jackson.databind.JsonNode record = recordJson();
    com.fasterxml.jackson.databind.JsonNode rows = record.path("values").path("nursingRows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("observation").asText()).isEqualTo("第一次巡视，患者安静，无不适。");
    assertThat(rows.get(0).path("nurse")).isEqualTo(before.get(0).path("nurse"));
    // the third row, whole, with its own signature value
    assertThat(rows.get(1)).isEqualTo(before.get(2));
    List<String> last = new java.util.ArrayList<>();
    record.path("revisions").forEach(r -> {
      if ("重复录入".equals(r.path("reason").asText()) && !r.path("path").asText()
          .startsWith("/@")) {
        last.add(r.path("path").asText() + (r.has("new") ? "" : " removed"));
      }
    });
    assertThat(last).containsExactly("/nursingRows/1 removed", "/nursingRows/0/observation");
    screenshot("4b-row-taken-out.png");
  }

  static com.fasterxml.jackson.databind.JsonNode recordJson() throws Exception {
    String json = (String) js("var x = new XMLHttpRequest(); x.open('GET', location.pathname"
        + " + '.json', false); x.send(); return x.responseText;");
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
  }

  @Test
  void aNursePrintsTheSheetContinuedAndThePrintIsLogged() throws Exception {
    login("zhaofang");
    browser.get(base + "/records/EX-nursing-record");
    WebElement button = browser.findElement(By.id("print-continue"));
    assertThat(button.getText()).contains("续打");
    button.click();
    WebElement message = browser.findElement(By.id("message"));
    for (int i = 0; i < 100 && message.getText().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(message.getText()).startsWith("已续打并记录 printed and logged");
    screenshot("5-printed.png");
    String json = (String) js("var x = new XMLHttpRequest(); x.open('GET', location.pathname"
        + " + '.json', false); x.send(); return x.responseText;");
    assertThat(json).contains("\"path\": \"/@prints\"", "\"name\": \"赵芳\"",
        "病区打印机 ward printer (demo)");
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("trace")).getText()).as("the print in the trace, as"
        + " people read it").contains("打印：续打 continue · 第 1 页 · 病区打印机 ward printer (demo)");
    screenshot("6-print-in-trace.png");
    button = browser.findElement(By.id("print-continue"));
    message = browser.findElement(By.id("message"));
    // nothing written since: the button says so, and nothing is logged
    js("document.getElementById('message').textContent = ''");
    button.click();
    for (int i = 0; i < 100 && message.getText().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(message.getText()).contains("没有新的内容");
    assertThat(message.getAttribute("title")).contains("print/nothing-new");
  }

  @Test
  void aNurseCannotWriteAnAdmissionRecord() throws Exception {
    login("zhaofang");
    browser.get(base + "/records/EX-admission-record");
    // the form is read-only for her: nothing she may change, no save or sign
    assertThat(browser.findElement(By.id("read-only")).getText()).contains("只读");
    assertThat(browser.findElements(By.id("save"))).isEmpty();
    assertThat(field("/values/chiefComplaint").getAttribute("readonly")).isNotNull();
    assertThat(field("/values/hpi").getAttribute("contenteditable")).isEqualTo("false");
    assertThat(browser.findElements(By.cssSelector("form.emr-edit select"))).allSatisfy(
        e -> assertThat(e.isEnabled()).isFalse());
    // and what the page would not send, the server refuses
    String refused = (String) js("var x = new XMLHttpRequest(); x.open('POST', location.pathname"
        + " + '/save', false); x.setRequestHeader('Content-Type', 'application/json');"
        + " x.setRequestHeader('X-CSRF-Token', document.querySelector('meta[name=emrkit-csrf]')"
        + ".content); x.send(JSON.stringify({head: JSON.parse(document.getElementById('emr-page')"
        + ".textContent).head, values: {chiefComplaint: '护士改写'}})); return x.responseText;");
    assertThat(refused).contains("edit/permission", "护士赵芳无权");
    screenshot("3-read-only-for-a-nurse.png");
    login("liming");
    browser.get(base + "/records/EX-admission-record");
    assertThat(shown("/values/chiefComplaint")).isEqualTo("反复胸闷3天");
  }

  @Test
  void aPageFromAnotherSiteCannotActForTheLoggedInUser() throws Exception {
    login("liming");
    screenshot("0-index.png");
    int before = editor.records().size();
    var admission = editor.records().get("EX-admission-record");
    // the attacker's page: another origin, a form that posts itself and a fetch with credentials
    String attack = "<!DOCTYPE html><html><body><form id=f method=post action='" + base
        + "/new?template=admission-record'><input name=csrf value=guess></form><script>"
        + "fetch('" + base + "/records/EX-admission-record/save', {method: 'POST', credentials:"
        + " 'include', headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({head: '',"
        + " values: {chiefComplaint: '攻击'}})}).catch(function () {}).finally(function () {"
        + " document.getElementById('f').submit(); });</script></body></html>";
    com.sun.net.httpserver.HttpServer evil = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    evil.createContext("/", x -> {
      byte[] b = attack.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    evil.start();
    try {
      browser.get("http://localhost:" + evil.getAddress().getPort() + "/");
      for (int i = 0; i < 50 && browser.getCurrentUrl().contains(
          ":" + evil.getAddress().getPort()); i++) {
        Thread.sleep(100);
      }
      Thread.sleep(300);
      assertThat(browser.getPageSource()).as("the form post was refused or sent to log in")
          .containsAnyOf("跨站请求被拒绝", "登录 log in");
    } finally {
      evil.stop(0);
    }
    assertThat(editor.records()).hasSize(before);
    assertThat(editor.records().get("EX-admission-record")).isEqualTo(admission);
  }
}
