package org.emrkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Actor;
import org.emrkit.record.Revision;
import org.emrkit.record.Role;
import org.emrkit.record.TracePath;
import org.junit.jupiter.api.Test;

/**
 * Who wrote a value, read from a hand-built trace: rows of a table inside a repeat group's
 * entries are followed when the entries move, as rows of a table at the top are.
 */
class WritersTest {

  static final Actor A = new Actor("a", "甲", Role.NURSE);
  static final Actor B = new Actor("b", "乙", Role.NURSE);
  static final Actor C = new Actor("c", "丙", Role.NURSE);
  static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");

  private final List<Revision> trace = new ArrayList<>();

  private Revision rev(Actor who, TracePath p, String old, String now) {
    Revision r = new Revision(trace.size() + 1, who, AT.plusMinutes(trace.size()), p, old, now,
        null, 1, null, null);
    trace.add(r);
    return r;
  }

  private Revision value(Actor who, String pointer, String old, String now) {
    return rev(who, new TracePath.OfValue(pointer), old, now);
  }

  /**
   * 甲 writes two entries, the second with a table row; 乙 adds a row to that table; 甲 takes
   * out the first entry (the second is entry 0 now); 丙 puts a row in first. 甲's row is row 1
   * of entry 0 now, 乙's row 2.
   */
  @Test
  void rowsOfATableInsideAnEntryMoveWithTheEntry() {
    rev(A, TracePath.RECORD, null,
        "{\"values\":{\"g\":[{\"x\":\"a\"},{\"x\":\"b\",\"t\":[{\"v\":\"p\"}]}]}}");
    value(B, "/g/1/t/1", null, "{\"v\":\"q\"}");
    value(A, "/g/0", "{\"x\":\"a\"}", null);
    value(C, "/g/0/t/0", null, "{\"v\":\"r\"}");
    Revision own = value(A, "/g/0/t/1/v", "\"p\"", "\"p2\"");
    Revision others = value(C, "/g/0/t/2/v", "\"q\"", "\"q2\"");
    Writers w = new Writers(trace);
    assertThat(w.anothers(own, "/g/0/t/1/v")).as("甲's own row").isFalse();
    assertThat(w.anothers(others, "/g/0/t/2/v")).as("乙's row, changed by 丙").isTrue();
  }

  /** The same at the top level, which was right before. */
  @Test
  void rowsOfATableAtTheTopMove() {
    rev(A, TracePath.RECORD, null, "{\"values\":{\"t\":[{\"v\":\"p\"}]}}");
    value(B, "/t/1", null, "{\"v\":\"q\"}");
    value(C, "/t/0", null, "{\"v\":\"r\"}");
    Revision own = value(A, "/t/1/v", "\"p\"", "\"p2\"");
    Revision others = value(C, "/t/2/v", "\"q\"", "\"q2\"");
    Writers w = new Writers(trace);
    assertThat(w.anothers(own, "/t/1/v")).isFalse();
    assertThat(w.anothers(others, "/t/2/v")).isTrue();
  }

  /** Choices of a multiple choice put in another order are a write, not rows moved. */
  @Test
  void aMultipleChoiceReorderedIsItsWritersValue() {
    rev(A, TracePath.RECORD, null, "{\"values\":{\"m\":[\"甲\",\"乙\"]}}");
    value(B, "/m", "[\"甲\",\"乙\"]", "[\"乙\",\"甲\"]");
    Revision byA = value(A, "/m", "[\"乙\",\"甲\"]", "[\"乙\"]");
    assertThat(new Writers(trace).anothers(byA, "/m")).as("乙 wrote it last").isTrue();
  }
}
