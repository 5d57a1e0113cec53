package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.Authenticator;
import org.emrkit.editor.EditingService;
import org.emrkit.editor.MemoryRecordStore;
import org.emrkit.editor.Opened;
import org.emrkit.json.JsonText;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The embedding example of docs/editor.md, run as a test: a host page and the editing service
 * behind the JDK's own HttpServer, over a 200-row 一般护理记录单, driven in headless Chromium (a
 * nurse adds a row, saves with Ctrl+S and signs it); the page's time to interactive (Performance
 * API) and the service's open and save times are printed for docs/benchmarks.md, not asserted.
 * A second test keeps the doc in step with the code.
 */
class HostEmbeddingTest {
  private HttpServer server;
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aHostServesTheEditorOnTheJdkHttpServer() throws Exception {
    Chromium.required();
    Template template = Demo.templates().stream().filter(t -> t.id().equals("nursing-record"))
        .findFirst().orElseThrow();
    Record record = Corpus.nursingSheet(template, 200);
    Authenticator hostLogin = new Authenticator() { // the host's own single sign-on
      @Override
      public Optional<Actor> authenticate(String user, char[] password) {
        return Optional.empty();
      }

      @Override
      public boolean confirm(Actor actor, char[] password) {
        return Arrays.equals(password, "emrkit-demo".toCharArray());
      }
    };
    // --- host example start
    Actor nurse = new Actor("u-3001", "赵芳", Role.NURSE);  // who the host's session says
    String csrf = "per-session-random-token";               // the host's, per session
    EditingService service = EditingService.builder(List.of(template),
            new MemoryRecordStore(List.of(record)))          // the host's store: RecordStore
        .validator(Validator.builder().pack(FieldRules.pack()).build())
        .authenticator(hostLogin).build();                   // confirms a signer's password
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/emrkit.js", x -> reply(x, 200, "text/javascript",
        HtmlRenderer.script().getBytes(StandardCharsets.UTF_8)));
    server.createContext("/records/", x -> {
      String[] p = x.getRequestURI().getPath().split("/");   // /records/ID[/action]
      String id = p[2];
      String action = p.length > 3 ? p[3] : "";
      boolean post = x.getRequestMethod().equals("POST");
      if (post && !(csrf.equals(x.getRequestHeaders().getFirst("X-CSRF-Token"))
          && ("http://" + x.getRequestHeaders().getFirst("Host"))
              .equals(x.getRequestHeaders().getFirst("Origin")))) {
        reply(x, 403, "text/plain", "refused".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = post ? x.getRequestBody().readNBytes(1 << 20) : new byte[0];
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      switch (post + " " + action) {
        case "false " -> reply(x, 200, "text/html",                       // 1 open
            page(service.open(nurse, id), csrf).getBytes(StandardCharsets.UTF_8));
        case "true save" -> reply(x, 200, "application/json",              // 2 save
            service.save(nurse, id, body).json().getBytes(StandardCharsets.UTF_8));
        case "true sign" -> reply(x, 200, "application/json",              // 3 sign
            service.sign(nurse, id, body).json().getBytes(StandardCharsets.UTF_8));
        case "true archive" -> reply(x, 200, "application/json",           // 4 archive
            service.archive(nurse, id, body).json().getBytes(StandardCharsets.UTF_8));
        case "false pdf" -> {                                              // 5 print
          service.print(nurse, id, pdf);
          reply(x, 200, "application/pdf", pdf.toByteArray());
        }
        default -> reply(x, 404, "text/plain", new byte[0]);
      }
    });
    server.start();
    // --- host example end

    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/records/"
        + record.id();
    browser = Chromium.start(1366, 768);
    JavascriptExecutor js = browser;
    browser.get(url);
    // loads after the first, as a ward PC that opened the sheet before: the page's mark after
    // EmrKit.mount, and when the server's answer ended, from navigation start (median of 5)
    List<double[]> loads = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      browser.navigate().refresh();
      // rows past the first 30 are drawn after the form is interactive: when the last is there
      Object drawn = js.executeAsyncScript("var done = arguments[0]; (function wait() {"
          + " if (document.querySelector('template.emr-later')) setTimeout(wait, 5);"
          + " else done(performance.now()); })();");
      @SuppressWarnings("unchecked")
      List<Number> t = (List<Number>) js.executeScript("return [performance.getEntriesByName("
          + "'emrkit-interactive')[0].startTime, performance.getEntriesByType('navigation')[0]"
          + ".responseEnd]");
      loads.add(new double[] {t.get(0).doubleValue(), t.get(1).doubleValue(),
          ((Number) drawn).doubleValue()});
    }
    loads.sort(java.util.Comparator.comparingDouble(l -> l[0]));
    double interactive = loads.get(2)[0];
    double answered = loads.get(2)[1];
    double allRows = loads.get(2)[2];
    assertThat(browser.findElements(By.cssSelector("tbody.emr-rows > tr.emr-row"))).hasSize(200);
    // rows signed days ago are past the policy's time to amend them: locked; a new row is hers
    assertThat(browser.findElement(By.cssSelector(
        "input[data-emr-path='/values/nursingRows/5/t']")).getAttribute("readonly")).isNotNull();
    browser.findElement(By.cssSelector("button.emr-add")).click();
    WebElement at = browser.findElement(By.cssSelector(
        "input[data-emr-path='/values/nursingRows/200/at']"));
    at.sendKeys("2026-12-01 10:00", Keys.ENTER);
    assertThat(js.executeScript("return document.activeElement.getAttribute('data-emr-path')"))
        .isEqualTo("/values/nursingRows/200/t");
    browser.switchTo().activeElement().sendKeys("37.1", Keys.chord(Keys.CONTROL, "s"));
    WebElement message = browser.findElement(By.id("message"));
    for (int i = 0; i < 100 && message.getText().isEmpty(); i++) {
      Thread.sleep(100);
    }
    assertThat(message.getText()).isEqualTo("已保存");
    Record saved = service.store().find(record.id()).orElseThrow();
    assertThat(saved.values().rows("nursingRows")).hasSize(201);
    assertThat(RecordAudit.audit(template, saved).intact()).isTrue();
    // she signs the row: its button asks the host page, which posts her password again
    browser.findElement(By.id("password")).sendKeys("emrkit-demo");
    browser.findElement(By.cssSelector("button.emr-sign[data-emr-path="
        + "'/values/nursingRows/200/nurse']")).click();
    for (int i = 0; i < 100 && saved.signatures().size() == service.store()
        .find(record.id()).orElseThrow().signatures().size(); i++) {
      Thread.sleep(100);
    }
    assertThat(service.store().find(record.id()).orElseThrow().signatures())
        .anySatisfy(s -> assertThat(s.scope().wire()).isEqualTo("/nursingRows/200"));
    Files.createDirectories(Path.of("target", "editor"));
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
        Path.of("target", "editor", "host-200-rows.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // the service's times on the 200-row sheet (warm), for docs/benchmarks.md
    String head = RecordAudit.head(service.store().find(record.id()).orElseThrow()).orElseThrow();
    long open = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long t0 = System.nanoTime();
      service.open(nurse, record.id());
      open = Math.min(open, System.nanoTime() - t0);
    }
    System.out.printf("200-row nursing sheet: interactive %.0f ms after navigation (the"
        + " server's answer ended at %.0f ms, every row drawn by %.0f ms; median of 5 loads);"
        + " service open %.1f ms (best of 10)%n", interactive, answered, allRows, open / 1e6);
    assertThat(head).isNotEmpty();
  }

  // --- host page start
  /** The host's page: its own bar, the form, emrkit.js, and the wiring to its endpoints. */
  static String page(Opened o, String csrf) {
    return """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>
        <style>%s</style></head><body>
        <p><button id="save">保存</button> 签名密码 <input id="password" type="password">
        <span id="message"></span></p>
        <div id="record">%s</div>
        <script src="/emrkit.js"></script>
        <script>
        var head = %s, csrf = %s, base = location.pathname;
        var editor = EmrKit.mount(document.getElementById('record'), %s);
        function post(action, fields, values) {
          var body = JSON.stringify(Object.assign({head: head}, fields));
          if (values) body = body.slice(0, -1) + ',"values":' + values + '}'; // numbers as typed
          return fetch(base + '/' + action, {method: 'POST', body: body, headers: {
              'Content-Type': 'application/json', 'X-CSRF-Token': csrf}})
            .then(function (r) { return r.json(); }).then(function (r) {
              document.getElementById('message').textContent = r.applied ? '已保存' : r.zh;
              if (r.applied) {
                head = r.head;
                editor.markSaved();
                editor.showReport(r.findings, {reveal: true});
              }
              return r;
            });
        }
        editor.on('save', function (d) { post('save', {rows: d.rows}, d.json); });
        editor.on('sign', function (d) {
          post('sign', {scope: d.scope, password: document.getElementById('password').value})
            .then(function (r) { if (r.applied) location.reload(); }); // the signature shown
        });
        document.getElementById('save').onclick = function () { editor.requestSave(); };
        performance.mark('emrkit-interactive');
        </script></body></html>
        """.formatted(HtmlRenderer.escape(o.template().title()), HtmlRenderer.css(), o.form(),
        json(o.head()), json(csrf), o.editorOptions().replace("<", "\\u003c"));
  }

  private static String json(String s) {
    return JsonText.pretty(s).strip().replace("<", "\\u003c");
  }

  static void reply(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", type + (type.startsWith("text")
        ? "; charset=utf-8" : ""));
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    x.getResponseBody().write(body);
    x.close();
  }
  // --- host page end

  @Test
  void editorDocShowsThisExample() throws IOException {
    String test = Files.readString(
        Path.of("src/test/java/org/emrkit/examples/HostEmbeddingTest.java"));
    String doc = Files.readString(Path.of("../docs/editor.md"));
    assertThat(doc).contains(between(test, "    // --- host example start\n",
        "    // --- host example end", 4));
    assertThat(doc).contains(between(test, "  // --- host page start\n",
        "  // --- host page end", 2));
  }

  /** The lines between two markers, unindented, as the doc shows them. */
  static String between(String text, String start, String end, int indent) {
    String part = text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
    return part.lines().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .reduce("", (a, b) -> a + b + "\n").strip();
  }
}
