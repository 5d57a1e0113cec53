package org.emrkit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.emrkit.edit.Refusal;
import org.emrkit.json.JsonProblem;
import org.emrkit.validation.Finding;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void findingsJsonProblemsAndRefusalsAreProblemsWithPointers() {
    List<Problem> problems = List.of(
        new Finding("cn/x", Severity.WARNING, "/values/a", Message.of("甲", "a"), BigDecimal.ONE,
            false),
        new JsonProblem("/values/b", "json/type", Severity.ERROR, Message.of("乙", "b")),
        new Refusal("edit/rank", "/c", "丙", "c"));
    assertThat(problems).extracting(p -> p.location().describe())
        .containsExactly("/values/a", "/values/b", "/c");
    assertThat(problems).extracting(Problem::severity)
        .containsExactly(Severity.WARNING, Severity.ERROR, Severity.ERROR);
    assertThat(problems).extracting(p -> p.message().zh()).containsExactly("甲", "乙", "丙");
    assertThat(Problem.line(problems.get(2))).isEqualTo("/c: error edit/rank: 丙(c)");
  }

  @Test
  void locationsDescribeThemselvesForTheirReaders() {
    assertThat(new Location.Source("a.emr.md", 3, 7).describe()).isEqualTo("a.emr.md:3:7");
    assertThat(new Location.Pointer("").describe()).isEqualTo("/");
    assertThat(new Location.Place("f.docx", "table 2, row 3").describe())
        .isEqualTo("f.docx: table 2, row 3");
    assertThatThrownBy(() -> new Location.Source("a", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Problem.of("render/font", Severity.ERROR, Location.pointer("/values/name"),
        Message.of("缺字", "missing glyph")).toString())
        .isEqualTo("/values/name: error render/font: 缺字(missing glyph)");
  }
}
