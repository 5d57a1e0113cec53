package org.emrkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.validation.Finding;
import org.emrkit.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * {@code field/pattern}: a value the pattern cannot be run on (Java's matcher recursed past the
 * stack on 6,000 digits for {@code (\d|-)+}) is named as too long to check, not a crash.
 */
class PatternRuleTest {

  private static final Field PHONE = Field.builder("phone", FieldType.TEXT).label("联系电话")
      .pattern("(\\d|-)+").maxLength(20).build();
  private static final Template T = Template.builder("p", "1.0.0", "格式")
      .section("联系", b -> b.line("联系电话：", PHONE)).build();
  private static final Validator V = Validator.builder().pack(FieldRules.pack()).build();

  private static List<String> patternFindings(String phone) throws InterruptedException {
    Record r = Record.draft("R-1", T, Context.EMPTY);
    Record filled = r.withValues(r.values().with("phone", new Value.Str(phone)));
    AtomicReference<Object> out = new AtomicReference<>();
    // a small stack, as a host's worker thread may have: the overflow is certain, not a matter
    // of the JVM's default
    Thread t = new Thread(null, () -> {
      try {
        out.set(V.validate(T, filled).findings());
      } catch (Throwable e) {
        out.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertThat(out.get()).isInstanceOf(List.class);
    @SuppressWarnings("unchecked")
    List<Finding> findings = (List<Finding>) out.get();
    return findings.stream().filter(f -> f.code().equals("field/pattern"))
        .map(f -> f.message().zh()).toList();
  }

  @Test
  void aValueThePatternCannotBeRunOnIsTooLongToCheck() throws InterruptedException {
    assertThat(patternFindings("0571-8888-6666")).isEmpty();
    assertThat(patternFindings("0571-8888-666六")).containsExactly("“联系电话”的写法不对");
    assertThat(patternFindings("1".repeat(9_000)))
        .containsExactly("“联系电话”过长(9000 字)，无法检查其写法");
    assertThat(patternFindings("1".repeat(10_001)))
        .containsExactly("“联系电话”过长(10001 字)，无法检查其写法");
  }
}
