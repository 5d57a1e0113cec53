package org.emrkit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.problem.Message;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;

/**
 * Puts a record's revisions and signatures into chain order by their links (each names the hash
 * of the entry before it), whatever order the record lists them in, and finds the entries whose
 * content no longer matches their hash, that link to nothing, or that fork the chain
 * (package-private).
 */
final class Links {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One entry: a revision or a signature, its canonical content and its hashes. */
  record Link(String pointer, Revision revision, Signature signature, String content,
      String hash, String previous, OffsetDateTime at, JsonNode old, JsonNode now) {

    /** The entry described for people: 修改记录 3（李明，2026-11-20 20:15，/chiefComplaint）. */
    Message describe() {
      if (revision != null) {
        String when = MINUTE.format(revision.at());
        return Message.of("修改记录 " + pointer + "（第" + revision.seq() + "条，"
            + revision.actor().name() + "，" + when + "，" + revision.path().wire() + "）",
            "revision " + pointer + " (seq " + revision.seq() + ", " + revision.actor().name()
                + ", " + when + ", " + revision.path().wire() + ")");
      }
      String when = MINUTE.format(signature.at());
      return Message.of("签名 " + pointer + "（" + signature.id() + "，" + signature.signer().name()
          + "，" + when + "）", "signature " + pointer + " (" + signature.id() + ", "
          + signature.signer().name() + ", " + when + ")");
    }
  }

  /**
   * A chain entry's canonical content, its SHA-256 and, for a revision, its old and new values
   * as trees, worked out once per entry: entries are immutable values, a record keeps its old
   * ones when it gets new ones, and every validation audits the whole chain (an edit session's
   * save re-hashed hundreds of entries; parsing the creation's values back was a fifth of a
   * validation of the 入院记录). Keyed by the entry's value, so an entry changed in any part is a
   * new key and worked out again; kept while the entry is. The trees are shared and never
   * changed: the replay copies what it keeps ({@link ValueTrees#strip}, {@link
   * ValueTrees#stripAt}).
   */
  private record Checked(String content, String hash, JsonNode old, JsonNode now) {
    static Checked of(String content, JsonNode old, JsonNode now) {
      return new Checked(content, Entries.sha256(content), old, now);
    }
  }

  private static final Map<Object, Checked> CHECKED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Links() {}

  /** The entries in chain order, as far as they link from the first; adds what is wrong. */
  static List<Link> order(Record r, List<AuditFinding> out) {
    List<Link> all = new ArrayList<>();
    for (int i = 0; i < r.revisions().size(); i++) {
      Revision v = r.revisions().get(i);
      Checked checked = CHECKED.get(v);
      try {
        if (checked == null) {
          JsonNode old = Entries.json(v.oldValue());
          JsonNode now = Entries.json(v.newValue());
          checked = Checked.of(Entries.revision(v, old, now), old, now);
          CHECKED.put(v, checked);
        }
      } catch (IllegalArgumentException e) {
        out.add(new AuditFinding("chain", "/revisions/" + i, Message.of(
            "修改记录 /revisions/" + i + " 的新旧值不是 JSON：写入后被改动",
            "revision /revisions/" + i + " holds an old or new value that is not JSON: it was"
                + " changed after it was written")));
        continue;
      }
      all.add(link("/revisions/" + i, v, null, checked, v.hash(), v.previousHash(), v.at(),
          checked.old(), checked.now(), out));
    }
    for (int i = 0; i < r.signatures().size(); i++) {
      Signature s = r.signatures().get(i);
      Checked checked = CHECKED.get(s);
      if (checked == null) {
        checked = Checked.of(Entries.signature(s), null, null);
        CHECKED.put(s, checked);
      }
      all.add(link("/signatures/" + i, null, s, checked, s.hash(), s.previousHash(), s.at(),
          null, null, out));
    }
    return follow(all, out);
  }

  private static Link link(String pointer, Revision v, Signature s, Checked checked,
      String stored, String previous, OffsetDateTime at, JsonNode old, JsonNode now,
      List<AuditFinding> out) {
    String computed = checked.hash();
    Link l = new Link(pointer, v, s, checked.content(), stored == null ? computed : stored,
        previous, at, old, now);
    if (stored == null) {
      Message d = l.describe();
      out.add(new AuditFinding("chain", pointer, Message.of(d.zh() + "没有哈希，未链入修改痕迹",
          d.en() + " has no hash: it is not part of the chain")));
    } else if (!stored.equals(computed)) {
      Message d = l.describe();
      out.add(new AuditFinding("chain", pointer, Message.of(d.zh() + "的内容与其哈希不符：写入后被改动",
          d.en() + " does not match its hash: it was changed after it was written")));
    }
    return l;
  }

  /** Follows the links from the first entry; adds the starts, forks and strays found. */
  private static List<Link> follow(List<Link> all, List<AuditFinding> out) {
    List<Link> chain = new ArrayList<>();
    if (all.isEmpty()) {
      return chain;
    }
    Map<String, List<Link>> next = new HashMap<>();
    Link start = null;
    for (Link l : all) {
      if (l.previous() == null) {
        if (start == null || l.revision() != null && start.revision() == null) {
          start = l;
        }
      } else {
        next.computeIfAbsent(l.previous(), k -> new ArrayList<>()).add(l);
      }
    }
    if (start == null) {
      out.add(new AuditFinding("chain", "", Message.of("修改痕迹没有起点：最早的记录已被删除",
          "the trace has no first entry: the earliest entries were removed")));
    }
    Set<Link> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Link at = start; at != null && seen.add(at); ) {
      chain.add(at);
      List<Link> after = next.getOrDefault(at.hash(), List.of());
      if (after.size() > 1) {
        out.add(new AuditFinding("chain", after.get(1).pointer(), Message.of(
            after.get(1).describe().zh() + "与" + after.get(0).describe().zh() + "接在同一条记录之后："
                + "修改痕迹被分叉", after.get(1).describe().en() + " and " + after.get(0).describe().en()
                + " both follow the same entry: the trace was forked")));
      }
      at = after.isEmpty() ? null : after.get(0);
    }
    Set<String> hashes = null; // needed only for an entry off the chain
    for (Link l : all) {
      if (!seen.contains(l)) {
        if (hashes == null) {
          hashes = new java.util.HashSet<>();
          for (Link x : all) {
            hashes.add(x.hash());
          }
        }
        Message d = l.describe();
        out.add(new AuditFinding("chain", l.pointer(), hashes.contains(l.previous())
            ? Message.of(d.zh() + "在修改痕迹的分叉上，不在主链中", d.en() + " lies on a side"
                + " branch of the trace, not on the chain")
            : l.previous() == null
            ? Message.of(d.zh() + "另起了一条修改痕迹", d.en() + " starts a second chain")
            : Message.of(d.zh() + "接在一条不存在的记录之后：它之前的记录被删除或改动",
                d.en() + " follows an entry that is not there: an entry before it was removed or"
                    + " changed")));
      }
    }
    return chain;
  }
}
