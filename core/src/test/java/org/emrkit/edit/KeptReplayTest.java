package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.template.Template;
import org.emrkit.testing.Corpus;
import org.emrkit.testing.Insider;
import org.junit.jupiter.api.Test;

/**
 * The replay of a verified chain is kept by the chain's last hash (and where the record lists
 * its entries) and given to later audits of the same chain: they must find exactly what a
 * replay of their own finds, whatever else of the record changed. (EditSessionTest's
 * valuesChangedInStorageAfterSigningAreFound checks values and flags changed around a kept
 * replay.)
 */
class KeptReplayTest {

  private static final Template T = Corpus.template("admission-record");

  private static Record reread(Record r) {
    return RecordJson.create().read(RecordJson.create().write(r), T).orElseThrow();
  }

  /**
   * The clean 入院记录 with its status change given another old value or reason (each when not
   * null), the chain recomputed as an insider would.
   */
  private static Record statusRewritten(String oldValue, String reason) {
    Record clean = Corpus.record("clean--admission-record.json", T);
    List<Revision> revisions = new ArrayList<>(clean.revisions());
    Revision v = revisions.get(1);
    revisions.set(1, new Revision(v.seq(), v.actor(), v.at(), v.path(),
        oldValue == null ? v.oldValue() : oldValue, v.newValue(),
        reason == null ? v.reason() : reason, v.level(), null, null));
    return Insider.rechain(Insider.with(clean, clean.signatures(), revisions));
  }

  @Test
  void theSameChainReadAgainIsAuditedAsTheFirstTime() {
    Record r = Corpus.record("clean--admission-record.json", T);
    Audit first = RecordAudit.audit(T, r);
    Audit again = RecordAudit.audit(T, reread(r)); // other objects, the same chain
    assertThat(first.intact()).isTrue();
    assertThat(again.findings()).isEqualTo(first.findings());
    assertThat(again.chain()).isEqualTo(first.chain());
    assertThat(again.status()).isEqualTo(first.status());
  }

  @Test
  void onlyChainsUpToTheBoundAreKept() {
    // a chain no other test audited: the status change given a reason of its own, rechained
    Record r = statusRewritten(null, "复核 " + System.nanoTime());
    List<AuditFinding> found = new ArrayList<>();
    List<Links.Link> chain = Links.order(r, found);
    assertThat(found).isEmpty();
    assertThat(chain).hasSize(3);
    Replay.of(T, chain, true, 2);
    assertThat(Replay.isKept(T, chain)).as("3 entries, at most 2 kept").isFalse();
    Replay.of(T, chain, false, 3);
    assertThat(Replay.isKept(T, chain)).as("not verified").isFalse();
    Replay.of(T, chain, true, 3);
    assertThat(Replay.isKept(T, chain)).isTrue();
    assertThat(Replay.KEPT_ENTRIES).isEqualTo(5_000);
  }

  @Test
  void aReplaysOwnFindingsAreGivenAgainAndPointWhereThisRecordListsTheEntry() {
    // an insider writes a wrong old value into the status change and rehashes the chain: the
    // chain verifies, the replay finds the old value (its own finding, kept with it)
    Record forged = statusRewritten("\"signed\"", null);
    Audit first = RecordAudit.audit(T, forged);
    assertThat(first.findings()).extracting(AuditFinding::pointer).contains("/revisions/1");
    assertThat(RecordAudit.audit(T, reread(forged)).findings()).isEqualTo(first.findings());
    // the same chain listed in the other order: the finding points at /revisions/0 now
    Record listedOtherwise = Insider.with(forged, forged.signatures(),
        List.of(forged.revisions().get(1), forged.revisions().get(0)));
    assertThat(RecordAudit.audit(T, listedOtherwise).findings())
        .extracting(AuditFinding::pointer).contains("/revisions/0")
        .doesNotContain("/revisions/1");
  }
}
