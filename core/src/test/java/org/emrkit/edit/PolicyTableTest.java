package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emrkit.record.Actor;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Role;
import org.junit.jupiter.api.Test;

class PolicyTableTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-21T10:00:00+08:00");

  /**
   * The default policy as the project means it, written independently of the table file: for
   * each role, the actions allowed on its own record, per document kind and status. Letters:
   * W write, A amend, S sign, R review, X archive; "-" not allowed. Groups: medical draft,
   * signed, archived | nursing draft, signed, archived.
   */
  static final Map<Role, String> EXPECTED = Map.of(
      Role.INTERN,     "WAS-- WAS-- ----- | ----- ----- -----",
      Role.TRAINEE,    "WAS-- WAS-- ----- | ----- ----- -----",
      Role.RESIDENT,   "WAS-- WASR- ----- | ----- ----- -----",
      Role.ATTENDING,  "WAS-- WASR- ----- | ----- ----- -----",
      Role.CHIEF,      "WAS-- WASR- ----- | ----- ----- -----",
      Role.NURSE,      "----- ----- ----- | WAS-- WAS-- -----",
      Role.HEAD_NURSE, "----- ----- ----- | WASR- WASR- -----",
      Role.QC,         "----- ----X ----- | ----- ----X -----",
      Role.ADMIN,      "----- ----X ----- | ----- ----X -----");

  static final String LETTERS = "WASRX";

  static PermissionPolicy.Request request(Role role, EditAction action, String documentType,
      RecordStatus status, boolean own, OffsetDateTime since) {
    Actor actor = new Actor("u-1", "甲", role);
    Actor author = own ? actor : new Actor("u-2", "乙", Role.RESIDENT);
    return new PermissionPolicy.Request(actor, action, documentType, status, author,
        "/chiefComplaint", List.of("chief-complaint"), since, NOW);
  }

  @Test
  void everyRoleStatusAndActionOfTheDefaultPolicy() {
    PermissionPolicy policy = PermissionPolicy.defaults();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Role role : Role.values()) {
      String expected = EXPECTED.get(role).replace(" | ", " ");
      String[] groups = expected.split(" ");
      int g = 0;
      for (String doc : List.of("admission-record", "nursing-record")) {
        for (RecordStatus status : RecordStatus.values()) {
          String letters = groups[g++];
          for (EditAction action : EditAction.values()) {
            boolean want = letters.charAt(action.ordinal()) == LETTERS.charAt(action.ordinal());
            Optional<Refusal> got = policy.decide(request(role, action, doc, status, true, null));
            cells++;
            if (got.isEmpty() != want) {
              wrong.add(role.label() + " " + action.label() + " " + doc + " " + status.label()
                  + ": expected " + (want ? "allowed" : "refused") + ", was "
                  + got.map(Refusal::toString).orElse("allowed"));
            }
            got.ifPresent(r -> assertThat(r.code()).isEqualTo("edit/permission"));
          }
        }
      }
    }
    assertThat(cells).isEqualTo(Role.values().length * 3 * 5 * 2);
    assertThat(wrong).isEmpty();
  }

  @Test
  void whoseRecordItIs() {
    PermissionPolicy p = PermissionPolicy.defaults();
    // a senior may write in a junior's record, a peer or junior may not
    assertThat(p.decide(request(Role.ATTENDING, EditAction.WRITE, "admission-record",
        RecordStatus.DRAFT, false, null))).isEmpty();
    assertThat(p.decide(request(Role.RESIDENT, EditAction.WRITE, "admission-record",
        RecordStatus.DRAFT, false, null))).isPresent();
    assertThat(p.decide(request(Role.INTERN, EditAction.AMEND, "admission-record",
        RecordStatus.SIGNED, false, null))).isPresent();
    // only the author signs; others review
    assertThat(p.decide(request(Role.ATTENDING, EditAction.SIGN, "admission-record",
        RecordStatus.DRAFT, false, null))).isPresent();
    assertThat(p.decide(request(Role.ATTENDING, EditAction.REVIEW, "admission-record",
        RecordStatus.SIGNED, false, null))).isEmpty();
  }

  @Test
  void timeWindows() {
    PermissionPolicy p = PermissionPolicy.defaults();
    OffsetDateTime recent = NOW.minusHours(23);
    OffsetDateTime old = NOW.minusHours(25);
    assertThat(p.decide(request(Role.NURSE, EditAction.AMEND, "nursing-record",
        RecordStatus.DRAFT, true, recent))).isEmpty();
    Optional<Refusal> late = p.decide(request(Role.NURSE, EditAction.AMEND, "nursing-record",
        RecordStatus.DRAFT, true, old));
    assertThat(late).get().extracting(Refusal::code).isEqualTo("edit/time-window");
    assertThat(late.get().en()).contains("24 hours");
    assertThat(p.decide(request(Role.HEAD_NURSE, EditAction.AMEND, "nursing-record",
        RecordStatus.DRAFT, true, old))).isEmpty();
  }

  @Test
  void aHostTableCanLimitSectionsAndDocumentTypes() {
    PolicyTable t = PolicyTable.parse("host.tsv", """
        # attendings alone write the attending's opinion; residents everything else
        write  admission-record  draft  attending  any  chief-complaint,hpi  -
        write  admission-record  draft  resident   own  *                    -
        write  progress-note     *      chief      any  *                    7d
        """);
    assertThat(t.decide(request(Role.ATTENDING, EditAction.WRITE, "admission-record",
        RecordStatus.DRAFT, false, null))).isEmpty();
    PermissionPolicy.Request elsewhere = new PermissionPolicy.Request(
        new Actor("u-1", "甲", Role.ATTENDING), EditAction.WRITE, "admission-record",
        RecordStatus.DRAFT, new Actor("u-2", "乙", Role.RESIDENT), "/pulse",
        List.of("physical-exam"), null, NOW);
    assertThat(t.decide(elsewhere)).isPresent();
    assertThat(t.decide(request(Role.ATTENDING, EditAction.WRITE, "discharge-record",
        RecordStatus.DRAFT, false, null))).isPresent();
    assertThat(t.decide(request(Role.CHIEF, EditAction.WRITE, "progress-note",
        RecordStatus.ARCHIVED, false, null))).as("a host table may allow what it likes; the "
        + "session still refuses archived records").isEmpty();
    assertThat(t.rows()).hasSize(3);
  }

  @Test
  void badTablesNameTheLine() {
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "# c\nwrite medical draft nurse any *\n"))
        .hasMessageStartingWith("p.tsv:2: expected 7 columns");
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "\n\nwrite medical draft surgeon any * -"))
        .hasMessage("p.tsv:3: unknown role surgeon");
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "erase medical draft nurse any * -"))
        .hasMessage("p.tsv:1: unknown action erase");
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "write medical draft nurse mine * -"))
        .hasMessageContaining("whose must be");
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "write medical draft nurse any * 3w"))
        .hasMessageContaining("window must be");
    assertThatThrownBy(() -> PolicyTable.parse("p.tsv", "write medical closed nurse any * -"))
        .hasMessage("p.tsv:1: unknown status closed");
  }
}
