package org.emrkit.examples;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.render.PrintMode;
import org.emrkit.render.PrintOutcome;
import org.emrkit.render.PrintRequest;
import org.emrkit.render.RenderOptions;
import org.emrkit.render.pdf.PdfRenderer;
import org.emrkit.template.Template;

/**
 * 续打 in the demo: the bundled 一般护理记录单 as a ward keeps it. The nurse signs the two
 * afternoon rows and prints the sheet at 16:00; six rows are written and signed overnight and
 * the continuation printed onto the same sheet the next morning; both prints are logged in the
 * record. Writes {@code
 * pdf/nursing-record.print-1.pdf}, {@code .print-2-continued.pdf} (only the new rows on the
 * sheet already printed, then new pages) and {@code .as-printed.pdf} (the sheets as they stand);
 * returns the record, which the demo then checks and renders like the others.
 */
final class PrintDemo {

  static final String FILE = "nursing-record.printed.json";

  private PrintDemo() {}

  static String run(Path dir, List<Template> templates, AnchorLog anchors) {
    Template t = templates.stream().filter(x -> x.id().equals("nursing-record")).findFirst()
        .orElseThrow();
    Record bundled = RecordJson.create().read(Demo.resource("/records/nursing-record.json"), t)
        .orElseThrow();
    Record r = new Record("R-2-continued", bundled.template(), null, RecordStatus.DRAFT,
        bundled.context(), bundled.values(), null, List.of(), List.of(), "{}");
    Actor nurse = Editor.STAFF.get(Role.NURSE);
    r = session(t, r, nurse, "2026-11-20T14:05:00+08:00", anchors, s -> {
      expect(s.sign("/nursingRows/0"));
      expect(s.sign("/nursingRows/1"));
    });
    r = print(dir, t, r, nurse, "2026-11-20T16:00:00+08:00", PrintMode.ALL, "print-1", anchors);
    r = session(t, r, nurse, "2026-11-21T08:00:00+08:00", anchors, s -> {
      for (int i = 0; i < 6; i++) {
        String note = i == 3 ? "患者夜间诉胸闷，予吸氧 2L/min，心电监护示窦性心律，通知值班医师，遵医嘱予"
            + "硝酸甘油 0.5mg 舌下含服，15 分钟后缓解。" : "患者安静入睡，无不适主诉。";
        expect(s.addEntry("/nursingRows", Values.of(Map.of("at", new Value.DateTime(
            OffsetDateTime.parse("2026-11-20T18:00:00+08:00").plusHours(2L * i)), "t",
            new Value.Num(new BigDecimal("36." + (5 + i % 3))), "p", new Value.Num(
                BigDecimal.valueOf(72 + i)), "r", new Value.Num(BigDecimal.valueOf(18)), "bp",
            new Value.Str((126 + i) + "/80"), "consciousness", new Value.Str("清醒"),
            "observation", new Value.Str(note)))));
        expect(s.sign("/nursingRows/" + (2 + i)));
      }
    });
    r = print(dir, t, r, nurse, "2026-11-21T08:10:00+08:00", PrintMode.CONTINUE,
        "print-2-continued", anchors);
    ByteArrayOutputStream paper = new ByteArrayOutputStream();
    renderer("2026-11-21T08:10:00+08:00").renderAsPrinted(t, r, paper);
    write(dir.resolve("pdf").resolve("nursing-record.as-printed.pdf"), paper.toByteArray());
    return RecordJson.create().write(r);
  }

  private static Record print(Path dir, Template t, Record r, Actor nurse, String at,
      PrintMode mode, String name, AnchorLog anchors) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PrintOutcome o = renderer(at).print(t, r, PrintRequest.of(mode, nurse)
        .printer("心内科护士站 HP LaserJet"), pdf);
    write(dir.resolve("pdf").resolve("nursing-record." + name + ".pdf"), pdf.toByteArray());
    return session(t, r, nurse, at, anchors, s -> expect(s.recordPrint(o.entry())));
  }

  private static PdfRenderer renderer(String at) {
    return PdfRenderer.builder().options(RenderOptions.builder().clock(clock(at)).build())
        .build();
  }

  private static Record session(Template t, Record r, Actor a, String at, AnchorLog anchors,
      java.util.function.Consumer<EditSession> edits) {
    EditSession s = EditSession.builder(t, r, a).clock(clock(at))
        .signingService(DemoKeys.signing()).anchors(anchors).open();
    edits.accept(s);
    return s.commit();
  }

  private static Clock clock(String at) {
    OffsetDateTime t = OffsetDateTime.parse(at);
    return Clock.fixed(t.toInstant(), t.getOffset());
  }

  private static void expect(EditResult r) {
    if (!r.isApplied()) {
      throw new IllegalStateException("the demo's ward was refused: " + r.refusal());
    }
  }

  private static void write(Path f, byte[] bytes) {
    try {
      Files.createDirectories(f.getParent());
      Files.write(f, bytes);
    } catch (java.io.IOException e) {
      throw new UsageException("cannot write " + f + ": " + e.getMessage());
    }
  }
}
