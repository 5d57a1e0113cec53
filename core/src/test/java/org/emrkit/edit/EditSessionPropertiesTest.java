package org.emrkit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.emrkit.json.ReadResult;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Coding;
import org.emrkit.record.Record;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;
import org.emrkit.testing.RandomText;
import org.emrkit.testing.Seeds;
import org.emrkit.testing.TestClock;
import org.junit.jupiter.api.Test;

/** Properties of edit sessions over seeded random edit sequences (see {@link Seeds}). */
class EditSessionPropertiesTest {

  static final Template T = EditSessionTest.ADMISSION;
  static final String START = "2026-11-20T20:00:00+08:00";
  static final List<String> TEXT_FIELDS = List.of("/chiefComplaint", "/hpi", "/pastIllness",
      "/familyHistory", "/auxiliaryExam", "/general");

  /** One edit, replayable on another session. */
  record Op(String kind, String path, String text, int a, int b) {
    EditResult apply(EditSession s) {
      String reason = "更正";
      return switch (kind) {
        case "set" -> s.set(path, new Value.Str(text), reason);
        case "clear" -> s.clear(path, reason);
        case "pulse" -> s.set("/pulse", new Value.Num(BigDecimal.valueOf(a)), reason);
        case "add" -> s.addEntry("/diagnoses", a, Values.of(Map.of("diagnosis", new Value.Coded(
            new Coding("I10.x0" + (a % 10), text, "ICD-10")))), reason);
        case "remove" -> s.removeEntry("/diagnoses/" + a, reason);
        case "move" -> s.moveEntry("/diagnoses", a, b, reason);
        case "sign" -> s.sign(path);
        default -> throw new IllegalStateException(kind);
      };
    }
  }

  static Op randomOp(SplittableRandom r) {
    int k = r.nextInt(10);
    String field = TEXT_FIELDS.get(r.nextInt(TEXT_FIELDS.size()));
    return switch (k) {
      case 0, 1, 2 -> new Op("set", field, RandomText.line(r, 30), 0, 0);
      case 3 -> new Op("clear", field, null, 0, 0);
      case 4 -> new Op("pulse", null, null, 40 + r.nextInt(100), 0);
      case 5 -> new Op("add", null, RandomText.word(r, 8), r.nextInt(4), 0);
      case 6 -> new Op("remove", null, null, r.nextInt(3), 0);
      case 7 -> new Op("move", null, null, r.nextInt(3), r.nextInt(3));
      default -> new Op("sign", List.of("", "section:hpi", "section:chief-complaint",
          "/diagnoses/0").get(r.nextInt(4)), null, 0, 0);
    };
  }

  /** An op and the clock time it ran at. */
  record Timed(Op op, Duration offset) {}

  static Record replay(Record base, List<Timed> done) {
    TestClock clock = new TestClock(START);
    EditSession s = EditSessionTest.session(T, base, EditSessionTest.RESIDENT, clock);
    Duration at = Duration.ZERO;
    for (Timed t : done) {
      clock.advance(t.offset().minus(at));
      at = t.offset();
      assertThat(t.op().apply(s).isApplied()).as("replaying %s", t.op()).isTrue();
    }
    return s.record();
  }

  @Test
  void undoAndRedoMatchAReplayOfTheEditsInEffect() {
    Seeds.check("undo/redo vs replay", 14, r -> {
      Record base = EditSessionTest.draft();
      TestClock clock = new TestClock(START);
      EditSession s = EditSessionTest.session(T, base, EditSessionTest.RESIDENT, clock);
      Deque<Timed> done = new ArrayDeque<>();
      Deque<Timed> undone = new ArrayDeque<>();
      Duration at = Duration.ZERO;
      int steps = 20 + r.nextInt(40);
      for (int i = 0; i < steps; i++) {
        Duration tick = Duration.ofSeconds(r.nextInt(3) * 30L);
        clock.advance(tick);
        at = at.plus(tick);
        int choice = r.nextInt(10);
        if (choice < 2) {
          assertThat(s.undo()).isEqualTo(!done.isEmpty());
          if (!done.isEmpty()) {
            undone.push(done.pop());
          }
        } else if (choice < 3) {
          assertThat(s.redo()).isEqualTo(!undone.isEmpty());
          if (!undone.isEmpty()) {
            done.push(undone.pop());
          }
        } else {
          Op op = randomOp(r);
          Record before = s.record();
          String beforeJson = RecordJson.create().write(before);
          EditResult res = op.apply(s);
          if (!res.isApplied()) {
            assertThat(RecordJson.create().write(s.record())).isEqualTo(beforeJson);
          } else if (s.record() != before) {
            done.push(new Timed(op, at));
            undone.clear();
          }
        }
        List<Timed> inEffect = new ArrayList<>(done);
        java.util.Collections.reverse(inEffect);
        assertThat(s.record()).as("after step %d", i).isEqualTo(replay(base, inEffect));
        assertThat(RecordAudit.audit(T, s.record()).intact()).isTrue();
        assertThat(s.canUndo()).isEqualTo(!done.isEmpty());
        assertThat(s.canRedo()).isEqualTo(!undone.isEmpty());
      }
    });
  }

  @Test
  void tamperingWithAnyByteOfTheTraceIsDetected() {
    TestClock clock = new TestClock(START);
    Record reviewed = EditSessionTest.lifecycleUpToReview(clock);
    clock.advance(Duration.ofHours(1));
    EditSession fix = EditSessionTest.session(T, reviewed, EditSessionTest.ATTENDING, clock);
    assertThat(fix.set("/chiefComplaint", new Value.Str("反复胸闷、胸痛3天"), "补充").isApplied())
        .isTrue();
    assertThat(fix.sign("").isApplied()).isTrue();
    Record stored = EditSessionTest.archive(fix.commit(), clock);
    RecordJson json = RecordJson.create();
    byte[] bytes = json.write(stored).getBytes(StandardCharsets.UTF_8);
    String text = new String(bytes, StandardCharsets.UTF_8);
    // every byte of the record but the host's own extensions: id, template, status, context,
    // values, completion time, signatures and revisions
    int to = text.indexOf("\"extensions\"");
    assertThat(to).isPositive();
    int start = 0;
    int end = text.substring(0, to).getBytes(StandardCharsets.UTF_8).length;
    int checked = 0;
    List<Integer> missed = new ArrayList<>();
    for (int i = start; i < end; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x01;
      ReadResult<Record> read = json.read(new String(copy, StandardCharsets.UTF_8), T);
      boolean detected = !read.isOk() || !RecordAudit.audit(T, read.orElseThrow()).intact();
      if (!detected) {
        missed.add(i);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(3000);
    assertThat(missed).as("undetected byte flips at %s", missed.stream().limit(5)
        .map(i -> "…" + new String(bytes, Math.max(0, i - 30), 40, StandardCharsets.UTF_8) + "…")
        .toList()).isEmpty();
    assertThat(RecordAudit.audit(T, json.read(text, T).orElseThrow()).intact()).isTrue();
  }

  @Test
  void sessionsOnTheSameRecordShareNoState() throws Exception {
    Seeds.check("concurrent sessions", 4, r -> {
      Record base = EditSessionTest.draft();
      String baseJson = RecordJson.create().write(base);
      List<List<Timed>> scripts = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        List<Timed> script = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          script.add(new Timed(randomOp(r), Duration.ofMinutes(i)));
        }
        scripts.add(script);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Object>>> results = new ArrayList<>();
        for (List<Timed> script : scripts) {
          Callable<List<Object>> run = () -> {
            TestClock clock = new TestClock(START);
            EditSession s = EditSessionTest.session(T, base, EditSessionTest.RESIDENT, clock);
            List<Timed> applied = new ArrayList<>();
            Duration at = Duration.ZERO;
            for (Timed t : script) {
              clock.advance(t.offset().minus(at));
              at = t.offset();
              Record before = s.record();
              if (t.op().apply(s).isApplied() && s.record() != before) {
                applied.add(t);
              }
            }
            return List.of(s.record(), applied);
          };
          results.add(pool.submit(run));
        }
        for (Future<List<Object>> f : results) {
          List<Object> out = f.get();
          @SuppressWarnings("unchecked")
          List<Timed> applied = (List<Timed>) out.get(1);
          assertThat(out.get(0)).isEqualTo(replay(base, applied));
        }
      } finally {
        pool.shutdown();
      }
      assertThat(RecordJson.create().write(base)).isEqualTo(baseJson);
    });
  }
}
