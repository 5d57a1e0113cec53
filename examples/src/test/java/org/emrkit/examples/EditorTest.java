package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.testing.Http;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.template.Template;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo editor over HTTP, as its users meet it: each logs in with the demo password and acts
 * as themselves (the browser test drives the page; the library's tests attack the server).
 */
class EditorTest {

  static final java.time.Clock CLOCK = CliTest.CLOCK;
  static final Pattern CSRF = Pattern.compile("name=\"emrkit-csrf\" content=\"([^\"]+)\"");
  List<Template> templates;
  Editor editor;
  int port;

  @BeforeEach
  void start() throws Exception {
    templates = Demo.templates();
    editor = new Editor(templates, Demo.records(templates), CLOCK);
    port = editor.start(0);
  }

  @AfterEach
  void stop() {
    editor.stop();
  }

  /** A logged-in client: the session cookie and the page's CSRF token. */
  Http login(String user) throws Exception {
    Http h = new Http(port);
    Http.Response r = h.form("/login", "user=" + user + "&password="
        + URLEncoder.encode(Editor.PASSWORD, StandardCharsets.UTF_8));
    assertThat(r.status()).as(user).isEqualTo(303);
    String cookie = r.header("Set-Cookie");
    h.cookie = cookie.substring(0, cookie.indexOf(';'));
    Matcher m = CSRF.matcher(h.get("/").body());
    assertThat(m.find()).isTrue();
    h.csrf = m.group(1);
    return h;
  }

  Record stored(Http h, String id) throws Exception {
    return RecordJson.create().read(h.get("/records/" + id + ".json").body(),
        org.emrkit.json.TemplateResolver.of(templates.toArray(Template[]::new))).orElseThrow();
  }

  String head(Http h, String id) throws Exception {
    return RecordAudit.head(stored(h, id)).orElse("");
  }

  @Test
  void aRecordIsWrittenSignedReviewedAndArchivedThroughTheServer() throws Exception {
    Http li = login("liming");
    assertThat(li.get("/").body()).contains("入院记录", "admission-record@1.0.0",
        "href=\"/records/EX-admission-record\"", "href=\"/records/EX-nursing-record\"",
        "id=\"actor\">李明");
    Http.Response created = li.form("/new?template=admission-record", "csrf=" + li.csrf);
    assertThat(created.status()).isEqualTo(303);
    String id = created.header("Location").substring("/records/".length());
    String page = li.get("/records/" + id).body();
    assertThat(page).contains("form class=\"emr-record emr-edit\"", "field/required",
        "data-path=\"/values/chiefComplaint\"", "留痕校验通过");

    String save = "{\"head\":\"\",\"values\":{\"chiefComplaint\":\"反复胸闷3天\"}}";
    Http nurse = login("zhaofang");
    assertThat(nurse.post("/records/" + id + "/save", save).body())
        .contains("\"applied\": false", "edit/permission");
    assertThat(li.post("/records/" + id + "/save", save).body())
        .contains("\"applied\": true");
    assertThat(li.post("/records/" + id + "/save", save).body())
        .as("the page's trace head is stale now").contains("edit/stale");
    // the trace as people read it: the field's label and its value, who with the role
    assertThat(li.get("/records/" + id).body()).contains("主诉：— → 反复胸闷3天",
        "李明（住院医师）").doesNotContain("data-path=\"/values/chiefComplaint\"");
    assertThat(li.post("/records/" + id + "/save", "{\"head\":\"" + head(li, id)
        + "\",\"values\":{\"pulse\":\"fast\"}}").body()).contains("edit/bad-values",
        "脉搏：");
    Http.Response notJson = li.post("/records/" + id + "/save", "not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("request/json", "line 1");

    String sign = "\",\"scope\":\"\",\"password\":\"" + Editor.PASSWORD + "\"}";
    // only the 主诉 written: not signed, the empty required fields named
    assertThat(li.post("/records/" + id + "/sign", "{\"head\":\"" + head(li, id) + sign)
        .body()).contains("edit/field-errors", "必填项“现病史”未填写");
    Record bundled = editor.records().get("EX-admission-record");
    assertThat(li.post("/records/" + id + "/save", "{\"head\":\"" + head(li, id)
        + "\",\"values\":" + RecordJson.create().writeValues(bundled.values()
            .without("residentSignature").without("attendingSignature")
            .with("chiefComplaint", new org.emrkit.record.Value.Str("反复胸闷3天"))) + "}").body())
        .contains("\"applied\": true");
    assertThat(li.post("/records/" + id + "/sign", "{\"head\":\"" + head(li, id) + sign)
        .body()).contains("\"applied\": true");
    Http wang = login("wangqiang");
    assertThat(wang.post("/records/" + id + "/sign", "{\"head\":\"" + head(li, id) + sign)
        .body()).contains("\"applied\": true");
    assertThat(li.post("/records/" + id + "/save", "{\"head\":\"" + head(li, id)
        + "\",\"values\":{\"chiefComplaint\":\"胸痛1天\"},\"reason\":\"更正\"}").body())
        .contains("edit/rank");
    Http qc = login("qianmin");
    assertThat(qc.post("/records/" + id + "/archive", "{\"head\":\"" + head(li, id) + "\"}")
        .body()).contains("\"applied\": true");
    Record archived = stored(li, id);
    assertThat(archived.status()).isEqualTo(RecordStatus.ARCHIVED);
    assertThat(archived.signatures()).hasSize(2)
        .allSatisfy(s -> assertThat(s.proof()).as("signed with the demo key").isNotNull());
    assertThat(li.get("/records/" + id).body()).as("an archived record opens read-only")
        .doesNotContain("id=\"save\"", "id=\"sign\"");

    Http.Response pdf = li.get("/records/" + id + ".pdf");
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    try (var doc = Loader.loadPDF(pdf.bytes())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("反复胸闷3天", "张三");
    }
  }

  @Test
  void aNurseSignsANursingRow() throws Exception {
    Template nursing = templates.stream().filter(x -> x.id().equals("nursing-record")).findFirst()
        .orElseThrow();
    String id = "EX-nursing-record";
    assertThat(editor.records().get(id).template().matches(nursing)).isTrue();
    String sign = "\",\"scope\":\"/nursingRows/1\",\"password\":\"" + Editor.PASSWORD + "\"}";
    Http wang = login("wangqiang");
    assertThat(wang.post("/records/" + id + "/sign", "{\"head\":\"" + head(wang, id) + sign)
        .body()).contains("edit/permission");
    Http nurse = login("zhaofang");
    assertThat(nurse.post("/records/" + id + "/sign", "{\"head\":\"" + head(nurse, id) + sign)
        .body()).contains("edit/already-signed");
    // the nurse adds a row and signs it
    Record before = stored(nurse, id);
    String values = RecordJson.create().writeValues(before.values().with("nursingRows",
        new org.emrkit.record.Value.Rows(java.util.stream.Stream.concat(before.values()
            .rows("nursingRows").stream(), java.util.stream.Stream.of(org.emrkit.record.Values
                .of(java.util.Map.of("observation", new org.emrkit.record.Value.Str(
                    "患者午睡后诉轻度胸闷，予吸氧。"), "at", new org.emrkit.record.Value.DateTime(
                        java.time.OffsetDateTime.parse("2026-11-20T16:00:00+08:00")))))).toList())));
    assertThat(nurse.post("/records/" + id + "/save", "{\"head\":\"" + head(nurse, id)
        + "\",\"values\":" + values + "}").body()).contains("\"applied\": true");
    assertThat(nurse.post("/records/" + id + "/sign", "{\"head\":\"" + head(nurse, id)
        + sign.replace("/nursingRows/1", "/nursingRows/2")).body()).contains("\"applied\": true");
    var read = RecordJson.create().read(nurse.get("/records/" + id + ".json").body(), nursing);
    assertThat(read.errors()).isEmpty();
    Record signed = read.orElseThrow();
    assertThat(signed.signatures()).hasSize(3).last().satisfies(s -> {
      assertThat(s.scope().wire()).isEqualTo("/nursingRows/2");
      assertThat(s.signer().name()).isEqualTo("赵芳");
    });
    assertThat(signed.values().rows("nursingRows").get(2).signer("nurse").orElseThrow().actor()
        .name()).isEqualTo("赵芳");
    assertThat(signed.signatures().get(2).proof()).as("signed with the nurse's demo key")
        .isNotNull();
  }

  @Test
  void badRequestsGetClearAnswers() throws Exception {
    Http li = login("liming");
    assertThat(li.get("/records/nope").status()).isEqualTo(404);
    assertThat(li.form("/new?template=nope", "csrf=" + li.csrf).status()).isEqualTo(404);
    assertThat(li.get("/records/EX-admission-record/save").status()).isEqualTo(405);
    String huge = "{\"values\":{\"hpi\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";
    assertThat(li.post("/records/EX-admission-record/save", huge).status()).isEqualTo(413);
    assertThat(li.get("/records/EX-admission-record?as=chief").body())
        .as("the query names no one: the logged-in user acts").contains("id=\"actor\">李明");
    assertThat(new Http(port).get("/").header("Location")).as("a stranger logs in first")
        .isEqualTo("/login");
  }
}
