package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emrkit.edit.EditSessionTest.ADMISSION;
import static org.emrkit.edit.EditSessionTest.ATTENDING;
import static org.emrkit.edit.EditSessionTest.NURSE;
import static org.emrkit.edit.EditSessionTest.RESIDENT;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.render.PrintEntry;
import org.emrkit.render.PrintLog;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintPosition;
import org.emrkit.testing.Insider;
import org.emrkit.testing.TestClock;
import org.emrkit.validation.Validator;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print log: prints traced as revisions of /@prints, read back, audited, tamper-evident. */
class PrintLogTest {

  private static PrintEntry print(org.emrkit.record.Actor who, String at, PrintMode mode,
      List<Integer> pages, List<Integer> sheets, PrintPosition from, PrintPosition end) {
    return new PrintEntry(0, who, OffsetDateTime.parse(at), mode, pages, sheets, from, end,
        "护士站 HP M403", mode == PrintMode.CONTINUE ? 0.5 : 0, mode == PrintMode.CONTINUE
            ? -1.25 : 0, mode == PrintMode.ALL ? "草稿" : null, false);
  }

  private static final PrintEntry FIRST = print(RESIDENT, "2026-11-20T22:00:00+08:00",
      PrintMode.ALL, List.of(1, 2), List.of(1, 2), null,
      new PrintPosition(2, 120.5, "/progressNotes/3"));

  private static Record printed(TestClock clock, AnchorLog anchors) {
    EditSession.Builder b = EditSession.builder(ADMISSION, EditSessionTest.draft(), RESIDENT)
        .clock(clock);
    EditSession s = (anchors == null ? b : b.anchors(anchors)).open();
    s.set("/chiefComplaint", new Value.Str("胸闷2天"));
    s.commit();
    clock.advance(java.time.Duration.ofHours(1));
    assertThat(s.recordPrint(FIRST).isApplied()).isTrue();
    s.commit();
    clock.advance(java.time.Duration.ofHours(1));
    PrintEntry next = print(RESIDENT, "2026-11-20T23:00:00+08:00", PrintMode.CONTINUE,
        List.of(2, 3), List.of(3), FIRST.end(), new PrintPosition(3, 40, "/progressNotes/5"));
    assertThat(s.recordPrint(next).isApplied()).isTrue();
    return s.commit();
  }

  @Test
  void printsAreTracedReadBackThroughJsonAndAudited() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record r = printed(clock, null);
    String json = RecordJson.create().write(r);
    assertThat(json).contains("\"path\": \"/@prints\"", "\"mode\": \"continue\"",
        "\"printer\": \"护士站 HP M403\"");
    Record back = RecordJson.create().read(json, ADMISSION).orElseThrow();
    List<PrintEntry> log = PrintLog.of(back).entries();
    assertThat(log).hasSize(2);
    assertThat(log.get(0).json()).isEqualTo(FIRST.json());
    assertThat(log.get(0).actor()).isEqualTo(RESIDENT);
    assertThat(log.get(0).at()).isEqualTo(FIRST.at());
    assertThat(log.get(1).from()).isEqualTo(FIRST.end());
    assertThat(log.get(1).offsetY()).isEqualTo(-1.25);
    assertThat(PrintLog.of(back).continuation()).contains(new PrintPosition(3, 40,
        "/progressNotes/5"));
    assertThat(PrintLog.of(back).sheet(2)).map(PrintEntry::seq).contains(log.get(0).seq());
    assertThat(PrintLog.of(back).sheet(3)).map(PrintEntry::seq).contains(log.get(1).seq());
    assertThat(PrintLog.of(back).sheet(4)).isEmpty();
    assertThat(RecordAudit.audit(ADMISSION, back).intact()).as("%s",
        RecordAudit.audit(ADMISSION, back).findings()).isTrue();
  }

  @Test
  void anArchivedRecordIsPrintedAndLoggedButNotChanged() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = EditSession.builder(ADMISSION, EditSessionTest.draft(), RESIDENT)
        .clock(clock).policy(PermissionPolicy.allowAll()).open();
    s.sign("");
    s.archive();
    s.commit();
    clock.advance(java.time.Duration.ofDays(1));
    assertThat(s.recordPrint(print(RESIDENT, "2026-11-21T21:00:00+08:00", PrintMode.ALL,
        List.of(1), List.of(1), null, new PrintPosition(1, 200, null))).isApplied()).isTrue();
    Record r = s.commit();
    assertThat(PrintLog.of(r).entries()).singleElement().extracting(PrintEntry::archived)
        .isEqualTo(true);
    assertThat(PrintLog.of(r).entries().get(0).stamp()).endsWith("已归档");
    assertThat(RecordAudit.audit(ADMISSION, r).intact()).isTrue();
    assertThat(Validator.builder().pack(org.emrkit.validation.rules.WritingStandardRules.pack())
        .clock(clock).build().validate(ADMISSION, r).withCode("cn/archived-change"))
        .as("a print is not a change after archiving").isEmpty();
    assertThat(s.set("/chiefComplaint", new Value.Str("改")).refusal().code())
        .isEqualTo("edit/archived");
  }

  @Test
  void aPrintIsLoggedByWhoPrintedItAndOnce() {
    EditSession s = EditSession.builder(ADMISSION, EditSessionTest.draft(), ATTENDING)
        .clock(new TestClock("2026-11-20T21:00:00+08:00")).open();
    assertThat(s.recordPrint(FIRST).refusal().code()).isEqualTo("edit/print-actor");
    PrintEntry logged = FIRST.logged(5, ATTENDING, FIRST.at());
    assertThat(s.recordPrint(logged).refusal().code()).isEqualTo("edit/print-logged");
    assertThat(s.record().revisions()).as("nothing changed").isEmpty();
  }

  @Test
  void aTamperedPrintEntryIsFound() {
    Record r = printed(new TestClock("2026-11-20T21:00:00+08:00"), null);
    String json = RecordJson.create().write(r);
    // moved the first print's end a page on: the next continuation would skip a page
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) org.emrkit.json.CanonicalJson.parse(json);
    for (com.fasterxml.jackson.databind.JsonNode v : tree.get("revisions")) {
      if (v.get("path").asText().equals("/@prints")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) v.get("new").get("end")).put("page", 3);
        break;
      }
    }
    String moved = org.emrkit.json.CanonicalJson.write(tree);
    Record tampered = RecordJson.create().read(moved, ADMISSION).orElseThrow();
    Audit audit = RecordAudit.audit(ADMISSION, tampered);
    assertThat(audit.intact()).isFalse();
    assertThat(audit.findings()).anyMatch(f -> f.pointer().startsWith("/revisions/"));
  }

  @Test
  void anInsiderWhoRechainsAnAlteredPrintIsFoundByTheAnchors(@TempDir Path dir) {
    FileAnchorLog anchors = new FileAnchorLog(dir.resolve("anchors.jsonl"));
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    Record r = printed(clock, anchors);
    // the insider knows the algorithm: rewrites who printed page 3 and rechains every hash
    List<Revision> revisions = new ArrayList<>(r.revisions());
    int last = revisions.size() - 1;
    Revision v = revisions.get(last);
    assertThat(v.path()).isEqualTo(TracePath.PRINTS);
    revisions.set(last, new Revision(v.seq(), NURSE, v.at(), v.path(), null, v.newValue(), null,
        NURSE.role().rank(), null, null));
    Record rewritten = Insider.rechain(Insider.with(r, r.signatures(), revisions));
    assertThat(RecordAudit.audit(ADMISSION, rewritten).intact()).as("self-consistent").isTrue();
    Validator v2 = Validator.builder().pack(IntegrityRules.pack(new IntegrityPolicy(null, anchors,
        false, false))).clock(clock).build();
    assertThat(v2.validate(ADMISSION, rewritten).findings())
        .anyMatch(f -> f.code().equals("integrity/anchor"));
    assertThat(v2.validate(ADMISSION, r).findings())
        .noneMatch(f -> f.code().equals("integrity/anchor"));
  }

  @Test
  void aPrintEntryThatDoesNotReadIsAFindingAndTheSchemaRefusesIt() {
    Record r = printed(new TestClock("2026-11-20T21:00:00+08:00"), null);
    Revision bad = new Revision(r.revisions().size() + 1, RESIDENT,
        OffsetDateTime.parse("2026-11-21T09:00:00+08:00"), TracePath.PRINTS, null,
        "{\"mode\":\"sideways\",\"pages\":[1],\"sheets\":[],\"end\":{\"page\":1,\"mm\":3}}",
        null, RESIDENT.role().rank(), null, null);
    Record appended = Insider.append(r, bad);
    assertThat(RecordAudit.audit(ADMISSION, appended).findings()).anyMatch(f ->
        f.message().en().contains("not a valid print entry"));
    String json = RecordJson.create().write(appended);
    assertThat(RecordJson.create().read(json, ADMISSION).errors()).anyMatch(p ->
        p.pointer().startsWith("/revisions/" + (r.revisions().size())));
  }

  @Test
  void aPrintDatedInTheFutureOrWithTooManyPagesIsRefused() {
    EditSession s = EditSession.builder(ADMISSION, EditSessionTest.draft(), RESIDENT)
        .clock(new TestClock("2026-11-20T21:00:00+08:00")).open();
    PrintEntry future = print(RESIDENT, "2026-11-21T21:00:00+08:00", PrintMode.ALL, List.of(1),
        List.of(1), null, new PrintPosition(1, 10, null));
    assertThat(s.recordPrint(future).refusal().code()).isEqualTo("edit/print-time");
    List<Integer> many = new ArrayList<>();
    for (int p = 1; p <= 10_001; p++) {
      many.add(p);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> print(RESIDENT,
        "2026-11-20T21:00:00+08:00", PrintMode.ALL, many, many, null,
        new PrintPosition(1, 10, null))).hasMessageContaining("at most 10000");
  }

  @Test
  void theContinuationIsWhereTheLatestPrintToTheEndEnded() {
    EditSession s = EditSession.builder(ADMISSION, EditSessionTest.draft(), RESIDENT)
        .clock(new TestClock("2026-11-20T21:00:00+08:00")).open();
    PrintPosition far = new PrintPosition(3, 100, "/progressNotes/9");
    PrintPosition near = new PrintPosition(2, 80, "/progressNotes/6");
    s.recordPrint(print(RESIDENT, "2026-11-20T20:00:00+08:00", PrintMode.ALL, List.of(1, 2, 3),
        List.of(1, 2, 3), null, far));
    // a reprint of page 1 ends above: it does not move the continuation
    s.recordPrint(print(RESIDENT, "2026-11-20T20:01:00+08:00", PrintMode.PAGES, List.of(1),
        List.of(1), null, new PrintPosition(1, 250, "/progressNotes/2")));
    assertThat(PrintLog.of(s.record()).continuation()).contains(far);
    // printed whole again after entries were removed: the record now ends higher
    s.recordPrint(print(RESIDENT, "2026-11-20T20:02:00+08:00", PrintMode.ALL, List.of(1, 2),
        List.of(1, 2), null, near));
    assertThat(PrintLog.of(s.record()).continuation()).contains(near);
  }

  @Test
  void aPrintIsLoggedAtItsOwnTimeSoTheLogSaysWhatItsStampSays() {
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = EditSession.builder(ADMISSION, EditSessionTest.draft(), RESIDENT)
        .clock(clock).open();
    s.set("/chiefComplaint", new Value.Str("胸闷2天"));
    // rendering took a while: the session's clock is past the print's time
    clock.advance(java.time.Duration.ofHours(1).plusSeconds(40));
    assertThat(s.recordPrint(FIRST).isApplied()).isTrue();
    assertThat(PrintLog.of(s.record()).entries().get(0).at()).isEqualTo(FIRST.at());
  }
}
