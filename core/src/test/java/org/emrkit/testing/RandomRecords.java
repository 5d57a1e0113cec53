package org.emrkit.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Organization;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Revision;
import org.emrkit.record.Role;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.Signer;
import org.emrkit.record.TemplateRef;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.Template;

/** Random records of a template for property tests: every stored field type, lists, context, trace. */
public final class RandomRecords {

  private RandomRecords() {}

  /** A random record filled from {@code template}. */
  public static Record record(SplittableRandom r, Template template) {
    Values values = values(r, template.scope(), 0);
    List<Signature> sigs = new ArrayList<>();
    int nSigs = r.nextInt(3);
    for (int i = 0; i < nSigs; i++) {
      sigs.add(new Signature("sig-" + i, actor(r), dateTime(r),
          i == 0 ? SignatureScope.RECORD : SignatureScope.parse("/f1"), hex(r),
          r.nextBoolean() ? null : "/f" + (1 + r.nextInt(9)), r.nextBoolean(),
          i == 0 ? null : hex(r), r.nextBoolean() ? hex(r) : null,
          r.nextBoolean() ? null : org.emrkit.record.Proof.of("cms", bytes(r))));
    }
    List<Revision> revs = new ArrayList<>();
    int nRevs = r.nextInt(3);
    for (int i = 0; i < nRevs; i++) {
      revs.add(new Revision(i + 1, actor(r), dateTime(r),
          r.nextInt(5) == 0 ? TracePath.STATUS : r.nextInt(5) == 0
              ? new TracePath.OfSuperseded("sig-" + r.nextInt(3))
              : new TracePath.OfValue("/f" + (1 + r.nextInt(9))),
          r.nextBoolean() ? null : "\"旧值\"", r.nextBoolean() ? null : "{\"code\":\"I10\",\"n\":36.80}",
          r.nextBoolean() ? null : "笔误更正", 1 + r.nextInt(4), i == 0 ? null : hex(r), hex(r)));
    }
    return new Record("REC-" + r.nextInt(100_000), TemplateRef.of(template),
        r.nextInt(4) == 0 ? template : null,
        RecordStatus.values()[r.nextInt(3)], context(r), values,
        r.nextBoolean() ? dateTime(r) : null, sigs, revs,
        r.nextBoolean() ? "{}" : "{\"his\":{\"visit\":\"V-" + r.nextInt(99) + "\",\"score\":1.50}}");
  }

  private static byte[] bytes(SplittableRandom r) {
    byte[] b = new byte[1 + r.nextInt(40)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  /** Random values for one scope. */
  public static Values values(SplittableRandom r, FieldScope scope, int depth) {
    Map<String, Value> out = new TreeMap<>();
    for (Field f : scope.fields().values()) {
      if (!f.type().isStored() || r.nextInt(4) == 0) {
        continue;
      }
      out.put(f.name(), value(r, f));
    }
    for (FieldScope g : scope.groups().values()) {
      if (depth > 3 || r.nextInt(3) == 0) {
        continue;
      }
      List<Values> rows = new ArrayList<>();
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        rows.add(values(r, g, depth + 1));
      }
      out.put(g.id(), new Value.Rows(rows));
    }
    return Values.of(out);
  }

  /** A random value of the field's type. */
  public static Value value(SplittableRandom r, Field f) {
    return switch (f.type()) {
      case TEXT, RICHTEXT, CHOICE -> new Value.Str(RandomText.line(r, 6));
      case INTEGER -> new Value.Num(BigDecimal.valueOf(r.nextInt(-50, 300)));
      case DECIMAL -> new Value.Num(new BigDecimal(r.nextInt(0, 5000) + "." + r.nextInt(0, 100)));
      case BOOLEAN -> new Value.Bool(r.nextBoolean());
      case DATE -> new Value.Date(LocalDate.of(1950 + r.nextInt(80), 1 + r.nextInt(12),
          1 + r.nextInt(28)));
      case DATETIME -> new Value.DateTime(dateTime(r));
      case TIME -> new Value.Time(LocalTime.of(r.nextInt(24), r.nextInt(60),
          r.nextInt(4) == 0 ? r.nextInt(60) : 0));
      case MULTICHOICE -> new Value.Choices(r.nextBoolean() ? List.of()
          : List.of(RandomText.plain(r), RandomText.word(r, 2)));
      case CODED -> new Value.Coded(new Coding("I20." + r.nextInt(1000),
          r.nextBoolean() ? null : RandomText.word(r, 3), r.nextBoolean() ? null : "ICD-10"));
      case SIGNATURE -> new Value.Signed(new Signer(actor(r), dateTime(r)));
      default -> throw new IllegalStateException("not stored: " + f.type());
    };
  }

  /** A random context. */
  public static Context context(SplittableRandom r) {
    Map<String, OffsetDateTime> events = new HashMap<>();
    if (r.nextBoolean()) {
      events.put("dischargedAt", dateTime(r));
    }
    if (r.nextBoolean()) {
      events.put("surgeryEndedAt", dateTime(r));
    }
    return new Context(
        new Patient("张三" + RandomText.plain(r), String.valueOf("0129".charAt(r.nextInt(4))),
            r.nextBoolean() ? null : LocalDate.of(1958, 3, 2), "ZY" + r.nextInt(1_000_000),
            null, r.nextBoolean() ? null : "110101195803021234", null,
            r.nextBoolean() ? null : "北京市东城区"),
        new Encounter(r.nextBoolean() ? null : "E-1", "心血管内科", "3病区", "12",
            r.nextBoolean() ? dateTime(r) : null, r.nextBoolean() ? null : "serious", events),
        new Organization(null, "示例市人民医院"), r.nextBoolean() ? null : actor(r));
  }

  static Actor actor(SplittableRandom r) {
    Role role = Role.values()[r.nextInt(Role.values().length)];
    return new Actor("u-" + r.nextInt(10_000), "李明" + r.nextInt(10), role);
  }

  static OffsetDateTime dateTime(SplittableRandom r) {
    return OffsetDateTime.of(2020 + r.nextInt(7), 1 + r.nextInt(12), 1 + r.nextInt(28),
        r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(4) == 0 ? 500_000_000 : 0,
        r.nextBoolean() ? ZoneOffset.ofHours(8) : ZoneOffset.UTC);
  }

  static String hex(SplittableRandom r) {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return HexFormat.of().formatHex(b);
  }
}
