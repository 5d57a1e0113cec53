package org.emrkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.Anchor;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.RecordAudit;
import org.emrkit.editor.EditingService;
import org.emrkit.editor.MemoryRecordStore;
import org.emrkit.editor.http.EditorServer;
import org.emrkit.editor.http.UserFile;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Organization;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Role;
import org.emrkit.template.Template;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.FieldRules;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;
import org.emrkit.validation.rules.WritingStandardRules;

/**
 * The demo editor ({@code emrkit serve}): the library's {@link EditingService} on its hardened
 * {@link EditorServer}, on 127.0.0.1. Users log in from the bundled user file (password
 * {@value #PASSWORD} for every demo user); records live in memory for the life of the server;
 * signatures are made with the demo keys and every commit's head is anchored in a log file.
 */
final class Editor {

  /** The demo staff, one per role, by log-in name. */
  static final Map<String, Actor> STAFF_LOGINS = logins();
  /** The demo staff by role. */
  static final Map<Role, Actor> STAFF = byRole();
  /** Every demo user's password (a demo: say so on the log-in page and in the README). */
  static final String PASSWORD = "emrkit-demo";

  private final EditingService service;
  private final UserFile users;
  private final Clock clock;
  private EditorServer server;

  /** An editor over these templates and records, searching the bundled sample code lists. */
  Editor(List<Template> templates, Map<String, Record> bundled, Clock clock) {
    this(templates, bundled, clock, CodeLists.sample());
  }

  /** An editor over these templates and records, searching and checking these code lists. */
  Editor(List<Template> templates, Map<String, Record> bundled, Clock clock,
      org.emrkit.terminology.TerminologyService codes) {
    this.clock = clock;
    this.users = demoUsers();
    AnchorLog anchors = anchorLog(bundled.values(), clock);
    Validator validator = Validator.builder().pack(FieldRules.pack())
        .pack(WritingStandardRules.pack())
        .pack(org.emrkit.validation.rules.FrontPageRules.pack())
        .pack(IntegrityRules.pack(IntegrityPolicy.strict(DemoKeys.verifier(), anchors)))
        .rule(org.emrkit.render.pdf.PdfRenderer.builder().build().glyphRule())
        .terminology(codes).clock(clock).build();
    this.service = EditingService.builder(templates, new MemoryRecordStore(bundled.values()))
        .validator(validator).authenticator(users).signingService(DemoKeys.signing())
        .anchors(anchors).clock(clock).printedBy("EMRKit demo editor")
        .printer("病区打印机 ward printer (demo)").terminology(codes).build();
  }

  private static Map<String, Actor> logins() {
    Map<String, Actor> m = new LinkedHashMap<>();
    m.put("liming", new Actor("u-1001", "李明", Role.RESIDENT));
    m.put("wangqiang", new Actor("u-2001", "王强", Role.ATTENDING));
    m.put("chenhua", new Actor("u-4001", "陈华", Role.CHIEF));
    m.put("wudi", new Actor("u-0501", "吴迪", Role.INTERN));
    m.put("zhaofang", new Actor("u-3001", "赵芳", Role.NURSE));
    m.put("sunli", new Actor("u-3002", "孙丽", Role.HEAD_NURSE));
    m.put("qianmin", new Actor("u-9001", "钱敏", Role.QC));
    return m;
  }

  private static Map<Role, Actor> byRole() {
    Map<Role, Actor> m = new LinkedHashMap<>();
    STAFF_LOGINS.values().forEach(a -> m.put(a.role(), a));
    return m;
  }

  /** The editing service the server adapts (for tests to look into the store). */
  EditingService service() {
    return service;
  }

  /** The bundled user file (made by {@code DemoUsersTest} with {@code -Demrkit.demousers=true}). */
  static UserFile demoUsers() {
    try (InputStream in = Editor.class.getResourceAsStream("/demo-users.txt")) {
      if (in == null) {
        throw new IllegalStateException("demo-users.txt is not on the class path");
      }
      return UserFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "demo-users.txt", Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The editor's anchor log: a new file for the life of the server, holding the bundled records'
   * heads as an archive would anchor them on arrival, then every commit's.
   */
  private static AnchorLog anchorLog(Iterable<Record> bundled, Clock clock) {
    try {
      Path dir = Files.createTempDirectory("emrkit-editor-");
      dir.toFile().deleteOnExit();
      FileAnchorLog log = new FileAnchorLog(dir.resolve("anchors.jsonl"));
      log.file().toFile().deleteOnExit();
      for (Record r : bundled) {
        RecordAudit.head(r).ifPresent(h -> log.append(new Anchor(r.id(), RecordAudit.length(r),
            h, OffsetDateTime.now(clock), null)));
      }
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the editor's anchor log", e);
    }
  }

  /** The context a new demo record starts with: a sample patient, admitted two hours ago. */
  private Context newRecordContext(Actor author) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return new Context(new Patient("张三", "1", java.time.LocalDate.of(1958, 3, 2),
        "ZY0012345", null, null, null, null),
        new Encounter("E-1", "心血管内科", "3病区", "12", now.minusHours(2), null, Map.of()),
        new Organization(null, "示例市人民医院"), author);
  }

  /** Starts serving on 127.0.0.1 ({@code port} 0 picks a free port); returns the port. */
  int start(int port) throws IOException {
    server = EditorServer.builder(service, users).port(port)
        .title("EMRKit 演示编辑器 demo editor")
        .loginNote("演示用户 demo users: " + String.join(", ", STAFF_LOGINS.keySet())
            + "；密码 password: " + PASSWORD)
        .newRecordContext((a, t) -> newRecordContext(a)).build();
    return server.start();
  }

  /** Stops serving. */
  void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Runs until the JVM is stopped (Ctrl-C), then stops the server cleanly. */
  static int serve(Editor editor, int port, PrintStream out) throws IOException {
    int bound = editor.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      editor.stop();
      out.println();
      out.println("已停止 stopped");
    }));
    out.println("EMRKit 演示编辑器 demo editor: http://127.0.0.1:" + bound + "/  (Ctrl-C 停止 stops)");
    out.println("用户 users: " + String.join(", ", STAFF_LOGINS.keySet()) + "; 密码 password: "
        + PASSWORD);
    try {
      Thread.sleep(Duration.ofDays(3650).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The records the server holds now, by id (for tests). */
  Map<String, Record> records() {
    Map<String, Record> m = new LinkedHashMap<>();
    service.store().ids().forEach(id -> service.store().find(id).ifPresent(r -> m.put(id, r)));
    return m;
  }
}
