package org.emrkit.editor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.Audit;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.RecordAudit;
import org.emrkit.edit.Refusal;
import org.emrkit.edit.SigningService;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Values;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderException;
import org.emrkit.render.RenderMode;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.html.HtmlRenderer;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;
import org.emrkit.terminology.TerminologyService;
import org.emrkit.validation.ValidationReport;
import org.emrkit.validation.Validator;

/**
 * The editing service a host wires to its own endpoints: open a record for an actor, save
 * posted values, sign, archive, print. The actor always comes from the host's server-side
 * session, never from the request; every change goes through an {@link EditSession} (its
 * permission policy, its trace), is made against the trace head the page was drawn from (a
 * stale page is refused, not merged), and is stored only if the record is still that head.
 * Request bodies are read by {@link StrictJson}. Thread-safe; changes to one record are made one
 * at a time in this process (a host running several processes over one store serializes them
 * in its {@link RecordStore#replace}).
 *
 * <p>Request bodies: save {@code {"head", "reason"?, "values": {...}, "rows"?: {...}}} (rows:
 * where each posted row came from, {@code EmrKit.rows(form)}); sign {@code {"head",
 * "scope", "password"}} (the signer's password again, checked by the {@link Authenticator});
 * archive {@code {"head"}}.
 */
public final class EditingService {

  private final List<Template> templates;
  private final RecordStore store;
  private final Validator validator;
  private final Authenticator authenticator;
  private final SigningService signing;
  private final AnchorLog anchors;
  private final Clock clock;
  private final HtmlRenderer form;
  private final HtmlRenderer traced;
  private final PdfRenderer pdf;
  private final String printer;
  private final TerminologyService terminology;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final boolean refuseWithFieldErrors;

  private EditingService(Builder b) {
    this.templates = List.copyOf(b.templates);
    this.store = b.store;
    this.validator = Objects.requireNonNull(b.validator, "validator");
    this.authenticator = Objects.requireNonNull(b.authenticator, "authenticator");
    this.signing = b.signing;
    this.anchors = b.anchors;
    this.clock = b.clock;
    this.form = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.FORM)
        .clock(clock).build()).build();
    this.traced = HtmlRenderer.builder().options(RenderOptions.builder().mode(RenderMode.VIEW)
        .amendments(org.emrkit.render.AmendmentPrint.INLINE).clock(clock).build()).build();
    this.pdf = PdfRenderer.builder().options(RenderOptions.builder().printedBy(b.printedBy)
        .clock(clock).build()).build();
    this.printer = b.printer;
    this.terminology = b.terminology;
    this.refuseWithFieldErrors = b.refuseWithFieldErrors;
  }

  /** Starts a service over these templates and the host's store. */
  public static Builder builder(List<Template> templates, RecordStore store) {
    return new Builder(templates, store);
  }

  /** The store the service reads and writes. */
  public RecordStore store() {
    return store;
  }

  /** The templates records may be created from. */
  public List<Template> templates() {
    return templates;
  }

  /** Opens a record for an actor: the form, the findings, the audit, the head to save against. */
  public Opened open(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    Record r = find(id);
    Template t = template(r);
    EditSession session = EditSession.builder(t, r, actor).clock(clock).open();
    Audit audit = session.openedAudit();
    List<String> editable = new ArrayList<>();
    List<String> amend = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    if (r.status() != RecordStatus.ARCHIVED && audit.intact()) {
      Editability.of(session, t, r, editable, amend);
      Editability.actions(session, editable, actions);
    }
    // what she may not change is drawn locked: a long sheet is not locked in the browser
    return new Opened(t, r, head(r), form.render(t, r, Editability.locks(editable)),
        validator.validate(t, r), audit, editable.isEmpty(), editable, amend, actions);
  }

  /** The record's revision trace as people read it, one entry per save (the page's side). */
  public List<TraceView> trace(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    Record r = find(id);
    return TraceView.of(template(r), r);
  }

  /**
   * Answers a form's search box (the page's {@code EmrKit.search} hook): matches from the list
   * the field at {@code path} of the record's template is bound to, as JSON {@code {"matches":
   * [{code, display, system, version, text, start, end, kind}], "list": title}}. A query over 64
   * characters, or a path that is not a coded or choice field, is a {@link BadRequest}.
   */
  public String search(Actor actor, String id, String path, String query, int limit) {
    Objects.requireNonNull(actor, "actor");
    return Searches.answer(terminology, template(find(id)), path, query, limit);
  }

  /** Saves the posted values as the actor, with the posted reason where one is needed. */
  public Outcome save(Actor actor, String id, byte[] body) {
    JsonNode req = StrictJson.object(body);
    JsonNode values = req.path("values");
    if (!values.isObject()) {
      throw new BadRequest("request/values", Message.of("请求缺少 values 对象",
          "the request has no values object"));
    }
    String reason = text(req, "reason", false);
    org.emrkit.edit.RowOrigins rows = rows(req);
    return change(actor, id, text(req, "head", true), (t, s) -> {
      ReadResult<Values> v = RecordJson.create().readValues(values.toString(), t);
      if (!v.isOk()) {
        // in the clinician's words: the field's label, the message (the code in a detail view)
        java.util.function.UnaryOperator<String> label = org.emrkit.render.RecordWalk
            .forRendering(t, s.record(), RenderOptions.defaults()).labels();
        return Outcome.refused("edit/bad-values", Message.of("提交的值有误",
            "the posted values are invalid"), v.errors().stream()
            .map(p -> label.apply(p.pointer()) + "：" + p.message().zh()).toList());
      }
      return s.apply(v.orElseThrow(), rows, reason.isEmpty() ? null : reason);
    });
  }

  /**
   * The optional {@code rows} of a save: where each posted row came from
   * ({@code {"/nursingRows": [0, 2, null]}}, {@code EmrKit.rows(form)}); see
   * {@link org.emrkit.edit.RowOrigins}.
   */
  private static org.emrkit.edit.RowOrigins rows(JsonNode req) {
    JsonNode n = req.get("rows");
    if (n == null || n.isNull()) {
      return org.emrkit.edit.RowOrigins.NONE;
    }
    BadRequest bad = new BadRequest("request/rows", Message.of(
        "rows 应为对象：表格路径 → 每行原来的序号(新增行为 null)",
        "rows must be an object: a table's pointer -> each row's index before (null if new)"));
    if (!n.isObject()) {
      throw bad;
    }
    java.util.Map<String, java.util.List<Integer>> out = new java.util.LinkedHashMap<>();
    for (var e : n.properties()) {
      JsonNode list = e.getValue();
      if (!list.isArray()) {
        throw bad;
      }
      java.util.List<Integer> origins = new java.util.ArrayList<>();
      for (JsonNode x : list) {
        if (x.isNull()) {
          origins.add(null);
        } else if (x.isIntegralNumber() && x.canConvertToInt()) {
          origins.add(x.intValue());
        } else {
          throw bad;
        }
      }
      out.put(e.getKey(), origins);
    }
    try {
      return org.emrkit.edit.RowOrigins.of(out); // bounds and pointers checked there
    } catch (IllegalArgumentException e) {
      throw bad;
    }
  }

  /**
   * Signs the record, or the scope posted, as the actor, once the actor's password has been
   * confirmed again: a session left open at a ward PC does not sign.
   */
  public Outcome sign(Actor actor, String id, byte[] body) {
    JsonNode req = StrictJson.object(body);
    char[] password = text(req, "password", false).toCharArray();
    try {
      if (password.length == 0 || !authenticator.confirm(actor, password)) {
        return Outcome.refused("edit/reauthenticate", authenticator.locked(actor)
            ? Message.of("密码多次输入错误，账号已暂时锁定，请稍后再签名",
                "too many wrong passwords: the login is locked for a while; sign again later")
            : Message.of("签名需再次输入本人密码，密码不正确",
                "signing needs the signer's own password again; it was not right"),
            head(find(id)));
      }
    } finally {
      Arrays.fill(password, '\0');
    }
    String scope = text(req, "scope", false);
    return change(actor, id, text(req, "head", true), (t, s) -> {
      Outcome errors = refuseWithFieldErrors ? FieldErrors.of(validator.validate(t, s.record()),
          scope, "签名", "signed") : null;
      return errors != null ? errors : s.sign(scope);
    });
  }

  /** Archives the record as the actor (a 病案室 or QC role, by the policy). */
  public Outcome archive(Actor actor, String id, byte[] body) {
    JsonNode req = StrictJson.object(body);
    return change(actor, id, text(req, "head", true), (t, s) -> {
      Outcome errors = null;
      if (refuseWithFieldErrors) {
        ValidationReport report = validator.validate(t, s.record()); // once for both checks
        errors = FieldErrors.of(report, "", "归档", "archived");
        errors = errors != null ? errors : FieldErrors.unsigned(report);
      }
      return errors != null ? errors : s.archive();
    });
  }

  /**
   * The record's 痕迹 view for the actor: the record as it reads now, with every amendment
   * inline — of signed content, and of what someone else wrote (审阅修改) — (deleted text struck
   * in red, inserted text underlined, who and when beside it and on each piece on hover), as an
   * HTML element.
   */
  public String traceView(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    Record r = find(id);
    return traced.render(template(r), r);
  }

  /** Writes the record's archival PDF. */
  public void print(Actor actor, String id, OutputStream out) {
    Objects.requireNonNull(actor, "actor");
    Record r = find(id);
    pdf.render(template(r), r, out);
  }

  /**
   * Prints the record as the actor asks ({@code {"head", "mode": "continue"}}: 续打, or from,
   * pages, all) and logs the print in it, against the head the page was drawn from: the PDF is
   * handed out only when the print is logged, so no sheet is printed that the log does not
   * know. A print that cannot be made (nothing new, content on paper moved) is refused with
   * why; who prints is the actor, the printer the host's.
   */
  public Printed print(Actor actor, String id, byte[] body) {
    JsonNode req = StrictJson.object(body);
    PrintRequest request = PrintRequests.read(req, Objects.requireNonNull(actor, "actor"),
        printer);
    byte[][] pdfOut = new byte[1][];
    Message[] notice = new Message[1];
    Outcome o = change(actor, id, text(req, "head", true), (t, s) -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      PrintOutcome p;
      try {
        p = pdf.print(t, s.record(), request, out);
      } catch (RenderException e) {
        return Outcome.refused(e.code(), e.message(), (String) null);
      }
      pdfOut[0] = out.toByteArray();
      notice[0] = p.notice().orElse(null);
      return s.recordPrint(p.entry());
    });
    return o.applied() ? new Printed(o, pdfOut[0], notice[0]) : new Printed(o, null, null);
  }

  /** Whether the actor may create a record of this template (the index offers only those). */
  public boolean mayCreate(Actor actor, Template template) {
    return creating(actor, template).isEmpty();
  }

  /**
   * A record is created by one who may write it as its author (a nurse makes no 入院记录, a QC
   * reviewer none at all; one made anyway could never be signed by anyone).
   */
  private java.util.Optional<org.emrkit.edit.Refusal> creating(Actor actor, Template t) {
    return org.emrkit.edit.PermissionPolicy.defaults().decide(
        new org.emrkit.edit.PermissionPolicy.Request(actor, org.emrkit.edit.EditAction.WRITE,
            t.documentType(), RecordStatus.DRAFT, actor, "", List.of(), null,
            java.time.OffsetDateTime.now(clock)));
  }

  /** Creates a draft of a template for the actor, in the host's context; stores and returns it. */
  public Record create(Actor actor, String templateId, String id, Context context) {
    Objects.requireNonNull(actor, "actor");
    Template t = templates.stream().filter(x -> x.id().equals(templateId)).findFirst()
        .orElseThrow(() -> new NotFound(Message.of("没有模板 " + templateId,
            "no template " + templateId)));
    java.util.Optional<org.emrkit.edit.Refusal> refused = creating(actor, t);
    if (refused.isPresent()) {
      throw new BadRequest(refused.get().code(), Message.of("不能新建" + t.title() + "："
          + refused.get().zh(), "cannot create " + t.title() + ": " + refused.get().en()));
    }
    // defaults, what the context knows, and the rows a table's minRows asks for (NewRecord)
    Record r = org.emrkit.edit.NewRecord.draft(id, t, new Context(context.patient(),
        context.encounter(), context.org(), actor));
    if (!store.add(r)) {
      throw new BadRequest("request/duplicate", Message.of("病历号已存在：" + id,
          "a record with the id " + id + " exists"));
    }
    return r;
  }

  /**
   * One change through an edit session, against the head the page was drawn from. The record
   * is replaced only if it is still that head; one change at a time per record here, so the
   * anchor a commit appends is always of the head that is stored.
   */
  private Outcome change(Actor actor, String id, String head,
      BiFunction<Template, EditSession, Object> edit) {
    Objects.requireNonNull(actor, "actor");
    find(id); // an unknown id is refused before it gets a lock
    synchronized (locks.computeIfAbsent(id, k -> new Object())) {
      Record current = find(id);
      if (!head(current).equals(head)) {
        return Outcome.refused("edit/stale", Message.of("病历已被他人修改，请刷新后重试",
            "the record changed since this page was loaded; reload and try again"),
            head(current));
      }
      Template t = template(current);
      EditSession.Builder b = EditSession.builder(t, current, actor).clock(clock)
          .signingService(signing);
      EditSession s = (anchors == null ? b : b.anchors(anchors)).open();
      Object result = edit.apply(t, s);
      if (result instanceof Outcome o) {
        return o.at(head);
      }
      EditResult r = (EditResult) result;
      if (!r.isApplied()) {
        Refusal f = r.refusal();
        return Outcome.refused(f.code(), Message.of(f.zh(), f.en()), head);
      }
      Record next = s.commit();
      if (!store.replace(current.id(), head, next)) {
        // another process changed it between our read and our write
        return Outcome.refused("edit/stale", Message.of("病历已被他人修改，请刷新后重试",
            "the record changed since this page was loaded; reload and try again"),
            head(find(id)));
      }
      return Outcome.done(head(next), validator.validate(t, next),
          TraceView.after(t, next, current.revisions().size()));
    }
  }

  private Record find(String id) {
    return store.find(id).orElseThrow(() -> new NotFound(Message.of("没有病历 " + id,
        "no record " + id)));
  }

  private Template template(Record r) {
    return templates.stream().filter(t -> t.id().equals(r.template().id())
            && t.version().equals(r.template().version())).findFirst()
        .orElseThrow(() -> new NotFound(Message.of("没有病历所用的模板 " + r.template().id(),
            "the record's template " + r.template().id() + " is not here")));
  }

  private static String head(Record r) {
    return RecordAudit.head(r).orElse("");
  }

  private static String text(JsonNode req, String name, boolean required) {
    JsonNode n = req.get(name);
    if (n == null || n.isNull()) {
      if (required) {
        throw new BadRequest("request/" + name, Message.of("请求缺少 " + name,
            "the request has no " + name));
      }
      return "";
    }
    if (!n.isTextual()) {
      throw new BadRequest("request/" + name, Message.of(name + " 应为字符串",
          name + " must be a string"));
    }
    return n.asText();
  }

  /** Builds an {@link EditingService}. */
  public static final class Builder {
    private final List<Template> templates;
    private final RecordStore store;
    private Validator validator;
    private Authenticator authenticator;
    private SigningService signing = SigningService.none();
    private AnchorLog anchors;
    private Clock clock = Clock.systemDefaultZone();
    private String printedBy = "EMRKit";
    private String printer;
    private TerminologyService terminology = TerminologyService.none();
    private boolean refuseWithFieldErrors = true;

    private Builder(List<Template> templates, RecordStore store) {
      this.templates = Objects.requireNonNull(templates, "templates");
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The validator whose report the page shows (required). */
    public Builder validator(Validator v) {
      this.validator = v;
      return this;
    }

    /** Confirms a signer's password again before a signature (required). */
    public Builder authenticator(Authenticator a) {
      this.authenticator = a;
      return this;
    }

    /** Makes the signatures' proofs (default: none). */
    public Builder signingService(SigningService s) {
      this.signing = Objects.requireNonNull(s, "signing");
      return this;
    }

    /** Where each commit's chain head is anchored (default: nowhere). */
    public Builder anchors(AnchorLog log) {
      this.anchors = log;
      return this;
    }

    /** The clock edits and prints are dated by. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Who the print stamp names as printing. */
    public Builder printedBy(String name) {
      this.printedBy = Objects.requireNonNull(name, "printedBy");
      return this;
    }

    /**
     * Whether a signature or an archive is refused while a field has a field-rule error (on by
     * default: a nurse cannot sign a row whose 血压 reads "测试"), and an archive while the
     * record is not signed as it must be ({@code cn/signature}: a signature missing, or one an
     * amendment superseded); the validator must hold the field and writing-standard packs for
     * it to find any.
     */
    public Builder refuseWithFieldErrors(boolean refuse) {
      this.refuseWithFieldErrors = refuse;
      return this;
    }

    /** The printer's name the print log gives this service's prints (the host's, per ward). */
    public Builder printer(String name) {
      this.printer = Objects.requireNonNull(name, "printer");
      return this;
    }

    /**
     * The code lists the form's search boxes search (default: none; give the validator the same
     * service so that what is offered is what is checked).
     */
    public Builder terminology(TerminologyService t) {
      this.terminology = Objects.requireNonNull(t, "terminology");
      return this;
    }

    /** The service. */
    public EditingService build() {
      return new EditingService(this);
    }
  }
}
