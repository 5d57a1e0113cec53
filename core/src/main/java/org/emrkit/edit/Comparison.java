package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emrkit.json.CanonicalJson;
import org.emrkit.json.RecordJson;
import org.emrkit.problem.Location;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.Signature;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;

/**
 * Compares what a record says with what its replayed trace says it must (package-private): id
 * and template, context, completion time, status, values, superseded flags, and every signature
 * field's value against the signature that put it there. Each difference is a finding naming the
 * thing changed, by its label, with both values.
 */
final class Comparison {

  private static final int MAX_DIFFERENCES = 20;
  private static final Map<String, String> CONTEXT_LABELS = Map.ofEntries(
      Map.entry("/patient/name", "患者姓名"), Map.entry("/patient/sex", "性别"),
      Map.entry("/patient/birthDate", "出生日期"), Map.entry("/patient/mrn", "住院号"),
      Map.entry("/patient/idType", "证件类型"), Map.entry("/patient/idNumber", "证件号码"),
      Map.entry("/patient/phone", "联系电话"), Map.entry("/patient/address", "住址"),
      Map.entry("/encounter/id", "就诊号"), Map.entry("/encounter/department", "科室"),
      Map.entry("/encounter/ward", "病区"), Map.entry("/encounter/bed", "床号"),
      Map.entry("/encounter/admittedAt", "入院时间"), Map.entry("/encounter/condition", "病情"),
      Map.entry("/org/id", "医疗机构代码"), Map.entry("/org/name", "医疗机构"),
      Map.entry("/author/id", "记录者工号"), Map.entry("/author/name", "记录者"),
      Map.entry("/author/role", "记录者角色"));

  private final Template template;
  private final Record record;
  private final Replay replay;
  private final List<AuditFinding> out;

  Comparison(Template template, Record record, Replay replay, List<AuditFinding> out) {
    this.template = template;
    this.record = record;
    this.replay = replay;
    this.out = out;
  }

  void run() {
    if (replay.created) {
      header();
      if (replay.sameContext != record.context()) {
        int found = out.size();
        differences("context", "/context", RecordJson.tree(record.context()), replay.context);
        if (out.size() == found) {
          replay.sameContext = record.context();
        }
      }
      JsonNode completed = record.completedAt() == null ? null
          : CanonicalJson.NODES.textNode(RecordJson.dateTime(record.completedAt()));
      differences("completed-at", "/completedAt", completed, replay.completedAt);
      if (!ValueTrees.matches(record.values(), replay.values, replay.root)) {
        differences("values", "/values", ValueTrees.strip(record.values(), replay.root),
            replay.values);
      }
    }
    status();
    signatures();
    signatureValues();
  }

  private void header() {
    JsonNode h = replay.header;
    if (!record.id().equals(h.path("id").asText())) {
      out.add(new AuditFinding("record", "/id", Message.of("病历编号被改动：创建时为 "
          + h.path("id").asText() + "，现为 " + record.id(), "the record id was changed: "
          + h.path("id").asText() + " when created, now " + record.id())));
    }
    JsonNode t = h.path("template");
    if (!record.template().id().equals(t.path("id").asText())
        || !record.template().version().equals(t.path("version").asText())) {
      out.add(new AuditFinding("record", "/template", Message.of("病历引用的模板被改动：创建时为 "
          + t.path("id").asText() + "@" + t.path("version").asText() + "，现为 "
          + record.template(), "the template the record names was changed: "
          + t.path("id").asText() + "@" + t.path("version").asText() + " when created, now "
          + record.template())));
    } else if (!Entries.templateHash(template).equals(t.path("sha256").asText())) {
      out.add(new AuditFinding("record", "/template", Message.of("模板 " + record.template()
          + " 的内容与书写病历时所用的不同：同一版本的模板被改动",
          "template " + record.template() + " is not the one the record was written with: the"
              + " template was changed without a new version")));
    }
  }

  /** One finding per place where the record and its trace differ. */
  private void differences(String kind, String base, JsonNode stored, JsonNode traced) {
    List<String> at = new ArrayList<>();
    ValueTrees.diff(stored, traced, "", at, MAX_DIFFERENCES);
    for (String p : at) {
      String label = label(kind, p);
      String now = shortText(ValueTrees.get(stored, ValueTrees.tokens(p)));
      String was = shortText(ValueTrees.get(traced, ValueTrees.tokens(p)));
      out.add(new AuditFinding(kind, base + p, Message.of(label + "被改动而无修改记录：病历为 " + now
          + "，修改痕迹为 " + was, label + " was changed without a trace: the record says " + now
          + ", its trace " + was)));
    }
  }

  private String label(String kind, String p) {
    if (kind.equals("context")) {
      String l = CONTEXT_LABELS.get(p);
      if (l == null && p.startsWith("/encounter/events/")) {
        l = "就诊事件时间(" + p.substring("/encounter/events/".length()) + ")";
      }
      return (l == null ? "病历背景信息" : l) + "(/context" + p + ")";
    }
    if (kind.equals("completed-at")) {
      return "完成时间(/completedAt)";
    }
    return fieldLabel(replay.root, p);
  }

  /** A value's label for people: 主诉(/values/chiefComplaint). */
  static String fieldLabel(FieldScope root, String p) {
    List<String> tokens = ValueTrees.tokens(p);
    Optional<Field> f = root.fieldAt(tokens);
    String name = f.map(Comparison::name)
        .orElse(tokens.isEmpty() ? "病历内容" : tokens.get(tokens.size() - 1));
    return labelled(name, p);
  }

  /** A value's name with its pointer: 主诉(/values/chiefComplaint). */
  private static String labelled(String name, String p) {
    return name + "(/values" + p + ")";
  }

  private static String name(Field f) {
    if (f.label() != null) {
      return f.label();
    }
    Optional<DataElements.Names> de = DataElements.names(f.dataElement());
    if (de.isPresent()) {
      return de.get().zh();
    }
    if (f.type() == FieldType.SIGNATURE && f.role() != null) {
      org.emrkit.record.Role role = org.emrkit.record.Role.fromLabel(f.role());
      return role == null ? f.name() : role.title() + "签名";
    }
    return f.name();
  }

  private void status() {
    if (record.status() != replay.status) {
      out.add(new AuditFinding("status", "/status", Message.of("病历状态被改动：病历为“"
          + record.status().label() + "”，修改痕迹为“" + replay.status.label() + "”",
          "the status was changed: the record says " + record.status().label()
              + ", its trace " + replay.status.label())));
    }
  }

  private void signatures() {
    for (int i = 0; i < record.signatures().size(); i++) {
      Signature s = record.signatures().get(i);
      Signature chained = replay.signatures.get(s.id());
      if (chained == null || !java.util.Objects.equals(chained.hash(), s.hash())) {
        continue; // not in the chain: already found
      }
      boolean traced = replay.superseded.contains(s.id());
      if (s.superseded() != traced) {
        out.add(new AuditFinding("signature", "/signatures/" + i + "/superseded", Message.of(
            "签名 " + s.id() + "（" + s.signer().name() + "）" + (traced
                ? "已因修改作废，却被标为有效" : "被标为作废，但没有修改记录作废它"),
            "signature " + s.id() + " (" + s.signer().name() + ") is " + (traced
                ? "superseded by a change but marked valid" : "marked superseded but no"
                + " revision supersedes it"))));
      } else if (!traced && replay.created && !replay.stillCovers(s)) {
        out.add(new AuditFinding("signature", "/signatures/" + i, Message.of("签名 " + s.id()
            + "（" + s.signer().name() + "）所签内容此后被修改，签名却未作废",
            "the content signature " + s.id() + " (" + s.signer().name() + ") covers was"
                + " changed later, yet the signature was not superseded")));
      }
    }
  }

  /**
   * Every signature field's value must be one the record's signatures put there: a valid one at
   * the field it names, or a superseded one (whose entry may have moved); each at most once.
   */
  private void signatureValues() {
    Map<String, Signature> validAt = new HashMap<>();
    List<Signature> old = new ArrayList<>();
    for (Signature s : replay.signatures.values()) {
      if (replay.superseded.contains(s.id())) {
        old.add(s);
      } else if (s.field() != null) {
        validAt.put(s.field(), s);
      }
    }
    // the replay's signatures, one object per id: used by identity (a signature's own hash is
    // one of all its members)
    Set<Signature> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Placed> values = new ArrayList<>();
    signatureValues(record.values(), replay.root, "", values);
    for (Placed v : values) {
      String p = v.pointer();
      Value n = v.value();
      Signature s = validAt.get(p);
      if (s != null && same(s, n) && used.add(s)) {
        continue;
      }
      if (s == null && moved(old, n, used)) {
        continue;
      }
      String shown = n instanceof Value.Signed g ? g.signer().actor().name() + "("
          + g.signer().actor().id() + ", " + RecordJson.dateTime(g.signer().at()) + ")"
          : org.emrkit.record.ValueText.brief(RecordJson.canonical(n));
      // the field it was found at, named as fieldLabel names the field at its pointer
      String l = labelled(name(v.field()), p);
      out.add(new AuditFinding("signature-value", "/values" + p, s != null
          ? Message.of(l + "显示 " + shown + "，但签在此处的是 " + s.signer().name() + "：签名字段被改动",
              l + " shows " + shown + " but " + s.signer().name() + " signed there: the"
                  + " signature field was changed")
          : Message.of(l + "显示 " + shown + "，病历的签名中没有这一签名：签名是填写或复制的，不是签署的",
              l + " shows " + shown + ", which none of the record's signatures put there: it"
                  + " was typed or copied in, not signed")));
    }
    validAt.forEach((p, s) -> {
      if (!used.contains(s)) {
        String l = fieldLabel(replay.root, p);
        out.add(new AuditFinding("signature-value", "/values" + p, Message.of(l + "应显示 "
            + s.signer().name() + " 的签名(" + s.id() + ")，却没有：签名字段被清除或改动",
            l + " should show " + s.signer().name() + "'s signature (" + s.id() + ") but does"
                + " not: the signature field was cleared or changed")));
      }
    });
  }

  /**
   * Whether a superseded signature not yet used is the value {@code n} (its entry may have
   * moved); marks it used.
   */
  private static boolean moved(List<Signature> old, Value n, Set<Signature> used) {
    for (Signature x : old) {
      if (same(x, n) && used.add(x)) {
        return true;
      }
    }
    return false;
  }

  /** A signature field's value where it was found: its pointer below /values and its field. */
  private record Placed(String pointer, Value value, Field field) {}

  /**
   * The signature fields' values, by pointer, in the record's values, in the order of their
   * names. Driven by the template: only the names of signature fields and of groups that hold
   * one are looked up (a long record's other values were all visited for this).
   */
  private void signatureValues(Values values, FieldScope scope, String at, List<Placed> out) {
    for (String name : replay.layout.signedNames(scope)) {
      Optional<Value> v = values.get(name);
      if (v.isEmpty()) {
        continue;
      }
      Field f = scope.fields().get(name);
      if (f != null && f.type() == FieldType.SIGNATURE) {
        out.add(new Placed(at + "/" + Location.Pointer.token(name), v.get(), f));
      } else if (v.get() instanceof Value.Rows rows) {
        FieldScope g = scope.groups().get(name);
        String p = at + "/" + Location.Pointer.token(name);
        for (int i = 0; i < rows.rows().size(); i++) {
          signatureValues(rows.rows().get(i), g, p + "/" + i, out);
        }
      }
    }
  }


  /** Whether a signature field's value is exactly this signature's signer and time. */
  private static boolean same(Signature s, Value v) {
    if (!(v instanceof Value.Signed g)) {
      return false;
    }
    Actor a = s.signer();
    Actor b = g.signer().actor();
    return a.id().equals(b.id()) && a.name().equals(b.name()) && a.role() == b.role()
        && s.at().equals(g.signer().at());
  }

  /** A value for a message: its text, cut at 40 characters; "（无）"/none when absent. */
  static String shortText(JsonNode n) {
    if (n == null || n.isNull()) {
      return "（无）";
    }
    String s;
    if (n.isTextual()) {
      s = n.asText();
    } else if (n.isContainerNode()) {
      // only the first 40 characters are shown: a list of 40,000 entries is not written whole
      StringBuilder b = new StringBuilder();
      brief(n, b);
      s = b.toString();
    } else {
      s = CanonicalJson.write(n);
    }
    return org.emrkit.record.ValueText.brief(s);
  }


  /** The canonical text of {@code n}, or more than 40 characters of its start. */
  private static void brief(JsonNode n, StringBuilder b) {
    if (!n.isContainerNode()) {
      b.append(CanonicalJson.write(n));
      return;
    }
    b.append(n.isArray() ? '[' : '{');
    java.util.Iterator<String> names = null;
    if (n.isObject()) {
      java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
      n.fieldNames().forEachRemaining(sorted::add);
      names = sorted.iterator();
    }
    for (int i = 0; i < n.size(); i++) {
      if (b.length() > 40) {
        return;
      }
      b.append(i == 0 ? "" : ",");
      if (names != null) {
        String name = names.next();
        b.append(CanonicalJson.write(CanonicalJson.NODES.textNode(name))).append(':');
        brief(n.get(name), b);
      } else {
        brief(n.get(i), b);
      }
    }
    b.append(n.isArray() ? ']' : '}');
  }
}
