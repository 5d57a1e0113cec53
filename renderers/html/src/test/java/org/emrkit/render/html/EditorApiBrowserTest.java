package org.emrkit.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.record.Record;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The edit form's component and its API (emrkit.js 1.0, declared in emrkit.d.ts) in headless
 * Chromium at 1366×768, the ward PC's screen: controls fit their cells, values go in and out
 * through the API, typing is undone and redone, findings stay quiet until a field is left,
 * the keyboard moves on and saves, leaving unsaved warns, rich text keeps its marks, read-only
 * and editable paths, the phrase hook. Screenshots in target/browser/.
 */
class EditorApiBrowserTest {
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    browser = Chromium.start(1366, 768);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static Object js(String script, Object... args) {
    return Chromium.js(browser, script, args);
  }

  private static void form(String template, String record) throws Exception {
    Template t = Corpus.template(template);
    Record r = Corpus.record(record, t);
    Chromium.open(browser, template + ".api.html", HtmlRenderer.builder().options(
        RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build()
        .render(t, r));
    js("window.ed = EmrKit.mount(document.body); window.events = [];"
        + "['change', 'dirty', 'save', 'sign', 'print'].forEach(function (n) {"
        + " ed.on(n, function (d) { events.push(n); }); });");
  }

  @SuppressWarnings("unchecked")
  private static List<String> events() {
    return (List<String>) js("return events");
  }

  private static WebElement field(String path) {
    return browser.findElement(By.cssSelector("input[data-emr-path='" + path + "'],"
        + " .emr-rich[data-emr-path='" + path + "'], select[data-emr-path='" + path + "']"));
  }

  private static void screenshot(String name) throws Exception {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Chromium.OUT.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aMultiLineTextInAOneLineBoxReadsBackUnchangedUntilEdited() throws Exception {
    // a record built elsewhere holds a plain text with line breaks; its one-line box drops
    // them, and saving the form recorded a change no one made (refused if signed)
    Template t = Corpus.template("admission-record");
    Record clean = Corpus.record("clean--admission-record.json", t);
    Record r = clean.withValues(clean.values().with("chiefComplaint",
        new org.emrkit.record.Value.Str("胸闷3天\n加重1天")).with("pastIllness",
        new org.emrkit.record.Value.Str("高血压\u0001病史10年。\u000B否认糖尿病")));
    Chromium.open(browser, "lines.api.html", HtmlRenderer.builder().options(
        RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build()
        .render(t, r));
    js("window.ed = EmrKit.mount(document.body);");
    WebElement cc = field("/values/chiefComplaint");
    assertThat(cc.getAttribute("value")).isEqualTo("胸闷3天加重1天"); // as the box shows it
    assertThat(js("return ed.getValue('/values/chiefComplaint')")).isEqualTo("胸闷3天\n加重1天");
    assertThat((String) js("return JSON.stringify(ed.getValues())")).contains("胸闷3天\\n加重1天");
    assertThat(js("return ed.isDirty()")).isEqualTo(false);
    // a narrative shows a control character as it prints (none: no HTML page may hold one),
    // and reads back as it is while unchanged
    assertThat(field("/values/pastIllness").getText()).isEqualTo("高血压病史10年。\n否认糖尿病");
    assertThat(js("return ed.getValue('/values/pastIllness')"))
        .isEqualTo("高血压\u0001病史10年。\u000B否认糖尿病");
    // set through the API, the same; edited, what the box holds
    js("ed.setValue('/values/chiefComplaint', '胸痛\\n2小时')");
    assertThat(js("return ed.getValue('/values/chiefComplaint')")).isEqualTo("胸痛\n2小时");
    cc.click();
    cc.sendKeys(Keys.END, "，加重");
    assertThat(js("return ed.getValue('/values/chiefComplaint')")).isEqualTo("胸痛2小时，加重");
  }

  @Test
  void everyControlOfTheNursingSheetFitsItsCellAt1366() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    browser.findElement(By.cssSelector("button.emr-add")).click();
    screenshot("api-nursing-1366.png");
    // each control's box lies inside its cell's, and shows all of its text (no 11/26/202)
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> boxes = (List<Map<String, Object>>) js(
        "return Array.from(document.querySelectorAll('td .emr-control, td .emr-dt, td .emr-pick'))"
        + ".map(function (e) { var c = e.closest('td').getBoundingClientRect(),"
        + " b = e.getBoundingClientRect(); return {what: (e.getAttribute('data-emr-path')"
        + " || e.className) + ' ' + (e.value || e.textContent || ''), left: b.left - c.left,"
        + " right: c.right - b.right, cut: e.tagName === 'INPUT' ? e.scrollWidth - e.clientWidth"
        + " : 0}; });");
    assertThat(boxes).hasSizeGreaterThan(30);
    for (Map<String, Object> b : boxes) {
      assertThat(((Number) b.get("left")).doubleValue()).as("%s", b).isGreaterThanOrEqualTo(-0.5);
      assertThat(((Number) b.get("right")).doubleValue()).as("%s", b).isGreaterThanOrEqualTo(-0.5);
      assertThat(((Number) b.get("cut")).doubleValue()).as("%s", b).isLessThanOrEqualTo(0);
    }
    assertThat(field("/values/nursingRows/0/at").getAttribute("value")).isEqualTo(
        "2026-11-20 10:00");
    // the landscape sheet is edited landscape: the form is as wide as A4 landscape's text
    assertThat(((Number) js("return document.querySelector('form').getBoundingClientRect().width"))
        .doubleValue()).isGreaterThan(900);
  }

  /**
   * Beside a host's side panel (the demo's, at 1400 px) the sheet's columns are narrow: its
   * date-and-time and number boxes are set smaller until the whole value shows (the minutes were
   * cut off, "2026-11-20 08:", and an intake of 200 ml showed "20"); text boxes keep the form's
   * size.
   */
  @Test
  void aDateAndTimeInANarrowColumnShowsWhole() throws Exception {
    Template t = Corpus.template("nursing-record");
    Record r = Corpus.record("clean--nursing-record.json", t);
    Chromium.open(browser, "nursing-narrow.api.html", HtmlRenderer.builder().options(
        RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build()
        .render(t, r));
    // the host narrows the form after it is drawn (a side panel opened): sized again
    js("window.ed = EmrKit.mount(document.body); document.body.style.width = '760px';"
        + " window.dispatchEvent(new Event('resize'));");
    browser.executeAsyncScript("var done = arguments[0]; document.fonts.ready.then(function () {"
        + " requestAnimationFrame(function () { setTimeout(done, 0); }); });");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> times = (List<Map<String, Object>>) js(
        "return Array.from(document.querySelectorAll('td .emr-dt input.emr-control,"
        + " td input.emr-num'))"
        + ".map(function (e) { return {value: e.value, cut: e.scrollWidth - e.clientWidth,"
        + " size: parseFloat(getComputedStyle(e).fontSize)}; });");
    assertThat(times).hasSizeGreaterThan(10);
    for (Map<String, Object> b : times) {
      assertThat(((Number) b.get("cut")).doubleValue()).as("%s", b).isLessThanOrEqualTo(0);
      assertThat(((Number) b.get("size")).doubleValue()).as("%s", b).isGreaterThanOrEqualTo(10);
    }
    // typing a time in: still whole
    WebElement at = field("/values/nursingRows/1/at");
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-11-20 23:59");
    assertThat(((Number) js("var e = arguments[0]; return e.scrollWidth - e.clientWidth", at))
        .doubleValue()).isLessThanOrEqualTo(0);
    assertThat(((Number) js("return parseFloat(getComputedStyle(document.querySelector("
        + "'[data-emr-path=\"/values/nursingRows/0/intakeName\"]')).fontSize)")).doubleValue())
        .isGreaterThan(12);
    screenshot("api-nursing-narrow.png");
  }

  @Test
  void valuesGoInAndOutThroughTheApi() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    assertThat(js("return EmrKit.version")).isEqualTo("1.0.0");
    js("ed.setValue('/values/nursingRows/1/t', 37.2)");
    assertThat(field("/values/nursingRows/1/t").getAttribute("value")).isEqualTo("37.2");
    // a merge patch: a third row with its time and observation, row 0's pulse removed
    js("var v = ed.getValues(); v.nursingRows.push({at: '2026-11-20T16:00:00+08:00',"
        + " observation: '患者午睡后诉胸闷。'}); ed.patch({nursingRows: v.nursingRows});");
    assertThat(browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row"))).hasSize(3);
    assertThat(field("/values/nursingRows/2/at").getAttribute("value")).isEqualTo(
        "2026-11-20 16:00");
    assertThat(field("/values/nursingRows/2/observation").getText()).isEqualTo("患者午睡后诉胸闷。");
    assertThat(js("return ed.getValue('/values/nursingRows/2/at')")).isEqualTo(
        "2026-11-20T16:00:00+08:00");
    // numbers as typed in the JSON to post; the signatures kept as they are
    assertThat((String) js("return ed.json()")).contains("\"t\":36.8", "\"t\":37.2",
        "\"name\":\"赵芳\"");
    assertThat((String) js("try { ed.setValue('/values/nursingRows/0/nurse', {}); return 'set'; }"
        + " catch (e) { return e.message; }")).contains("signing");
    assertThat((String) js("try { ed.setValue('/values/nope', 1); return 'set'; }"
        + " catch (e) { return e.message; }")).contains("no field at /values/nope");
    // insert text at the caret: a phrase, a lab result
    WebElement obs = field("/values/nursingRows/0/observation");
    obs.click();
    obs.sendKeys(Keys.END);
    js("ed.insertText('予吸氧。')");
    assertThat(obs.getText()).isEqualTo("患者入院，介绍环境。予吸氧。");
    assertThat(events()).contains("change", "dirty");
    // an inline box grows with what the API puts in it, as with what is typed
    form("admission-record", "clean--admission-record.json");
    double before = ((Number) js("return document.querySelector(\"[data-emr-path='/values/"
        + "maritalHistory']\").getBoundingClientRect().width")).doubleValue();
    js("ed.setValue('/values/maritalHistory', '已婚，育有1子1女，配偶及子女均体健。')");
    assertThat(((Number) js("return document.querySelector(\"[data-emr-path='/values/"
        + "maritalHistory']\").getBoundingClientRect().width")).doubleValue())
        .isGreaterThan(before + 50);
  }

  @Test
  void typingIsUndoneAndRedoneWithTheKeyboard() throws Exception {
    form("admission-record", "clean--admission-record.json");
    WebElement cc = field("/values/chiefComplaint");
    cc.click();
    cc.sendKeys(Keys.END, "，加重1天");
    js("ed._lastEl = null"); // a new step, as after a pause
    WebElement temp = field("/values/temp");
    temp.sendKeys(Keys.chord(Keys.CONTROL, "a"), "37.5");
    assertThat(js("return ed.canUndo()")).isEqualTo(true);
    temp.sendKeys(Keys.chord(Keys.CONTROL, "z"));
    assertThat(temp.getAttribute("value")).isEqualTo("36.8");
    assertThat(cc.getAttribute("value")).isEqualTo("反复胸闷3天，加重1天");
    temp.sendKeys(Keys.chord(Keys.CONTROL, "z"));
    assertThat(cc.getAttribute("value")).isEqualTo("反复胸闷3天");
    assertThat(js("return ed.isDirty()")).isEqualTo(false);
    temp.sendKeys(Keys.chord(Keys.CONTROL, "y"));
    temp.sendKeys(Keys.chord(Keys.CONTROL, "y"));
    assertThat(cc.getAttribute("value")).isEqualTo("反复胸闷3天，加重1天");
    assertThat(temp.getAttribute("value")).isEqualTo("37.5");
    assertThat(js("return ed.isDirty()")).isEqualTo(true);
  }

  @Test
  void findingsStayQuietUntilTheFieldIsLeftOrTheRecordSaved() throws Exception {
    form("admission-record", "clean--admission-record.json");
    js("ed.showReport([{path: '/values/chiefComplaint', severity: 'error', code: 'field/max-length',"
        + " message: {zh: '“主诉”不超过20字', en: 'at most 20'}}, {path: '/values/temp',"
        + " severity: 'warning', code: 'field/range', message: '“体温”超出常见范围'}])");
    assertThat(browser.findElements(By.cssSelector(".emr-note"))).isEmpty();
    WebElement cc = field("/values/chiefComplaint");
    cc.click();
    field("/values/hpi").click(); // leaves 主诉
    List<WebElement> notes = browser.findElements(By.cssSelector(".emr-note"));
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).getText()).isEqualTo("“主诉”不超过20字");
    assertThat(cc.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(cc.getAttribute("aria-describedby")).isEqualTo(notes.get(0).getAttribute("id"));
    // Ctrl+S: the save request shows every finding
    cc.sendKeys(Keys.chord(Keys.CONTROL, "s"));
    assertThat(browser.findElements(By.cssSelector(".emr-note"))).hasSize(2);
    assertThat(events()).contains("save");
    // what the form cannot read is said when the field is left, in the clinician's words
    WebElement temp = field("/values/temp");
    temp.sendKeys(Keys.chord(Keys.CONTROL, "a"), "三十七");
    cc.click();
    assertThat(browser.findElement(By.cssSelector(".emr-note-error[id='"
        + temp.getAttribute("aria-describedby") + "']")).getText()).isEqualTo(
        "“体温”超出常见范围；“体温”应填数字");
    screenshot("api-findings.png");
  }

  @Test
  void typedDatesAndFullWidthNumbersAreReadAsTheRecordWritesThem() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    WebElement at = field("/values/nursingRows/1/at");
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026/11/20 14:30");
    WebElement t = field("/values/nursingRows/1/t");
    t.sendKeys(Keys.chord(Keys.CONTROL, "a"), "３６．９");
    t.click();
    assertThat(at.getAttribute("value")).isEqualTo("2026-11-20 14:30");
    assertThat(js("return ed.getValue('/values/nursingRows/1/at')")).isEqualTo(
        "2026-11-20T14:30:00+08:00");
    assertThat(((Number) js("return ed.getValue('/values/nursingRows/1/t')")).doubleValue())
        .isEqualTo(36.9);
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "202611201530");
    t.click();
    assertThat(at.getAttribute("value")).isEqualTo("2026-11-20 15:30");
    // a date that does not exist is kept as typed (posted and refused with why), and said
    at.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-02-30 10:00");
    t.click();
    assertThat(js("return ed.getValue('/values/nursingRows/1/at')")).isEqualTo("2026-02-30 10:00");
    assertThat(browser.findElement(By.cssSelector(".emr-note")).getText()).contains("应写成");
    // the picker: a native date-time box opened beside it, its choice written as the record does
    browser.findElement(By.cssSelector("[data-emr-path='/values/nursingRows/0/at'] + .emr-pick"))
        .click();
    js("var n = document.querySelector('.emr-native'); n.value = '2026-11-21T08:15';"
        + " n.dispatchEvent(new Event('change', {bubbles: true}));");
    assertThat(field("/values/nursingRows/0/at").getAttribute("value")).isEqualTo(
        "2026-11-21 08:15");
  }

  @Test
  void enterMovesOnTabOrderStaysAndLeavingUnsavedWarns() throws Exception {
    form("admission-record", "clean--admission-record.json");
    assertThat(js("var e = new Event('beforeunload', {cancelable: true});"
        + " window.dispatchEvent(e); return e.defaultPrevented")).isEqualTo(false);
    WebElement cc = field("/values/chiefComplaint");
    cc.click();
    // Enter while a Chinese input method composes commits the pinyin: the field stays
    js("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true,"
        + " bubbles: true, cancelable: true}))", cc);
    assertThat(js("return document.activeElement.getAttribute('data-emr-path')"))
        .isEqualTo("/values/chiefComplaint");
    cc.sendKeys("x", Keys.ENTER);
    assertThat(js("return document.activeElement.getAttribute('data-emr-path')"))
        .isEqualTo("/values/hpi");
    field("/values/surgeryHistory").sendKeys(Keys.ENTER);
    assertThat(js("return document.activeElement.getAttribute('data-emr-path')"))
        .isEqualTo("/values/transfusionHistory");
    assertThat(js("var e = new Event('beforeunload', {cancelable: true});"
        + " window.dispatchEvent(e); return e.defaultPrevented")).isEqualTo(true);
    js("ed.markSaved()");
    assertThat(js("var e = new Event('beforeunload', {cancelable: true});"
        + " window.dispatchEvent(e); return e.defaultPrevented")).isEqualTo(false);
  }

  /**
   * Where each row came from (EmrKit.rows): a row taken out, undone and redone, a row added,
   * and after a save every row is the record's entry at its place; rows keep their origin
   * through undo, which draws rows back by position.
   */
  @Test
  void rowsSayWhereTheyCameFromThroughUndoAndSaves() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    String rows = "return JSON.stringify(ed.rows()['/nursingRows'])";
    assertThat(js(rows)).isEqualTo("[0,1]");
    browser.findElement(By.cssSelector("button.emr-add")).click();
    assertThat(js(rows)).isEqualTo("[0,1,null]");
    field("/values/nursingRows/2/observation").sendKeys("夜间睡眠可。");
    browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row")).get(0)
        .findElement(By.cssSelector("button.emr-remove")).click();
    assertThat(js(rows)).isEqualTo("[1,null]");
    // the values posted hold a row for every origin, an empty one too
    assertThat(js("return ed.getValues().nursingRows.length")).isEqualTo(2L);
    assertThat(js("return ed.undo()")).isEqualTo(true);
    assertThat(js(rows)).isEqualTo("[0,1,null]");
    assertThat(js("return ed.getValue('/values/nursingRows/2/observation')"))
        .isEqualTo("夜间睡眠可。");
    assertThat(js("return ed.redo()")).isEqualTo(true);
    assertThat(js(rows)).isEqualTo("[1,null]");
    assertThat(js("return JSON.stringify(EmrKit.rows(ed.form))"))
        .isEqualTo("{\"/nursingRows\":[1,null]}");
    js("ed.markSaved()"); // the record's rows are the form's rows now
    assertThat(js(rows)).isEqualTo("[0,1]");
    assertThat(js("return ed.undo()")).isEqualTo(true); // back before the save: the first row
    assertThat(js(rows)).isEqualTo("[null,0,1]"); // is gone from the record: it would be new
  }

  /**
   * Values set by position (setValues, patch) say nothing of where rows came from: taking out
   * the first of two rows by setValues reports no origins (the server then matches by position,
   * which reads a lone row taken out as that row removed), where keeping the keys would have
   * called the second row the first. And a save is based on the rows as posted: a row added
   * while the save was on its way is still new after markSaved.
   */
  @Test
  void rowsSetByPositionReportNoOriginsAndASaveIsBasedOnTheRowsPosted() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    String rows = "return JSON.stringify(ed.rows())";
    js("ed.patch({reason: null})"); // no rows change: origins still known
    assertThat(js(rows)).isEqualTo("{\"/nursingRows\":[0,1]}");
    js("var v = ed.getValues(); v.nursingRows = [v.nursingRows[1]]; ed.setValues(v)");
    assertThat(js(rows)).isEqualTo("{}");
    js("ed.markSaved()");
    assertThat(js(rows)).isEqualTo("{\"/nursingRows\":[0]}");
    // posted (rows() asked), then a row added before the host's answer: new after markSaved
    js("ed.rows()");
    browser.findElement(By.cssSelector("button.emr-add")).click();
    js("ed.markSaved()");
    assertThat(js(rows)).isEqualTo("{\"/nursingRows\":[0,null]}");
  }

  /**
   * A table inside repeat entries (手术 with its 人员): after the first entry is taken out, the
   * second's table is entry 0's - its add button finds it and a row added there writes under
   * /ops/0/staff (the button and the row template kept the old entry's path: the add failed, or
   * its values went into another entry).
   */
  @Test
  void aTableInsideAnEntryFollowsItsEntryWhenAnEntryBeforeItIsTakenOut() throws Exception {
    Template t = org.emrkit.json.TemplateJson.create().read(
        Corpus.text("/edit/operations.template.json")).orElseThrow();
    org.emrkit.record.Actor nurse = new org.emrkit.record.Actor("u-3001", "赵芳",
        org.emrkit.record.Role.NURSE);
    org.emrkit.edit.EditSession s = org.emrkit.edit.EditSession.open(t,
        org.emrkit.edit.NewRecord.draft("OP-1", t, org.emrkit.record.Context.EMPTY), nurse);
    assertThat(s.apply(org.emrkit.json.RecordJson.create().readValues("{\"ops\":["
        + "{\"name\":\"阑尾切除术\",\"staff\":[{\"who\":\"李明\"}]},"
        + "{\"name\":\"清创术\",\"staff\":[{\"who\":\"王强\"}]}]}", t).orElseThrow())
        .isApplied()).isTrue();
    Record r = s.commit();
    Chromium.open(browser, "operations.api.html", HtmlRenderer.builder().options(
        RenderOptions.builder().mode(RenderMode.FORM).build()).fullPage(true).build()
        .render(t, r));
    js("window.ed = EmrKit.mount(document.body);");
    browser.findElements(By.cssSelector("[data-emr-group][data-emr-path='/values/ops'] > .emr-row"))
        .get(0).findElement(By.cssSelector(":scope > button.emr-remove")).click();
    browser.findElement(By.cssSelector("button.emr-add[data-emr-for='/values/ops/0/staff']"))
        .click();
    field("/values/ops/0/staff/1/who").sendKeys("周洋");
    assertThat(js("var o = ed.getValues().ops; return JSON.stringify([o.length, o[0].name,"
        + " o[0].staff])")).isEqualTo("[1,\"清创术\",[{\"who\":\"王强\"},{\"who\":\"周洋\"}]]");
    assertThat(js("return JSON.stringify(ed.rows())"))
        .isEqualTo("{\"/ops\":[1],\"/ops/0/staff\":[0,null]}");
  }

  /** Selects in a rich box (a script setting range r in el) and clicks a toolbar command. */
  private static void apply(WebElement rich, String select, String command) {
    js("var el = arguments[0], r = document.createRange(); " + select
        + " var s = getSelection(); s.removeAllRanges(); s.addRange(r);", rich);
    browser.findElement(By.cssSelector(".emr-richbar [data-emr-command=" + command + "]")).click();
  }

  @Test
  void richTextKeepsBoldAndSuperscriptAndPastesPlainText() throws Exception {
    form("admission-record", "clean--admission-record.json");
    WebElement hpi = field("/values/hpi");
    hpi.click();
    hpi.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "血钾3.2mmol/L，");
    hpi.sendKeys(Keys.chord(Keys.CONTROL, "b"), "低钾", Keys.chord(Keys.CONTROL, "b"), "。");
    assertThat(browser.findElement(By.cssSelector(".emr-richbar")).isDisplayed()).isTrue();
    // the toolbar: select "2" in a new line's "m2" and make it superscript
    hpi.sendKeys(Keys.END, "体表面积1.8m2");
    apply(hpi, "var t = el.lastChild; while (t.lastChild) t = t.lastChild;"
        + " r.setStart(t, t.length - 1); r.setEnd(t, t.length);", "superscript");
    assertThat(js("return ed.getValue('/values/hpi')")).isEqualTo(
        "血钾3.2mmol/L，**低钾**。体表面积1.8m^2^");
    // made bold as well, the superscript stays one: m² bold, not m2 bold (nor the bold lost)
    apply(hpi, "var sup = el.querySelector('sup');"
        + " r.setStart(sup.previousSibling, sup.previousSibling.length - 1); r.setEndAfter(sup);",
        "bold");
    assertThat(js("return ed.getValue('/values/hpi')")).isEqualTo(
        "血钾3.2mmol/L，**低钾**。体表面积1.8**m^2^**");
    // and back through the API: what is set is drawn nested, and reads the same
    js("ed.setValue('/values/hpi', 'WBC **12×10^9^/L**')");
    assertThat(js("return document.querySelector(\"[data-emr-path='/values/hpi'] strong sup\")"
        + ".textContent")).isEqualTo("9");
    assertThat(js("return ed.getValue('/values/hpi')")).isEqualTo("WBC **12×10^9^/L**");
    // a range written with tildes stays text, bold or not
    js("ed.setValue('/values/hpi', '每日3~5次，**持续2~3天**')");
    assertThat(js("return document.querySelectorAll(\"[data-emr-path='/values/hpi'] sub\")"
        + ".length")).isEqualTo(0L);
    assertThat(js("return ed.getValue('/values/hpi')")).isEqualTo("每日3~5次，**持续2~3天**");
    // a paste from Word brings its text, not its markup
    WebElement past = field("/values/pastIllness");
    past.click();
    past.sendKeys(Keys.END);
    js("var d = new DataTransfer(); d.setData('text/html', '<b style=\"color:red\">加粗</b>');"
        + " d.setData('text/plain', '外来文字'); arguments[0].dispatchEvent(new ClipboardEvent("
        + "'paste', {clipboardData: d, bubbles: true, cancelable: true}));", past);
    assertThat((String) js("return ed.getValue('/values/pastIllness')")).isEqualTo(
        "高血压病史10年。外来文字");
    // nor the characters the record may not hold (its save would be refused): control
    // characters and the invisible right-to-left override
    js("var d = new DataTransfer(); d.setData('text/plain', '，\\u0001无\\u001B\\u202E殊');"
        + " arguments[0].dispatchEvent(new ClipboardEvent("
        + "'paste', {clipboardData: d, bubbles: true, cancelable: true}));", past);
    assertThat((String) js("return ed.getValue('/values/pastIllness')")).isEqualTo(
        "高血压病史10年。外来文字，无殊");
    // and in a one-line box: a line break or vertical tab a space, control characters left out
    WebElement cc = field("/values/chiefComplaint");
    assertThat(cc.getTagName()).isEqualTo("input");
    js("arguments[0].value = ''; arguments[0].focus();", cc);
    js("var d = new DataTransfer(); d.setData('text/plain', '胸闷\\u000B3天\\u0001\\r\\n加重');"
        + " arguments[0].dispatchEvent(new ClipboardEvent("
        + "'paste', {clipboardData: d, bubbles: true, cancelable: true}));", cc);
    assertThat((String) js("return ed.getValue('/values/chiefComplaint')")).isEqualTo(
        "胸闷 3天 加重");
    screenshot("api-rich-text.png");
  }

  @Test
  void readOnlyAndEditablePathsLockWhatMayNotChange() throws Exception {
    form("nursing-record", "clean--nursing-record.json");
    js("ed.setReadOnly(true)");
    assertThat(field("/values/nursingRows/0/t").getAttribute("readonly")).isNotNull();
    assertThat(field("/values/nursingRows/0/consciousness").isEnabled()).isFalse();
    assertThat(field("/values/nursingRows/0/observation").getAttribute("contenteditable"))
        .isEqualTo("false");
    assertThat(browser.findElement(By.cssSelector("button.emr-add")).isDisplayed()).isFalse();
    // the signed rows stay locked; the nurse may add rows after them and write those
    js("ed.setReadOnly(false); ed.setEditable(['/values/nursingRows/+2'])");
    assertThat(field("/values/nursingRows/1/t").getAttribute("readonly")).isNotNull();
    browser.findElement(By.cssSelector("button.emr-add")).click();
    WebElement t = field("/values/nursingRows/2/t");
    assertThat(t.getAttribute("readonly")).isNull();
    t.sendKeys("36.5");
    assertThat(((Number) js("return ed.getValue('/values/nursingRows/2/t')")).doubleValue())
        .isEqualTo(36.5);
    assertThat(js("return ed.insertText('x', '/values/nursingRows/0/bp')")).isEqualTo(false);
  }

  @Test
  void thePhraseLibraryIsOfferedOnF2AndPickedWithTheKeyboard() throws Exception {
    form("admission-record", "clean--admission-record.json");
    js("window.asked = null; ed.configure({hooks: {phrases: function (q) { asked = q;"
        + " return Promise.resolve([{title: '家族史', text: '否认家族遗传病史。'},"
        + " {title: '个人史', text: '无烟酒嗜好。'}]); }}})");
    WebElement ph = field("/values/personalHistory");
    ph.click();
    ph.sendKeys(Keys.END, Keys.F2);
    WebElement list = browser.findElement(By.cssSelector(".emr-popup[role=listbox]"));
    assertThat(list.getText()).contains("否认家族遗传病史。", "无烟酒嗜好。");
    ph.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    assertThat(js("return ed.getValue('/values/personalHistory')")).isEqualTo(
        "吸烟30年，每日20支。无烟酒嗜好。");
    assertThat((String) js("return asked.path + ' ' + asked.label")).isEqualTo(
        "/values/personalHistory 个人史");
    assertThat(browser.findElements(By.cssSelector(".emr-popup"))).isEmpty();
    // the list is the control's: it says it is open and which option is active
    ph.sendKeys(Keys.F2);
    String listId = browser.findElement(By.cssSelector(".emr-popup")).getAttribute("id");
    assertThat(ph.getAttribute("aria-controls")).isEqualTo(listId);
    assertThat(ph.getAttribute("aria-activedescendant")).isEqualTo(listId + "-o0");
    assertThat(ph.getAttribute("aria-expanded")).as("not a combobox").isNull();
    ph.sendKeys(Keys.ESCAPE);
    assertThat(browser.findElements(By.cssSelector(".emr-popup"))).isEmpty();
    assertThat(ph.getAttribute("aria-controls")).isNull();
    assertThat(ph.getAttribute("aria-activedescendant")).isNull();
    // a code's search box takes no phrases (its own list stays its own)
    WebElement box = browser.findElement(By.cssSelector(
        "[data-emr-path='/values/diagnoses/0/diagnosis'] input.emr-search-box"));
    String own = box.getAttribute("aria-controls");
    box.sendKeys(Keys.F2);
    Thread.sleep(100);
    assertThat(browser.findElements(By.cssSelector(".emr-popup"))).isEmpty();
    assertThat(box.getAttribute("aria-controls")).isEqualTo(own);
    // with the mouse: the text box's toolbar offers the library, a click picks a phrase
    WebElement hpi = field("/values/hpi");
    hpi.click();
    hpi.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
    browser.findElement(By.cssSelector(".emr-richbar button[data-emr-command=phrases]")).click();
    WebElement first = browser.findElement(By.cssSelector(".emr-popup [role=option]"));
    screenshot("api-phrases-toolbar.png");
    first.click();
    assertThat((String) js("return ed.getValue('/values/hpi')")).endsWith("否认家族遗传病史。");
    assertThat(browser.findElements(By.cssSelector(".emr-popup"))).isEmpty();
    // without a phrase library the toolbar does not offer one
    js("ed.hooks.phrases = null");
    field("/values/personalHistory").click();
    hpi.click();
    assertThat(browser.findElement(By.cssSelector(".emr-richbar button[data-emr-command=phrases]"))
        .isDisplayed()).isFalse();
  }

  @Test
  void aCodedFieldsMatchIsPickedWithTheMouseToo() throws Exception {
    form("admission-record", "clean--admission-record.json");
    js("window.errors = []; window.addEventListener('error', function (e) {"
        + " errors.push(e.message); }); ed.configure({hooks: {search: function (q) {"
        + " return [{code: 'I20.000', display: '不稳定型心绞痛', text: '不稳定型心绞痛', start: 3,"
        + " end: 6}, {code: 'I10.x00', display: '高血压', text: '高血压', start: 0, end: 1}]; }}});"
        + " window.editor = ed; delete window.ed;"); // no global the script could lean on
    WebElement box = browser.findElement(By.cssSelector(
        "[data-emr-path='/values/diagnoses/0/diagnosis'] input.emr-search-box"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "gxy");
    By option = By.cssSelector(
        "[data-emr-path='/values/diagnoses/0/diagnosis'] [role=option]:nth-child(2)");
    for (int i = 0; i < 50 && browser.findElements(option).isEmpty(); i++) {
      Thread.sleep(50); // the search waits for typing to pause
    }
    WebElement second = browser.findElement(option);
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    second.click();
    assertThat(box.getAttribute("value")).isEqualTo("I10.x00 高血压");
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(js("return editor.getValue('/values/diagnoses/0/diagnosis').code"))
        .isEqualTo("I10.x00");
    assertThat(js("return errors")).asList().isEmpty();
  }

  @Test
  void theDeclarationFileNamesWhatTheScriptOffers() throws Exception {
    form("admission-record", "clean--admission-record.json");
    String dts = new String(HtmlRenderer.class.getResourceAsStream("emrkit.d.ts").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    // every method the Editor interface declares exists on a mounted editor, and the reverse
    String body = dts.substring(dts.indexOf("interface Editor {"));
    body = body.substring(0, body.indexOf("\n}"));
    Matcher m = Pattern.compile("\\n  ([a-zA-Z]+)[(<]").matcher(body);
    List<String> declared = new java.util.ArrayList<>();
    while (m.find()) {
      declared.add(m.group(1));
    }
    assertThat(declared).hasSizeGreaterThan(20);
    @SuppressWarnings("unchecked")
    List<String> offered = (List<String>) js("return Object.keys(Object.getPrototypeOf(ed))"
        + ".filter(function (k) { return k[0] !== '_' && typeof ed[k] === 'function'; })");
    assertThat(offered).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(dts).contains("version: \"" + js("return EmrKit.version") + "\"");
  }

  @Test
  void inAnIframeOfAHostPageWithItsOwnCssTheFormStillFitsAndAnswers() throws Exception {
    Template t = Corpus.template("nursing-record");
    Record r = Corpus.record("clean--nursing-record.json", t);
    String form = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
        .build()).fullPage(true).build().render(t, r);
    // the host's own CSS, written as if nobody else were on the page
    String hostile = "<style>input,select,button{width:300px;border:3px solid red;"
        + "font-size:20px;padding:10px}td{padding:20px}p{margin:2em}span{display:block}</style>";
    String inner = form.replace("</head>", hostile + "</head>");
    Chromium.open(browser, "host-with-iframe.html", "<!DOCTYPE html><html><head>"
        + "<meta charset=\"utf-8\">" + hostile + "</head><body><h1>HIS 护理工作站</h1>"
        + "<iframe id=\"emr\" style=\"width:1300px;height:600px\" srcdoc=\""
        + inner.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe></body></html>");
    browser.switchTo().frame("emr");
    js("window.ed = EmrKit.mount(document.body)");
    @SuppressWarnings("unchecked")
    List<Number> out = (List<Number>) js("return Array.from(document.querySelectorAll("
        + "'td .emr-control, td .emr-pick, td .emr-dt')).map(function (e) { var c ="
        + " e.closest('td').getBoundingClientRect(), b = e.getBoundingClientRect(); return"
        + " Math.min(b.left - c.left, c.right - b.right, e.tagName === 'INPUT'"
        + " ? e.clientWidth - e.scrollWidth : 0); })");
    assertThat(out).hasSizeGreaterThan(20).allSatisfy(d -> assertThat(d.doubleValue())
        .isGreaterThanOrEqualTo(-0.5));
    assertThat(js("return getComputedStyle(document.querySelector('.emr-page-header .emr-macro')).display"))
        .isEqualTo("inline");
    js("ed.setValue('/values/nursingRows/1/t', 37.4)");
    assertThat(field("/values/nursingRows/1/t").getAttribute("value")).isEqualTo("37.4");
    assertThat((String) js("return ed.json()")).contains("\"t\":37.4");
    screenshot("api-in-iframe.png");
    browser.switchTo().defaultContent();
  }

  @Test
  void aLongSheetDrawsItsFirstRowsAtOnceAndTheRestSoonOrWhenAsked() throws Exception {
    Template t = Corpus.template("nursing-record");
    Record r = Corpus.nursingSheet(t, 100);
    // what the service would lock: rows signed before, except row 95 (an amendment); new rows open
    FormLocks locks = path -> !path.startsWith("/values/nursingRows/")
        || path.startsWith("/values/nursingRows/95/") || path.matches("/values/nursingRows/1\\d\\d/.*");
    String html = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
        .build()).build().render(t, r, locks);
    assertThat(html.split("<template class=\"emr-later\">", -1)).hasSize(4); // 30 + 30 + 30 + 10
    Chromium.open(browser, "long-sheet.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<style>" + HtmlRenderer.css() + "</style></head><body><div id=\"h\"></div><script>"
        + HtmlRenderer.script() + "</script></body></html>");
    String mount = "var h = document.getElementById('h'); h.innerHTML = '';"
        + " window.ed = EmrKit.mount(h, {html: arguments[0], editable: ['/values/nursingRows/95',"
        + " '/values/nursingRows/+100'], amend: ['/values/nursingRows/95']});";
    // at mount: the first 30 rows, the rest waiting; the add button counts them all
    @SuppressWarnings("unchecked")
    List<Object> atMount = (List<Object>) js(mount + " return [h.querySelectorAll('tr.emr-row')"
        + ".length, h.querySelectorAll('template.emr-later').length,"
        + " h.querySelector('button.emr-add').hidden]", html);
    assertThat(atMount).containsExactly(30L, 3L, false);
    // soon after: every row drawn, each locked or open as the options say
    for (int i = 0; i < 100 && ((Number) js("return document.querySelectorAll("
        + "'template.emr-later').length")).intValue() > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row"))).hasSize(100);
    js("document.querySelector(\"[data-emr-path='/values/nursingRows/27/t']\").scrollIntoView()");
    screenshot("api-long-sheet-rows-27-to-36.png"); // the first rows and those drawn later, one table
    assertThat(field("/values/nursingRows/80/t").getAttribute("readonly")).isNotNull();
    WebElement amended = field("/values/nursingRows/95/t");
    assertThat(amended.getAttribute("readonly")).isNull();
    assertThat(amended.getAttribute("class")).contains("emr-amend");
    // asked before they are drawn: the values, a field by path, a row added
    assertThat(js(mount + " return [ed.getValues().nursingRows.length,"
        + " document.querySelectorAll('template.emr-later').length]", html))
        .isEqualTo(List.of(100L, 0L));
    assertThat(js(mount + " return ed.focus('/values/nursingRows/95/t')"
        + " && document.activeElement.getAttribute('data-emr-path')", html))
        .isEqualTo("/values/nursingRows/95/t");
    js(mount + " document.querySelector('button.emr-add').click();", html);
    assertThat(field("/values/nursingRows/100/t").getAttribute("readonly")).isNull();
    assertThat(browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row"))).hasSize(101);
    // read without an editor (a form put on the page later, never mounted): every row
    assertThat(js("var h = document.getElementById('h'); h.innerHTML = arguments[0];"
        + " return [EmrKit.values(h.querySelector('form')).nursingRows.length,"
        + " JSON.parse(EmrKit.json(h.querySelector('form'))).nursingRows.length]", html))
        .isEqualTo(List.of(100L, 100L));
    // an editor let go of draws and locks what was still to come first
    assertThat(js(mount + " ed.destroy(); return [h.querySelectorAll('template.emr-later')"
        + ".length, h.querySelector(\"[data-emr-path='/values/nursingRows/95/t']\").classList"
        + ".contains('emr-amend'), h.querySelector(\"[data-emr-path='/values/nursingRows/80/t']"
        + "\").readOnly]", html)).isEqualTo(List.of(0L, true, true));
    // a report at mount does not draw them; its findings wait for their fields
    assertThat(js(mount + " ed.showReport([{path: '/values/nursingRows/90/bp', message:"
        + " '血压应写成 120/80'}]); return document.querySelectorAll('template.emr-later').length",
        html)).isEqualTo(3L);
    js("ed.reveal()");
    assertThat(browser.findElement(By.cssSelector(".emr-note")).getText())
        .isEqualTo("血压应写成 120/80");
  }
}
