package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.template.Template;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo editor over HTTP (the browser test drives its page; this checks the server). */
class EditorTest {

  static final java.time.Clock CLOCK = CliTest.CLOCK;
  /** A response: status, Location header, content type, body. */
  record Response(int statusCode, String location, String type, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
  List<Template> templates;
  Editor editor;
  String base;

  @BeforeEach
  void start() throws Exception {
    templates = Demo.templates();
    editor = new Editor(templates, Demo.records(templates), CLOCK);
    base = "http://127.0.0.1:" + editor.start(0);
  }

  @AfterEach
  void stop() {
    editor.stop();
  }

  /** java.net.http is not in this module's graph; HttpURLConnection is in java.base. */
  Response exchange(String method, String path, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    c.setInstanceFollowRedirects(false);
    c.setRequestMethod(method);
    if (body != null) {
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the server may answer (413) before reading all of a large body
      }
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      return new Response(status, c.getHeaderField("Location"), c.getContentType(),
          in == null ? new byte[0] : in.readAllBytes());
    } finally {
      c.disconnect();
    }
  }

  Response get(String path) throws Exception {
    return exchange("GET", path, null);
  }

  Response post(String path, String body) throws Exception {
    return exchange("POST", path, body);
  }

  Record stored(String id) throws Exception {
    return RecordJson.create().read(get("/records/" + id + ".json").body(),
        org.emrkit.json.TemplateResolver.of(templates.toArray(Template[]::new))).orElseThrow();
  }

  String head(String id) throws Exception {
    return RecordAudit.head(stored(id)).orElse("");
  }

  @Test
  void aRecordIsWrittenSignedReviewedAndArchivedThroughTheServer() throws Exception {
    assertThat(get("/").body()).contains("入院记录", "admission-record@1.0.0",
        "href=\"/records/admission-record?as=resident\"", "href=\"/records/nursing-record?as");
    Response created = post("/new?template=admission-record&as=resident", "");
    assertThat(created.statusCode()).isEqualTo(303);
    String location = created.location();
    String id = location.substring("/records/".length(), location.indexOf('?'));
    String page = get(location).body();
    assertThat(page).contains("form class=\"emr-record emr-edit\"", "field/required",
        "data-path=\"/values/chiefComplaint\"", "留痕校验通过");

    String save = "{\"head\":\"\",\"values\":{\"chiefComplaint\":\"反复胸闷3天\"}}";
    assertThat(post("/records/" + id + "/save?as=nurse", save).body())
        .contains("\"applied\":false", "edit/permission");
    assertThat(post("/records/" + id + "/save?as=resident", save).body())
        .isEqualTo("{\"applied\":true}");
    assertThat(post("/records/" + id + "/save?as=resident", save).body())
        .as("the page's trace head is stale now").contains("edit/stale");
    assertThat(get("/records/" + id + "?as=resident").body()).contains("/chiefComplaint",
        "反复胸闷3天").doesNotContain("data-path=\"/values/chiefComplaint\"");
    assertThat(post("/records/" + id + "/save?as=resident", "{\"head\":\"" + head(id)
        + "\",\"values\":{\"pulse\":\"fast\"}}").body()).contains("edit/bad-values",
        "/pulse");
    assertThat(post("/records/" + id + "/save?as=resident", "not json").body())
        .contains("edit/bad-request");

    assertThat(post("/records/" + id + "/sign?as=resident", "{\"head\":\"" + head(id)
        + "\",\"scope\":\"\"}").body()).isEqualTo("{\"applied\":true}");
    assertThat(post("/records/" + id + "/sign?as=attending", "{\"head\":\"" + head(id)
        + "\",\"scope\":\"\"}").body()).isEqualTo("{\"applied\":true}");
    assertThat(post("/records/" + id + "/save?as=resident", "{\"head\":\"" + head(id)
        + "\",\"values\":{\"chiefComplaint\":\"胸痛1天\"},\"reason\":\"更正\"}").body())
        .contains("edit/rank");
    assertThat(post("/records/" + id + "/archive?as=qc", "{\"head\":\"" + head(id) + "\"}")
        .body()).isEqualTo("{\"applied\":true}");
    Record archived = stored(id);
    assertThat(archived.status()).isEqualTo(RecordStatus.ARCHIVED);
    assertThat(archived.signatures()).hasSize(2);

    Response pdf = get("/records/" + id + ".pdf");
    assertThat(pdf.type()).isEqualTo("application/pdf");
    try (var doc = Loader.loadPDF(pdf.bytes())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("反复胸闷3天", "张三");
    }
  }

  @Test
  void aNurseSignsANursingRow() throws Exception {
    Template nursing = templates.stream().filter(x -> x.id().equals("nursing-record")).findFirst()
        .orElseThrow();
    String id = "nursing-record";
    assertThat(editor.records().get(id).template().matches(nursing)).isTrue();
    assertThat(post("/records/" + id + "/sign?as=attending", "{\"head\":\"" + head(id)
        + "\",\"scope\":\"/nursingRows/1\"}").body()).contains("edit/permission");
    assertThat(post("/records/" + id + "/sign?as=nurse", "{\"head\":\"" + head(id)
        + "\",\"scope\":\"/nursingRows/1\"}").body()).contains("edit/already-signed");
    // the nurse adds a row and signs it
    Record before = stored(id);
    String values = RecordJson.create().writeValues(before.values().with("nursingRows",
        new org.emrkit.record.Value.Rows(java.util.stream.Stream.concat(before.values()
            .rows("nursingRows").stream(), java.util.stream.Stream.of(org.emrkit.record.Values
                .of(java.util.Map.of("observation", new org.emrkit.record.Value.Str(
                    "患者午睡后诉轻度胸闷，予吸氧。"))))).toList())));
    assertThat(post("/records/" + id + "/save?as=nurse", "{\"head\":\"" + head(id)
        + "\",\"values\":" + values + "}").body()).isEqualTo("{\"applied\":true}");
    assertThat(post("/records/" + id + "/sign?as=nurse", "{\"head\":\"" + head(id)
        + "\",\"scope\":\"/nursingRows/2\"}").body()).isEqualTo("{\"applied\":true}");
    var read = RecordJson.create().read(get("/records/" + id + ".json").body(), nursing);
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
    assertThat(get("/records/nope").statusCode()).isEqualTo(404);
    assertThat(post("/new?template=nope", "").statusCode()).isEqualTo(404);
    assertThat(get("/records/admission-record/save").statusCode()).isEqualTo(405);
    String huge = "{\"values\":{\"hpi\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";
    assertThat(post("/records/admission-record/save", huge).statusCode()).isEqualTo(413);
    assertThat(get("/records/admission-record?as=%3Cscript%3E").body()).as("an unknown role acts as resident")
        .contains("<option value=\"resident\" selected>");
  }
}
