package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Proof;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file anchor log and the edit session's anchoring at commit. */
class AnchorLogTest {

  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T21:00:00+08:00");

  @Test
  void anchorsReadBackPerRecordInTheOrderWritten(@TempDir Path dir) {
    FileAnchorLog log = new FileAnchorLog(dir.resolve("a.jsonl"));
    assertThat(log.anchors("R-1")).as("no file yet").isEmpty();
    Anchor a = new Anchor("R-1", 3, "a".repeat(64), AT, null);
    Anchor b = new Anchor("R-2", 1, "b".repeat(64), AT, Proof.of("rfc3161", new byte[] {1, 2}));
    Anchor c = new Anchor("R-1", 5, "c".repeat(64), AT.plusHours(1), null);
    log.append(a);
    log.append(b);
    log.append(c);
    assertThat(log.anchors("R-1")).containsExactly(a, c);
    assertThat(log.anchors("R-2")).containsExactly(b);
    assertThat(new FileAnchorLog(log.file()).anchors("R-2")).as("another reader")
        .containsExactly(b);
  }

  @Test
  void aLineThatIsNotAnAnchorIsAnErrorNamingItNeverSkipped(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.jsonl");
    FileAnchorLog log = new FileAnchorLog(f);
    log.append(new Anchor("R-1", 3, "a".repeat(64), AT, null));
    Files.writeString(f, "{\"record\":\"R-1\",\"length\":2,\"head\":\"nothex\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> log.anchors("R-1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a.jsonl:2: not an anchor");
    // a line longer than the bound is refused without being read whole
    Files.writeString(f, "x".repeat(FileAnchorLog.MAX_LINE + 10));
    assertThatThrownBy(() -> log.anchors("R-1")).hasMessageContaining(
        "a.jsonl:1: line longer than " + FileAnchorLog.MAX_LINE);
  }

  @Test
  void eachCommitThatMovesTheHeadIsAnchored(@TempDir Path dir) {
    FileAnchorLog log = new FileAnchorLog(dir.resolve("a.jsonl"));
    TestClock clock = new TestClock("2026-11-20T21:00:00+08:00");
    EditSession s = EditSession.builder(EditSessionTest.ADMISSION, EditSessionTest.draft(),
        EditSessionTest.RESIDENT).clock(clock).anchors(log).open();
    s.set("/chiefComplaint", new Value.Str("胸闷2天"));
    Record first = s.commit();
    assertThat(s.commit()).as("nothing new").isSameAs(first);
    s.sign("");
    Record signed = s.commit();
    List<Anchor> anchors = log.anchors(signed.id());
    assertThat(anchors).extracting(Anchor::length).containsExactly(2, 4);
    assertThat(anchors.get(1).head()).isEqualTo(RecordAudit.head(signed).orElseThrow());
    assertThat(anchors.get(0).head()).isEqualTo(RecordAudit.head(first).orElseThrow());
  }

  @Test
  void aFailedAnchorLeavesTheSessionUncommittedWithItsEdits() {
    List<Anchor> kept = new ArrayList<>();
    boolean[] down = {true};
    AnchorLog flaky = new AnchorLog() {
      @Override
      public void append(Anchor anchor) {
        if (down[0]) {
          throw new UncheckedIOException(new java.io.IOException("anchor store unreachable"));
        }
        kept.add(anchor);
      }

      @Override
      public List<Anchor> anchors(String recordId) {
        return kept;
      }
    };
    EditSession s = EditSession.builder(EditSessionTest.ADMISSION, EditSessionTest.draft(),
        EditSessionTest.RESIDENT).clock(new TestClock("2026-11-20T21:00:00+08:00"))
        .anchors(flaky).open();
    s.set("/chiefComplaint", new Value.Str("胸闷2天"));
    Record edited = s.record();
    assertThatThrownBy(s::commit).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("unreachable");
    assertThat(s.isDirty()).isTrue();
    assertThat(s.record()).isSameAs(edited);
    assertThat(s.canUndo()).isTrue();
    down[0] = false;
    assertThat(s.commit()).isSameAs(edited);
    assertThat(kept).singleElement().satisfies(a -> assertThat(a.length()).isEqualTo(2));
  }
}
