package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.emrkit.json.CanonicalJson;
import org.emrkit.problem.Message;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.Template;

/**
 * Replays a record's chain from its first entry: the record as created, then every revision of
 * its context, completion time, status, values and signatures' superseded flags, each checked
 * against the state the entries before it left (a revision's old value must be what was there);
 * every signature's content hash checked against the values as they were when it was signed.
 * What it ends with is what the record must say (package-private; see {@link Comparison}).
 */
final class Replay {

  final Layout layout;
  final FieldScope root;
  /** What the replay found (its own list: a kept replay gives its findings to every audit). */
  final List<AuditFinding> out = new java.util.ArrayList<>();

  /** Whether the chain starts with the record's creation (else nothing can be replayed). */
  boolean created;
  JsonNode header = CanonicalJson.NODES.objectNode();
  JsonNode context;
  /**
   * A host context found the same as {@link #context} (records are immutable: the same object
   * has the same content), so a kept replay compares the context an edit session's records share
   * once, not on every audit.
   */
  volatile org.emrkit.record.Context sameContext;
  JsonNode completedAt;
  RecordStatus status = RecordStatus.DRAFT;
  ObjectNode values = CanonicalJson.NODES.objectNode();
  final Set<String> superseded = new HashSet<>();
  final Map<String, Signature> signatures = new LinkedHashMap<>();
  private int seq;
  private OffsetDateTime last;
  /** Counts the changes of {@link #values}: a signature that matched at this count still does. */
  private int version;
  private final Map<String, Integer> coveredAt = new java.util.HashMap<>();

  Replay(Layout layout) {
    this.layout = layout;
    this.root = layout.root;
  }

  /** The longest chain whose replay is kept (what is kept grows with the record). */
  static final int KEPT_ENTRIES = 5_000;

  /**
   * Replays of whole, verified chains, kept per template by the hash of the chain's last entry
   * and where the record lists each entry (the 16 used last, softly): when every entry matched its hash and the links made one chain
   * (the order found nothing), the last entry's hash commits to the content of every entry
   * before it, so the same hash is the same chain and replays to the same state. A record
   * validated again, or read again from storage, skips its replay; anything changed in an entry
   * is a different hash or a finding of the order, and is replayed in full. A kept replay is
   * never changed: the comparison only reads it, and reads only what entries hash (a
   * signature's superseded flag and proof are not in its entry: the comparison takes those from
   * the record it audits).
   */
  private static final PerTemplate<Map<String, java.lang.ref.SoftReference<Replay>>> KEPT =
      new PerTemplate<>(t -> java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(
                Map.Entry<String, java.lang.ref.SoftReference<Replay>> e) {
              return size() > 16;
            }
          }));

  /**
   * The replay of {@code chain} under {@code template}: kept from an earlier audit when the chain
   * was verified whole ({@code verified}: the order found nothing) and replayed before.
   */
  static Replay of(Template template, List<Links.Link> chain, boolean verified) {
    return of(template, chain, verified, KEPT_ENTRIES);
  }

  static Replay of(Template template, List<Links.Link> chain, boolean verified, int longest) {
    if (!verified || chain.isEmpty() || chain.size() > longest) {
      Replay r = new Replay(Layout.of(template));
      r.run(chain);
      return r;
    }
    String head = key(chain);
    Replay r = kept(template, head);
    if (r == null) {
      r = new Replay(Layout.of(template));
      r.run(chain);
      KEPT.get(template).put(head, new java.lang.ref.SoftReference<>(r));
    }
    return r;
  }

  /** The replay kept under {@code key}, or {@code null}. */
  private static Replay kept(Template template, String key) {
    java.lang.ref.SoftReference<Replay> ref = KEPT.get(template).get(key);
    return ref == null ? null : ref.get();
  }

  void run(List<Links.Link> chain) {
    for (int k = 0; k < chain.size(); k++) {
      Links.Link l = chain.get(k);
      if (last != null && l.at().isBefore(last)) {
        out.add(new AuditFinding("chain", l.pointer(), Message.of(l.describe().zh()
            + "的时间早于它之前的记录：时间被改动", l.describe().en() + " is dated before the entry"
            + " it follows: its time was changed")));
      }
      last = l.at();
      if (l.revision() != null) {
        revision(l, k == 0);
      } else {
        signature(l);
      }
    }
  }

  private void revision(Links.Link l, boolean first) {
    Revision r = l.revision();
    if (r.seq() != ++seq) {
      out.add(finding("trace", l, "的序号应为 " + seq, " should have seq " + seq));
      seq = r.seq();
    }
    if (first != (r.path() instanceof TracePath.OfRecord)) {
      out.add(first
          ? finding("trace", l, "是修改痕迹的第一条，但不是病历的创建(/@record)：痕迹由旧版本写入，或最早的记录被删除",
              " is the first entry but not the record's creation (/@record): the trace was"
                  + " written by an older version, or its first entries were removed")
          : finding("trace", l, "再次创建病历(/@record)", " creates the record a second time"));
      return;
    }
    JsonNode old = l.old();
    JsonNode now = l.now();
    if (r.path() instanceof TracePath.OfRecord) {
      create(l, now);
    } else if (created) {
      if (r.path() instanceof TracePath.OfValue v) {
        value(l, ValueTrees.tokens(v.pointer()), old, now);
      } else {
        record(l, r.path(), old, now);
      }
    }
  }

  private void create(Links.Link l, JsonNode now) {
    if (!now.isObject() || !now.path("values").isObject() || !now.path("context").isObject()) {
      out.add(finding("trace", l, "不是完整的病历创建记录", " is not a whole record creation"));
      return;
    }
    created = true;
    header = now;
    context = now.get("context");
    completedAt = now.get("completedAt");
    values = ValueTrees.strip(now.get("values"), root);
    version++;
  }

  /** The last entry's hash, and where the record lists each entry (what findings point to). */
  private static String key(List<Links.Link> chain) {
    StringBuilder key = new StringBuilder(chain.get(chain.size() - 1).hash());
    chain.forEach(l -> key.append(' ').append(l.pointer()));
    return key.toString();
  }

  /** Whether the replay of {@code chain} is kept (for tests). */
  static boolean isKept(Template template, List<Links.Link> chain) {
    return !chain.isEmpty() && kept(template, key(chain)) != null;
  }

  /** A revision of the record itself: context, completion time, status, superseded flag. */
  private void record(Links.Link l, TracePath path, JsonNode old, JsonNode now) {
    if (path instanceof TracePath.OfContext) {
      expect(l, context, old);
      if (now.isObject()) {
        context = now;
      }
    } else if (path instanceof TracePath.OfCompletedAt) {
      expect(l, completedAt, old);
      completedAt = now;
    } else if (path instanceof TracePath.OfStatus) {
      expect(l, CanonicalJson.NODES.textNode(status.label()), old);
      RecordStatus next = status(now);
      if (next == null || next.ordinal() <= status.ordinal()) {
        out.add(finding("trace", l, "把状态从“" + status.label() + "”改回“" + now.asText()
            + "”：状态只能向前", " moves the status from " + status.label() + " back to "
            + now.asText() + ": status only moves forward"));
      } else {
        status = next;
      }
    } else if (path instanceof TracePath.OfPrints) {
      print(l, old, now);
    } else if (path instanceof TracePath.OfSuperseded s) {
      if (!signatures.containsKey(s.signature()) || !superseded.add(s.signature())
          || !old.equals(CanonicalJson.NODES.booleanNode(false))
          || !now.equals(CanonicalJson.NODES.booleanNode(true))) {
        out.add(finding("trace", l, "作废了一个此前没有或已作废的签名(" + s.signature() + ")",
            " supersedes a signature that is not there before it or was superseded already ("
                + s.signature() + ")"));
      }
    }
  }

  /** A print: it changes nothing, and its entry must read (the log is computed from it). */
  private void print(Links.Link l, JsonNode old, JsonNode now) {
    String problem = old != null && !old.isNull() ? "has an old value" : null;
    if (problem == null) {
      try {
        org.emrkit.render.PrintEntry.read(l.revision().seq(), l.revision().actor(), l.at(),
            now == null ? null : CanonicalJson.write(now), false);
      } catch (IllegalArgumentException | NullPointerException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      out.add(finding("trace", l, "不是有效的打印记录：" + problem, " is not a valid print entry: "
          + problem));
    }
  }

  private static RecordStatus status(JsonNode n) {
    for (RecordStatus s : RecordStatus.values()) {
      if (n.isTextual() && s.label().equals(n.asText())) {
        return s;
      }
    }
    return null;
  }

  /** A revision of a value: its old value must be what the trace had there. */
  private void value(Links.Link l, List<String> tokens, JsonNode old, JsonNode now) {
    Optional<Field> f = root.fieldAt(tokens);
    if (f.isPresent() && f.get().type() == FieldType.SIGNATURE) {
      out.add(finding("trace", l, "改动了签名字段：签名字段只由签名填写", " changes a signature"
          + " field: only signing fills one"));
      return;
    }
    JsonNode was = ValueTrees.stripAt(old, root, tokens);
    JsonNode becomes = ValueTrees.stripAt(now, root, tokens);
    boolean entry = entryOfGroup(tokens);
    JsonNode there = ValueTrees.get(values, tokens);
    boolean insert = entry && was == null;
    if (!insert && !Objects.equals(there, was)) {
      expect(l, there, was);
    }
    if (!ValueTrees.apply(values, tokens, becomes, insert)) {
      out.add(finding("trace", l, "改动的位置在当时的病历中不存在", " changes a place the record did"
          + " not have at that point"));
    }
    if (becomes == null || becomes.isArray()) {
      ValueTrees.prune(values); // only a removal or a new list can leave a list empty
    } else if (entry && becomes instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      // an entry put in: only its own lists can be empty; not a walk over every other row
      // (which made replaying a 200-row sheet quadratic)
      ValueTrees.prune(o);
    }
    version++;
  }

  /** Whether the tokens name an entry of a group; creates the group's list when it is absent. */
  private boolean entryOfGroup(List<String> tokens) {
    if (tokens.size() < 2 || ValueTrees.index(tokens.get(tokens.size() - 1), 9_999_999) < 0) {
      return false;
    }
    List<String> group = tokens.subList(0, tokens.size() - 1);
    JsonNode list = ValueTrees.get(values, group);
    if (list == null) {
      JsonNode holder = group.size() == 1 ? values
          : ValueTrees.get(values, group.subList(0, group.size() - 1));
      if (holder instanceof ObjectNode o) {
        o.putArray(group.get(group.size() - 1));
        return true;
      }
      return false;
    }
    return list instanceof ArrayNode;
  }

  /** Adds a finding when the trace had {@code there} where a revision says {@code was}. */
  private void expect(Links.Link l, JsonNode there, JsonNode was) {
    JsonNode a = there == null || there.isNull() ? null : there;
    JsonNode b = was == null || was.isNull() ? null : was;
    if (!Objects.equals(a, b)) {
      out.add(finding("trace", l, "记下的旧值(" + Comparison.shortText(b) + ")与修改痕迹此前的值("
          + Comparison.shortText(a) + ")不符：修改痕迹被改动", " says the old value was "
          + Comparison.shortText(b) + " but the trace before it had " + Comparison.shortText(a)
          + ": the trace was edited"));
    }
  }

  private void signature(Links.Link l) {
    Signature s = l.signature();
    if (signatures.putIfAbsent(s.id(), s) != null) {
      out.add(finding("signature", l, "与另一签名同号(" + s.id() + ")", " has the id of another"
          + " signature (" + s.id() + ")"));
    }
    if (s.field() != null) {
      Optional<Field> f = root.fieldAt(ValueTrees.tokens(s.field()));
      if (f.isEmpty() || f.get().type() != FieldType.SIGNATURE) {
        out.add(finding("signature", l, "记下的签名字段 " + s.field() + " 不是模板中的签名字段",
            " names " + s.field() + " as its field, which is no signature field of the"
                + " template"));
      }
    }
    if (!created) {
      return;
    }
    if (RecordAudit.hashOf(layout, values, s.scope()).equals(s.contentHash())) {
      coveredAt.put(s.id(), version);
    } else {
      out.add(finding("signature", l, "的内容哈希与签名时病历的内容不符：签名内容或修改痕迹被改动",
          " does not hash the content the record had when it was signed: the signed content or"
              + " the trace was changed"));
    }
  }

  /** Whether a signature still covers what it did (used for the ones not superseded). */
  boolean stillCovers(Signature s) {
    Integer at = coveredAt.get(s.id());
    return at != null && at == version
        || RecordAudit.hashOf(layout, values, s.scope()).equals(s.contentHash());
  }

  private static AuditFinding finding(String kind, Links.Link l, String zh, String en) {
    Message d = l.describe();
    return new AuditFinding(kind, l.pointer(), Message.of(d.zh() + zh, d.en() + en));
  }
}
