package org.emrkit.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.SectionNames;
import org.emrkit.template.Template;

/**
 * Works out a record's amendments for a print: the value revisions of the trace that changed
 * signed content, content a signature made before the change covers (superseded since or not:
 * a second change to content whose signature the first one voided is still a change after
 * signing), or content someone else wrote before (审阅修改: 电子病历应用管理规范 asks that a senior's
 * changes to what an intern or a colleague wrote keep their 痕迹, who and when, every time),
 * with their values as displayed and their labels as the record shows them. A writer's own
 * changes to an unsigned draft, and new entries and values first written, are not amendments.
 * Package-private; see {@link RecordWalk#amendments()}.
 */
final class Amendments {

  /** A pointer's token of an entry's index. */
  private static final java.util.regex.Pattern ENTRY =
      java.util.regex.Pattern.compile("[0-9]{1,9}");

  private final Template template;
  private final Record record;
  private final RecordJson json = RecordJson.create();
  /** Labels of fields and groups by their JSON pointer into the record, from a walk. */
  private final Map<String, String> labels = new HashMap<>();
  /** Whether a group's entries are table rows, by the group's pointer. */
  private final Map<String, Boolean> tableRows = new HashMap<>();

  private Amendments(Resolver resolver) {
    this.template = resolver.template();
    this.record = resolver.record();
    RecordWalk all = RecordWalk.builder(resolver).includeHidden(true).build();
    all.blocks(new WalkTarget() {
      @Override
      public void paragraph(ParagraphView p) {
        for (Run r : p.runs()) {
          if (r instanceof Run.FieldRun f) {
            labels.putIfAbsent(f.field().path(), f.field().label());
          }
        }
      }

      @Override
      public void startGroup(GroupView g) {
        tableRows.put(g.path(), g.table());
        if (g.label() != null) {
          labels.putIfAbsent(g.path(), g.label());
        }
      }
    });
  }

  /** The record's amendments in trace order. */
  static List<Amendment> of(Resolver resolver) {
    Record record = resolver.record();
    SectionNames names = SectionNames.of(resolver.template());
    Writers writers = new Writers(record.revisions());
    List<Amendment> all = described(resolver, 0, (r, pointer, signed) -> signed
        || writers.anothers(r, pointer), names, writers);
    // where each value is now: rows put in or taken out before it since move it, and the
    // 修改记录 names the row where the sheet prints it now (one taken out keeps its old name)
    Amendments[] here = {null}; // walked only when a value moved
    return all.stream().map(a -> {
      String now = writers.now(a.path(), a.seq());
      if (now == null || now.equals(a.path())) {
        return a.movedTo(now, a.label());
      }
      if (here[0] == null) {
        here[0] = new Amendments(resolver);
      }
      return a.movedTo(now, here[0].label(now.substring("/values".length())));
    }).toList();
  }

  /** What values are called (by pointer into values), as the record shows them. */
  static java.util.function.UnaryOperator<String> labels(Resolver resolver) {
    Amendments a = new Amendments(resolver);
    return a::label;
  }

  /**
   * The value revisions after sequence number {@code after} in trace order, described as
   * amendments are.
   */
  static List<Amendment> after(Resolver resolver, int after) {
    return described(resolver, after, (r, pointer, signed) -> true,
        SectionNames.of(resolver.template()), new Writers(resolver.record().revisions()));
  }

  /** Which value revisions a list takes, told whether a signature covered the value. */
  @FunctionalInterface
  private interface Which {
    boolean takes(Revision r, String pointer, boolean signed);
  }

  /** The value revisions after {@code after} that {@code which} takes, described. */
  private static List<Amendment> described(Resolver resolver, int after, Which which,
      SectionNames names, Writers writers) {
    Amendments a = null;
    List<Amendment> out = new ArrayList<>();
    Record record = resolver.record();
    int[] signedAt = signedAt(record);
    // each row signature's entry where it stands, moved along as the trace goes on
    String[] where = new String[signedAt.length];
    int[] movedTo = signedAt.clone();
    for (int i = 0; i < where.length; i++) {
      if (record.signatures().get(i).scope() instanceof SignatureScope.OfEntry e) {
        where[i] = e.pointer();
      }
    }
    for (Revision r : record.revisions()) {
      if (r.seq() > after && r.path() instanceof TracePath.OfValue v) {
        boolean signed = covered(record, names, r, v.pointer(), writers, where, movedTo);
        if (which.takes(r, v.pointer(), signed)) {
          if (a == null) {
            a = new Amendments(resolver);
          }
          out.add(a.amendment(r, v.pointer(), signed));
        }
      }
    }
    return List.copyOf(out);
  }

  /** For each signature, how many revisions came before it (those not after its time). */
  private static int[] signedAt(Record record) {
    List<Revision> trace = record.revisions();
    int[] out = new int[record.signatures().size()];
    for (int i = 0; i < out.length; i++) {
      java.time.OffsetDateTime at = record.signatures().get(i).at();
      int lo = 0;
      int hi = trace.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (trace.get(mid).at().isAfter(at)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      out[i] = lo;
    }
    return out;
  }

  /**
   * Whether a signature made before {@code r} covers its value - a row's signature where its row
   * was when {@code r} was made (rows put in or taken out before it since move it; one taken out
   * covers nothing), superseded ones too (the change was to content signed then). A row
   * signature's entry ({@code where}) is moved on from where it was last looked at
   * ({@code movedTo}), so each move of the trace is applied to it once.
   */
  private static boolean covered(Record record, SectionNames names, Revision r,
      String pointer, Writers writers, String[] where, int[] movedTo) {
    List<Signature> signatures = record.signatures();
    int index = writers.index(r);
    for (int i = 0; i < signatures.size(); i++) {
      Signature s = signatures.get(i);
      if (!s.at().isBefore(r.at())) {
        continue;
      }
      SignatureScope scope = s.scope();
      if (scope instanceof SignatureScope.OfEntry) {
        if (where[i] != null && movedTo[i] < index) {
          where[i] = writers.between(where[i], movedTo[i], index);
          movedTo[i] = index;
        }
        if (where[i] == null) {
          continue; // its row was taken out
        }
        scope = new SignatureScope.OfEntry(where[i]);
      }
      if (scope.covers(names, pointer)) {
        return true;
      }
    }
    return false;
  }

  private Amendment amendment(Revision r, String pointer, boolean signed) {
    String unit = fieldAt(pointer).map(Field::unit).orElse(null);
    return new Amendment(r.seq(), "/values" + pointer, label(pointer), text(pointer,
        r.oldValue()), text(pointer, r.newValue()), unit, r.actor(), r.at(), r.reason(), signed,
        "/values" + pointer);
  }

  /**
   * What the value at the pointer is called: its label as the record shows it, with the entry it
   * lies in (诊断（第2项）, 体温（第3行）); for a value no longer shown, its template label.
   */
  private String label(String pointer) {
    if (pointer.isEmpty()) {
      return "病历内容";
    }
    String path = "/values" + pointer;
    String[] tokens = pointer.substring(1).split("/", -1);
    String name = labels.get(path);
    int entry = -1;
    String group = null;
    StringBuilder at = new StringBuilder("/values");
    for (int i = 0; i < tokens.length; i++) {
      if (ENTRY.matcher(tokens[i]).matches()) {
        group = at.toString();
        entry = Integer.parseInt(tokens[i]);
      }
      at.append('/').append(tokens[i]);
    }
    if (name == null) {
      name = ENTRY.matcher(pointer.substring(pointer.lastIndexOf('/') + 1)).matches()
          ? labels.get(group) : fieldAt(pointer)
          .map(f -> f.label() != null ? f.label() : f.name()).orElse(null);
    }
    if (name == null) {
      name = entry >= 0 ? group.substring(group.lastIndexOf('/') + 1)
          : tokens[tokens.length - 1];
    }
    if (entry < 0) {
      return name;
    }
    boolean row = tableRows.getOrDefault(group, false);
    return name + "（第" + (entry + 1) + (row ? "行" : "项") + "）";
  }

  /**
   * The value's text as displayed: a field's as {@link ValueText} writes it (without its unit),
   * entries' in a line (with theirs).
   */
  private String text(String pointer, String valueJson) {
    if (valueJson == null) {
      return "";
    }
    Optional<Value> v = json.readAt(template, pointer, valueJson);
    if (v.isEmpty()) {
      // not readable with the template: the stored text (clipped), not nothing
      return valueJson.length() <= 200 ? valueJson : valueJson.substring(0, 199) + "…";
    }
    if (v.get() instanceof Value.Rows rows) {
      FieldScope scope = scopeAt(pointer);
      List<String> entries = new ArrayList<>();
      for (Values e : rows.rows()) {
        List<String> parts = new ArrayList<>();
        for (Field f : scope.fields().values()) {
          String t = ValueText.of(template, f, e.get(f.name()).orElse(null));
          if (!t.isEmpty()) {
            parts.add(t + (f.unit() == null ? "" : ValueText.unitSpace(f.unit()) + f.unit()));
          }
        }
        entries.add(String.join("，", parts));
      }
      return String.join("；", entries);
    }
    Optional<Field> field = fieldAt(pointer);
    if (field.isEmpty()) {
      return valueJson.length() <= 200 ? valueJson : valueJson.substring(0, 199) + "…";
    }
    return ValueText.of(template, field.get(), v.get());
  }

  /** The scope of the group or entry at the pointer (the root when it names nothing else). */
  private FieldScope scopeAt(String pointer) {
    FieldScope scope = template.scope();
    for (String t : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      Optional<FieldScope> g = scope.group(t);
      if (g.isPresent()) {
        scope = g.get();
      }
    }
    return scope;
  }

  private Optional<Field> fieldAt(String pointer) {
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    return scopeAt(pointer).field(tokens[tokens.length - 1]);
  }
}
