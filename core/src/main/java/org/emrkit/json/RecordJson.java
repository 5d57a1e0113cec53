package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.emrkit.problem.Severity;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Organization;
import org.emrkit.record.Patient;
import org.emrkit.record.Proof;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TemplateRef;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

/**
 * Reads and writes records in the wire format {@code emrkit-record/2} (schema
 * {@code docs/schema/emrkit-record-2.schema.json}; {@code emrkit-record/1} is read too). Immutable and thread-safe; build one and
 * share it.
 *
 * <p>Reading checks the limits, then the schema, then every value against the template the
 * record names (type of each value, unknown names); all problems come back with JSON pointers,
 * and a record is returned only if there was no error. Writing is byte-stable: members in a fixed
 * order, values sorted by name, numbers as written, date-times with seconds and offset.
 */
public final class RecordJson {

  /** The format name every record is written with. */
  public static final String FORMAT = "emrkit-record/2";
  /**
   * The earlier format name, still read: the same members but for a signature's {@code field}
   * and {@code proof}; its hash chain was computed another way and does not pass an audit.
   */
  public static final String FORMAT_1 = "emrkit-record/1";
  /** File name of the record schema (also under {@code docs/schema/}). */
  public static final String SCHEMA = "emrkit-record-2.schema.json";

  private static final SchemaCheck SCHEMA_CHECK = SchemaCheck.load(SCHEMA);

  private final JsonLimits limits;
  private final ObjectMapper mapper;

  private RecordJson(JsonLimits limits) {
    this.limits = limits;
    this.mapper = Json.mapper(limits);
  }

  /** A reader/writer with the default limits. */
  public static RecordJson create() {
    return new RecordJson(JsonLimits.DEFAULT);
  }

  /** A reader/writer with these limits. */
  public static RecordJson create(JsonLimits limits) {
    return new RecordJson(Objects.requireNonNull(limits, "limits"));
  }

  /** Reads a record filled from {@code template}; never throws for bad input. */
  public ReadResult<Record> read(String json, Template template) {
    Objects.requireNonNull(template, "template");
    return read(json, TemplateResolver.of(template));
  }

  /**
   * Reads a record, taking its template from the record itself (if it carries one) or from the
   * resolver; never throws for bad input.
   */
  public ReadResult<Record> read(String json, TemplateResolver templates) {
    Objects.requireNonNull(templates, "templates");
    List<JsonProblem> problems = new ArrayList<>();
    JsonNode tree = Json.parse(mapper, limits, Objects.requireNonNull(json, "json"), problems);
    if (tree == null) {
      return ReadResult.failed(problems);
    }
    SCHEMA_CHECK.check(tree, problems);
    if (!problems.isEmpty()) {
      return ReadResult.failed(problems);
    }
    TemplateRef ref = new TemplateRef(tree.path("template").path("id").asText(),
        tree.path("template").path("version").asText());
    Template embedded = null;
    JsonNode content = tree.path("template").get("content");
    if (content != null) {
      embedded = TemplateJson.fromTree(content, "/template/content", problems);
      if (embedded == null) {
        return ReadResult.failed(problems);
      }
      if (!ref.matches(embedded)) {
        problems.add(JsonProblem.error("/template/content", "json/template-mismatch",
            "记录引用模板 " + ref + "，但携带的是 " + embedded.reference(),
            "the record names template " + ref + " but carries " + embedded.reference()));
        return ReadResult.failed(problems);
      }
    }
    Optional<Template> resolved = embedded != null ? Optional.of(embedded)
        : templates.resolve(ref.id(), ref.version());
    if (resolved.isEmpty()) {
      problems.add(JsonProblem.error("/template", "json/template-unknown",
          "找不到记录引用的模板 " + ref, "the template the record names is not known: " + ref));
      return ReadResult.failed(problems);
    }
    ValueTree.Reader reader = new ValueTree.Reader(problems, limits.maxValues());
    Values values = reader.values(tree.path("values"), resolved.get().scope(), "/values");
    Record record;
    try {
      record = new Record(tree.path("id").asText(), ref, embedded,
          RecordStatus.fromLabel(tree.path("status").asText()), context(tree.path("context")),
          values, dateTime(tree, "completedAt"), signatures(tree.path("signatures")),
          revisions(tree.path("revisions")), Json.compact(tree.path("extensions").isObject()
              ? tree.get("extensions") : Json.NODES.objectNode()));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // a date or time java.time refuses (e.g. 2026-02-30, or an offset written +08;00)
      problems.add(JsonProblem.error("", "json/invalid", "记录无效：" + e.getMessage(),
          "invalid record: " + e.getMessage()));
      return ReadResult.failed(problems);
    }
    boolean errors = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    return errors ? ReadResult.failed(problems) : new ReadResult<>(record, problems);
  }

  /** The record as pretty JSON text ending in a newline; the same record gives the same text. */
  public String write(Record record) {
    return Json.pretty(tree(Objects.requireNonNull(record, "record")));
  }

  /**
   * Reads a values object alone (what the HTML edit form posts: {@code EmrKit.values(form)}),
   * checked against the template's fields like the {@code values} of a record; never throws for
   * bad input. Pointers in problems are relative to the object ({@code /chiefComplaint}).
   */
  public ReadResult<Values> readValues(String json, Template template) {
    Objects.requireNonNull(template, "template");
    List<JsonProblem> problems = new ArrayList<>();
    JsonNode tree = Json.parse(mapper, limits, Objects.requireNonNull(json, "json"), problems);
    if (tree == null) {
      return ReadResult.failed(problems);
    }
    if (!tree.isObject()) {
      problems.add(JsonProblem.error("", "json/schema", "值必须是 JSON 对象",
          "values must be a JSON object"));
      return ReadResult.failed(problems);
    }
    ValueTree.Reader reader = new ValueTree.Reader(problems, limits.maxValues());
    Values values = reader.values(tree, template.scope(), "");
    boolean errors = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    return errors ? ReadResult.failed(problems) : new ReadResult<>(values, problems);
  }

  /**
   * Reads the JSON of the value at a pointer into the values ({@code /chiefComplaint},
   * {@code /diagnoses}, {@code /diagnoses/0}, {@code /diagnoses/0/code}), as a revision of the
   * trace stores it: a field's value, a group's rows, or one entry (as rows of one). Empty when
   * the pointer names nothing in the template or the JSON does not fit it; never throws for bad
   * input.
   */
  public Optional<Value> readAt(Template template, String pointer, String json) {
    return ValueAt.read(mapper, limits, template, pointer, json);
  }

  /**
   * What the reader would refuse in one value's JSON text (as an edit session writes a change),
   * at {@code pointer}: a character it does not take ({@code json/character}: a bidirectional
   * control, a noncharacter, half a surrogate pair) or a number out of range; empty when it
   * reads back.
   */
  public static java.util.Optional<JsonProblem> unreadable(String valueJson, String pointer) {
    List<JsonProblem> problems = new ArrayList<>();
    Json.checkValues(CanonicalJson.parse(valueJson), pointer, problems);
    return problems.stream().findFirst();
  }

  /**
   * The first of a record's values the reader would refuse for its characters ({@code
   * json/character}), at its pointer under {@code /values}: only a record built through the API
   * can hold one. (A number out of the reader's range cannot be built: {@code Value.Num}
   * refuses it.)
   */
  public static java.util.Optional<JsonProblem> unreadable(Values values) {
    List<JsonProblem> problems = new ArrayList<>();
    Json.checkValues(ValueTree.write(Objects.requireNonNull(values, "values")), "/values",
        problems);
    return problems.stream().findFirst();
  }

  /**
   * The canonical JSON text of a value: compact, no white space, object members sorted by name
   * (UTF-16 order), numbers as written, dates as in record JSON. What revisions store as old and
   * new values and what signature content hashes are computed over.
   */
  public static String canonical(Value value) {
    return CanonicalJson.write(ValueTree.write(Objects.requireNonNull(value, "value")));
  }

  /** The canonical JSON text of a values object (see {@link #canonical(Value)}). */
  public static String canonical(Values values) {
    return CanonicalJson.write(ValueTree.write(Objects.requireNonNull(values, "values")));
  }

  /**
   * A values object as the JSON tree record JSON writes (members in the model's order; what
   * {@link CanonicalJson#write} makes canonical text of). A new tree on every call.
   */
  @SuppressWarnings("exports")
  public static JsonNode tree(Values values) {
    return ValueTree.write(Objects.requireNonNull(values, "values"));
  }

  /** A value as the JSON tree record JSON writes (see {@link #canonical(Value)}). */
  @SuppressWarnings("exports")
  public static JsonNode tree(Value value) {
    return ValueTree.write(Objects.requireNonNull(value, "value"));
  }

  /**
   * A host context as the JSON tree record JSON writes (what {@link #canonical(Context)} makes
   * canonical text of). A new tree on every call.
   */
  @SuppressWarnings("exports")
  public static JsonNode tree(Context context) {
    return context(Objects.requireNonNull(context, "context"));
  }

  /** The canonical JSON text of a host context, as record JSON writes it. */
  public static String canonical(Context context) {
    return CanonicalJson.write(context(Objects.requireNonNull(context, "context")));
  }

  /** A date-time as record JSON writes it (ISO-8601 with offset, seconds always). */
  public static String dateTime(OffsetDateTime t) {
    return ValueTree.dateTime(Objects.requireNonNull(t, "t"));
  }

  /** The JSON text of values alone (compact, names sorted), e.g. for hashing or posting. */
  public String writeValues(Values values) {
    return Json.compact(ValueTree.write(values));
  }

  private static ObjectNode tree(Record r) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("format", FORMAT);
    o.put("id", r.id());
    ObjectNode t = o.putObject("template");
    t.put("id", r.template().id());
    t.put("version", r.template().version());
    r.carriedTemplate().ifPresent(tpl -> t.set("content", TemplateTree.write(tpl)));
    o.put("status", r.status().label());
    o.set("context", context(r.context()));
    o.set("values", ValueTree.write(r.values()));
    if (r.completedAt() != null) {
      o.put("completedAt", ValueTree.dateTime(r.completedAt()));
    }
    ArrayNode sigs = o.putArray("signatures");
    for (Signature s : r.signatures()) {
      ObjectNode n = sigs.addObject();
      n.put("id", s.id());
      n.set("signer", ValueTree.actor(s.signer()));
      n.put("at", ValueTree.dateTime(s.at()));
      n.put("scope", s.scope().wire());
      n.put("contentHash", s.contentHash());
      putIf(n, "field", s.field());
      if (s.superseded()) {
        n.put("superseded", true);
      }
      putIf(n, "previousHash", s.previousHash());
      putIf(n, "hash", s.hash());
      if (s.proof() != null) {
        ObjectNode p = n.putObject("proof");
        p.put("type", s.proof().type());
        p.put("value", s.proof().value());
      }
    }
    ArrayNode revs = o.putArray("revisions");
    for (Revision v : r.revisions()) {
      ObjectNode n = revs.addObject();
      n.put("seq", v.seq());
      n.set("actor", ValueTree.actor(v.actor()));
      n.put("at", ValueTree.dateTime(v.at()));
      n.put("path", v.path().wire());
      if (v.oldValue() != null) {
        n.set("old", embedded(v.oldValue()));
      }
      if (v.newValue() != null) {
        n.set("new", embedded(v.newValue()));
      }
      putIf(n, "reason", v.reason());
      n.put("level", v.level());
      putIf(n, "previousHash", v.previousHash());
      putIf(n, "hash", v.hash());
    }
    o.set("extensions", embedded(r.extensions()));
    return o;
  }

  private static ObjectNode context(Context c) {
    ObjectNode o = Json.NODES.objectNode();
    Patient p = c.patient();
    ObjectNode patient = o.putObject("patient");
    putIf(patient, "name", p.name());
    putIf(patient, "sex", p.sex());
    putIf(patient, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
    putIf(patient, "mrn", p.mrn());
    putIf(patient, "idType", p.idType());
    putIf(patient, "idNumber", p.idNumber());
    putIf(patient, "phone", p.phone());
    putIf(patient, "address", p.address());
    Encounter e = c.encounter();
    ObjectNode enc = o.putObject("encounter");
    putIf(enc, "id", e.id());
    putIf(enc, "department", e.department());
    putIf(enc, "ward", e.ward());
    putIf(enc, "bed", e.bed());
    putIf(enc, "admittedAt", e.admittedAt() == null ? null : ValueTree.dateTime(e.admittedAt()));
    putIf(enc, "condition", e.condition());
    ObjectNode events = enc.putObject("events");
    e.events().forEach((k, v) -> events.put(k, ValueTree.dateTime(v)));
    ObjectNode org = o.putObject("org");
    putIf(org, "id", c.org().id());
    putIf(org, "name", c.org().name());
    if (c.author() != null) {
      o.set("author", ValueTree.actor(c.author()));
    }
    return o;
  }

  private static Context context(JsonNode c) {
    JsonNode p = c.path("patient");
    String birth = ValueTree.optText(p, "birthDate");
    Patient patient = new Patient(ValueTree.optText(p, "name"), ValueTree.optText(p, "sex"),
        birth == null ? null : LocalDate.parse(birth), ValueTree.optText(p, "mrn"),
        ValueTree.optText(p, "idType"), ValueTree.optText(p, "idNumber"),
        ValueTree.optText(p, "phone"), ValueTree.optText(p, "address"));
    JsonNode e = c.path("encounter");
    Map<String, OffsetDateTime> events = new TreeMap<>();
    e.path("events").properties().forEach(x -> {
      if (!x.getValue().isNull()) {
        events.put(x.getKey(), ValueTree.parseDateTime(x.getValue().asText()));
      }
    });
    Encounter encounter = new Encounter(ValueTree.optText(e, "id"),
        ValueTree.optText(e, "department"), ValueTree.optText(e, "ward"),
        ValueTree.optText(e, "bed"), dateTime(e, "admittedAt"), ValueTree.optText(e, "condition"),
        events);
    JsonNode g = c.path("org");
    Organization org = new Organization(ValueTree.optText(g, "id"), ValueTree.optText(g, "name"));
    Actor author = c.has("author") ? actor(c.get("author")) : null;
    return new Context(patient, encounter, org, author);
  }

  private static List<Signature> signatures(JsonNode a) {
    List<Signature> out = new ArrayList<>();
    for (JsonNode n : a) {
      out.add(new Signature(n.path("id").asText(), actor(n.path("signer")),
          dateTime(n, "at"), SignatureScope.parse(n.path("scope").asText()),
          n.path("contentHash").asText(), ValueTree.optText(n, "field"),
          n.path("superseded").asBoolean(false), ValueTree.optText(n, "previousHash"),
          ValueTree.optText(n, "hash"), n.has("proof") ? new Proof(
              n.get("proof").path("type").asText(), n.get("proof").path("value").asText())
              : null));
    }
    return out;
  }

  private static List<Revision> revisions(JsonNode a) {
    List<Revision> out = new ArrayList<>();
    for (JsonNode n : a) {
      out.add(new Revision(n.path("seq").asInt(), actor(n.path("actor")), dateTime(n, "at"),
          TracePath.parse(n.path("path").asText()),
          stored(n.get("old")), stored(n.get("new")), ValueTree.optText(n, "reason"),
          n.path("level").asInt(), ValueTree.optText(n, "previousHash"),
          ValueTree.optText(n, "hash")));
    }
    return out;
  }

  /** A revision's old or new value as canonical JSON text ({@code null}: none). */
  private static String stored(JsonNode n) {
    return n == null || n.isNull() ? null : CanonicalJson.write(n);
  }

  private static Actor actor(JsonNode n) {
    return new Actor(n.path("id").asText(), n.path("name").asText(),
        Role.fromLabel(n.path("role").asText()));
  }

  private static OffsetDateTime dateTime(JsonNode o, String name) {
    String s = ValueTree.optText(o, name);
    return s == null ? null : ValueTree.parseDateTime(s);
  }

  private static final ObjectMapper EMBEDDED = Json.mapper(JsonLimits.DEFAULT);

  private static JsonNode embedded(String json) {
    try {
      return EMBEDDED.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored JSON text is not JSON: " + json, e);
    }
  }

  private static void putIf(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
