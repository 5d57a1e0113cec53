package org.emrkit.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emrkit.edit.RecordAudit;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;

/**
 * What an insider who can rewrite the stored record and has read docs/integrity.md can do to its
 * chain, with the public description alone ({@link RecordAudit#entry}, {@link RecordAudit#hash}):
 * recompute every link and hash after a change, or append an entry no edit session would have
 * made. Holds no one's signing key: proofs are kept as they were (or dropped).
 */
public final class Insider {

  private Insider() {}

  /** One entry in the order an insider chains them: by time, revisions first at a tie. */
  private record Item(java.time.OffsetDateTime at, int kind, int index) {}

  /**
   * The record with its chain recomputed: entries ordered by time (revisions before signatures
   * at the same instant, then by position), each linked to the one before and hashed anew.
   */
  public static Record rechain(Record r) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < r.revisions().size(); i++) {
      items.add(new Item(r.revisions().get(i).at(), 0, i));
    }
    for (int i = 0; i < r.signatures().size(); i++) {
      items.add(new Item(r.signatures().get(i).at(), 1, i));
    }
    items.sort(Comparator.comparing((Item x) -> x.at().toInstant()).thenComparingInt(Item::kind)
        .thenComparingInt(Item::index));
    List<Revision> revisions = new ArrayList<>(r.revisions());
    List<Signature> signatures = new ArrayList<>(r.signatures());
    String head = null;
    for (Item it : items) {
      if (it.kind() == 0) {
        Revision v = linked(revisions.get(it.index()), head);
        revisions.set(it.index(), v);
        head = v.hash();
      } else {
        Signature s = linked(signatures.get(it.index()), head);
        signatures.set(it.index(), s);
        head = s.hash();
      }
    }
    return with(r, signatures, revisions);
  }

  /** The record with a revision appended after its chain's head, linked and hashed. */
  public static Record append(Record r, Revision draft) {
    List<Revision> revisions = new ArrayList<>(r.revisions());
    revisions.add(linked(draft, RecordAudit.head(r).orElse(null)));
    return with(r, r.signatures(), revisions);
  }

  /** The record with a signature appended after its chain's head, linked and hashed. */
  public static Record append(Record r, Signature draft) {
    List<Signature> signatures = new ArrayList<>(r.signatures());
    signatures.add(linked(draft, RecordAudit.head(r).orElse(null)));
    return with(r, signatures, r.revisions());
  }

  /** A revision linked after {@code head} and hashed as the description says. */
  public static Revision linked(Revision v, String head) {
    Revision unchained = new Revision(v.seq(), v.actor(), v.at(), v.path(), v.oldValue(),
        v.newValue(), v.reason(), v.level(), head, null);
    return new Revision(v.seq(), v.actor(), v.at(), v.path(), v.oldValue(), v.newValue(),
        v.reason(), v.level(), head, RecordAudit.hash(RecordAudit.entry(unchained)));
  }

  /** A signature linked after {@code head} and hashed as the description says. */
  public static Signature linked(Signature s, String head) {
    Signature unchained = new Signature(s.id(), s.signer(), s.at(), s.scope(), s.contentHash(),
        s.field(), s.superseded(), head, null, s.proof());
    return new Signature(s.id(), s.signer(), s.at(), s.scope(), s.contentHash(), s.field(),
        s.superseded(), head, RecordAudit.hash(RecordAudit.entry(unchained)), s.proof());
  }

  /** The record with other signatures and revisions. */
  public static Record with(Record r, List<Signature> signatures, List<Revision> revisions) {
    return new Record(r.id(), r.template(), r.embeddedTemplate(), r.status(), r.context(),
        r.values(), r.completedAt(), signatures, revisions, r.extensions());
  }
}
