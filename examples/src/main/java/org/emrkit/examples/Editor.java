package org.emrkit.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.edit.Anchor;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.RecordAudit;
import org.emrkit.edit.Refusal;
import org.emrkit.edit.SigningService;
import org.emrkit.json.JsonProblem;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Organization;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.record.Values;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The demo editor ({@code emrkit serve}): the JDK's HTTP server on 127.0.0.1, no framework. Lists
 * the bundled templates and records, opens a record in the edit form, saves through an
 * {@link EditSession} as the role chosen on the page, shows the validation report next to the
 * form (each finding links to its field) and the revision trace, signs, archives, and serves the
 * PDF. Records live in memory for the life of the server.
 */
final class Editor {

  /** The demo staff, one per role; the page's role chooser acts as one of them. */
  static final Map<Role, Actor> STAFF = staff();
  private static final Pattern RECORD = Pattern.compile(
      "/records/([A-Za-z0-9_.-]{1,100}?)(\\.pdf|\\.json|/save|/sign|/archive)?");
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<Template> templates;
  private final Map<String, Record> records = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Validator validator;
  private final HtmlRenderer form;
  private final EditorPages pages;
  private final PdfRenderer pdf;
  private final AtomicInteger next = new AtomicInteger(1);
  private final SigningService signing = DemoKeys.signing();
  private final AnchorLog anchors;
  private HttpServer server;
  private ExecutorService pool;

  /** An editor over these templates and records (keyed by the name in their URL). */
  Editor(List<Template> templates, Map<String, Record> bundled, Clock clock) {
    this.templates = List.copyOf(templates);
    records.putAll(bundled);
    this.clock = clock;
    this.anchors = anchorLog(bundled);
    this.validator = Validator.builder().pack(FieldRules.pack()).pack(WritingStandardRules.pack())
        .pack(IntegrityRules.pack(IntegrityPolicy.strict(DemoKeys.verifier(), anchors)))
        .clock(clock).build();
    this.form = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
        .clock(clock).build()).build();
    this.pdf = PdfRenderer.builder().options(RenderOptions.builder()
        .printedBy("EMRKit demo editor").clock(clock).build()).build();
    this.pages = new EditorPages(this.templates, validator, form);
  }

  /**
   * The editor's anchor log: a new file for the life of the server, holding the bundled records'
   * heads as an archive would anchor them on arrival, then every commit's.
   */
  private AnchorLog anchorLog(Map<String, Record> bundled) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("emrkit-editor-");
      dir.toFile().deleteOnExit();
      FileAnchorLog log = new FileAnchorLog(dir.resolve("anchors.jsonl"));
      log.file().toFile().deleteOnExit();
      for (Record r : bundled.values()) {
        RecordAudit.head(r).ifPresent(h -> log.append(new Anchor(r.id(), RecordAudit.length(r),
            h, OffsetDateTime.now(clock), null)));
      }
      return log;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot make the editor's anchor log", e);
    }
  }

  private static Map<Role, Actor> staff() {
    Map<Role, Actor> m = new LinkedHashMap<>();
    m.put(Role.RESIDENT, new Actor("u-1001", "李明", Role.RESIDENT));
    m.put(Role.ATTENDING, new Actor("u-2001", "王强", Role.ATTENDING));
    m.put(Role.CHIEF, new Actor("u-4001", "陈华", Role.CHIEF));
    m.put(Role.INTERN, new Actor("u-0501", "吴迪", Role.INTERN));
    m.put(Role.NURSE, new Actor("u-3001", "赵芳", Role.NURSE));
    m.put(Role.HEAD_NURSE, new Actor("u-3002", "孙丽", Role.HEAD_NURSE));
    m.put(Role.QC, new Actor("u-9001", "钱敏", Role.QC));
    return m;
  }

  /** Starts serving on 127.0.0.1 ({@code port} 0 picks a free port); returns the port. */
  int start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    return server.getAddress().getPort();
  }

  /** Stops serving (waits up to a second for requests in flight). */
  void stop() {
    if (server != null) {
      server.stop(1);
      pool.shutdownNow();
      server = null;
    }
  }

  // ------------------------------------------------------------------ routing

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      Map<String, String> query = query(x.getRequestURI().getRawQuery());
      Actor actor = STAFF.getOrDefault(Role.fromLabel(query.getOrDefault("as", "resident")),
          STAFF.get(Role.RESIDENT));
      boolean post = "POST".equals(x.getRequestMethod());
      if (path.equals("/") && !post) {
        send(x, 200, "text/html", pages.index(actor, records));
        return;
      }
      if (path.equals("/new") && post) {
        Optional<Template> t = template(query.get("template"));
        if (t.isEmpty()) {
          send(x, 404, "text/plain", "no such template");
          return;
        }
        Record r = newRecord(t.get(), actor);
        records.put(r.id(), r);
        redirect(x, "/records/" + r.id() + "?as=" + actor.role().label());
        return;
      }
      Matcher m = RECORD.matcher(path);
      String key = m.matches() ? m.group(1) : null;
      Record r = key == null ? null : records.get(key);
      if (r == null) {
        send(x, 404, "text/plain", "not found: " + path);
        return;
      }
      Template t = template(r.template().id()).orElseThrow();
      String action = m.group(2) == null ? "" : m.group(2);
      switch (action) {
        case "" -> send(x, 200, "text/html", pages.page(t, key, r, actor));
        case ".json" -> send(x, 200, "application/json", RecordJson.create().write(r));
        case ".pdf" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          pdf.render(t, r, out);
          x.getResponseHeaders().set("Content-Disposition",
              "attachment; filename=\"" + r.id() + ".pdf\"");
          send(x, 200, "application/pdf", out.toByteArray());
        }
        default -> {
          if (!post) {
            send(x, 405, "text/plain", "POST only");
            return;
          }
          String body = body(x);
          if (body == null) {
            send(x, 413, "text/plain", "request too large");
            return;
          }
          send(x, 200, "application/json", edit(t, key, action, body, actor));
        }
      }
    } catch (RuntimeException e) {
      // a bug, not bad input: say so and keep serving
      e.printStackTrace();
    }
  }

  // ------------------------------------------------------------------ editing

  /**
   * One edit through an edit session. The page sends the hash of the trace it was drawn from;
   * if the record changed since (another tab, another role), the edit is refused as stale.
   */
  private String edit(Template t, String id, String action, String body, Actor actor) {
    com.fasterxml.jackson.databind.JsonNode req;
    try {
      req = JSON.readTree(body);
    } catch (IOException e) {
      return result(false, "edit/bad-request", "请求不是 JSON", "the request is not JSON", List.of());
    }
    String[] out = new String[1];
    records.compute(id, (k, current) -> {
      String head = RecordAudit.head(current).orElse("");
      if (!head.equals(req.path("head").asText(""))) {
        out[0] = result(false, "edit/stale", "病历已被他人修改，请刷新后重试",
            "the record changed since this page was loaded; reload and try again", List.of());
        return current;
      }
      String reason = req.path("reason").asText("");
      EditSession s = EditSession.builder(t, current, actor).clock(clock)
          .signingService(signing).anchors(anchors).open();
      EditResult r;
      switch (action) {
        case "/save" -> {
          ReadResult<Values> values = RecordJson.create().readValues(
              req.path("values").toString(), t);
          if (!values.isOk()) {
            out[0] = result(false, "edit/bad-values", "提交的值有误", "the posted values are "
                + "invalid", values.errors());
            return current;
          }
          r = s.apply(values.orElseThrow(), reason);
        }
        case "/sign" -> r = s.sign(req.path("scope").asText(""));
        default -> r = s.archive();
      }
      if (!r.isApplied()) {
        Refusal f = r.refusal();
        out[0] = result(false, f.code(), f.zh(), f.en(), List.of());
        return current;
      }
      out[0] = result(true, null, null, null, List.of());
      return s.commit();
    });
    return out[0];
  }

  private static String result(boolean ok, String code, String zh, String en,
      List<JsonProblem> problems) {
    ObjectNode o = JSON.createObjectNode().put("applied", ok);
    if (code != null) {
      o.put("code", code).put("zh", zh).put("en", en);
    }
    if (!problems.isEmpty()) {
      ArrayNode list = o.putArray("problems");
      problems.forEach(p -> list.add(p.pointer() + " " + p.code() + " " + p.message().zh()));
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private Record newRecord(Template t, Actor author) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Context c = new Context(new Patient("张三", "1", java.time.LocalDate.of(1958, 3, 2),
        "ZY0012345", null, null, null, null),
        new Encounter("E-1", "心血管内科", "3病区", "12", now.minusHours(2), null, Map.of()),
        new Organization(null, "示例市人民医院"), author);
    return Record.draft("NEW-" + next.getAndIncrement() + "-" + t.id(), t, c);
  }

  private Optional<Template> template(String id) {
    return templates.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  // ------------------------------------------------------------------ HTTP helpers

  static String clip(String json) {
    if (json == null) {
      return "∅";
    }
    return json.length() > 80 ? json.substring(0, 80) + "…" : json;
  }

  static String esc(String s) {
    return HtmlRenderer.escape(s);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null) {
      return m;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static String body(HttpExchange x) throws IOException {
    try (InputStream in = x.getRequestBody()) {
      byte[] b = in.readNBytes(MAX_BODY + 1);
      if (b.length > MAX_BODY) {
        // read the rest before answering 413, so the client sees the answer, not a reset
        in.transferTo(OutputStream.nullOutputStream());
        return null;
      }
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  private static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(303, -1);
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    send(x, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(status, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /** Runs until the JVM is stopped (Ctrl-C), then stops the server cleanly. */
  static int serve(Editor editor, int port, PrintStream out) throws IOException {
    int bound = editor.start(port);
    Thread hook = new Thread(() -> {
      editor.stop();
      out.println();
      out.println("已停止 stopped");
    });
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("EMRKit 演示编辑器 demo editor: http://127.0.0.1:" + bound + "/  (Ctrl-C 停止 stops)");
    try {
      Thread.sleep(Duration.ofDays(3650).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The records the server holds now, by the name in their URL (for tests). */
  Map<String, Record> records() {
    return Map.copyOf(records);
  }
}
