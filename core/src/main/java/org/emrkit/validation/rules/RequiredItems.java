package org.emrkit.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrkit.template.Block;
import org.emrkit.template.Cell;
import org.emrkit.template.Conditional;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Paragraph;
import org.emrkit.template.PerTemplate;
import org.emrkit.template.PerTemplate.Same;
import org.emrkit.template.RepeatGroup;
import org.emrkit.template.Section;
import org.emrkit.template.Table;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;
import org.emrkit.validation.FieldValue;
import org.emrkit.validation.RecordContext;

/**
 * The required items of each document type (病历书写基本规范 第十八条 ff.), found by data-element
 * id (on a section or a field), or, for items the WS 363/445 reference has no id for, by section
 * title or field label. Package-private.
 */
final class RequiredItems {

  /** One required item. */
  record Item(String zh, String en, List<String> dataElements, List<String> titles,
      boolean veto, boolean femaleOnly, String vetoGroup) {
    /** An item is found by its own name too (a section or run-in heading titled 现病史). */
    Item {
      if (!titles.contains(zh)) {
        List<String> all = new ArrayList<>(titles);
        all.add(zh);
        titles = List.copyOf(all);
      }
    }
  }

  private static Item de(String zh, String en, String... des) {
    return new Item(zh, en, List.of(des), List.of(), false, false, null);
  }

  private static Item titled(String zh, String en, String... titles) {
    return new Item(zh, en, List.of(), List.of(titles), false, false, null);
  }

  private static final List<Item> ADMISSION = List.of(
      de("主诉", "chief complaint", "DE04.01.119.00"),
      new Item("现病史", "history of present illness", List.of("DE02.10.071.00"), List.of(), true,
          false, null),
      de("既往史", "past history", "DE02.10.026.00"),
      de("个人史", "personal history", "DE02.10.097.00"),
      de("婚育史", "marital and childbearing history", "DE02.10.098.00"),
      new Item("月经史", "menstrual history", List.of("DE02.10.102.00"), List.of(), false, true,
          null),
      de("家族史", "family history", "DE02.10.103.00"),
      new Item("体温", "body temperature", List.of("DE04.10.186.00"), List.of(), false, false,
          "vitals"),
      new Item("脉率", "pulse rate", List.of("DE04.10.118.00"), List.of(), false, false, "vitals"),
      new Item("呼吸频率", "respiratory rate", List.of("DE04.10.082.00", "DE04.10.081.00"),
          List.of("呼吸", "呼吸频率"), false, false, "vitals"),
      new Item("收缩压", "systolic pressure", List.of("DE04.10.174.00"), List.of(), false, false,
          "vitals"),
      new Item("舒张压", "diastolic pressure", List.of("DE04.10.176.00"), List.of(), false, false,
          "vitals"),
      de("辅助检查", "auxiliary examinations", "DE04.30.009.00"),
      de("初步诊断", "initial diagnosis", "DE05.01.025.00", "DE05.01.024.00"));

  /** Items by document type. Types not listed here are not covered (see docs/rules.md). */
  // items several document types require, written once
  private static final Item CONDITION_ON_ADMISSION =
      de("入院情况", "condition on admission", "DE05.10.148.00");
  private static final Item COURSE_OF_TREATMENT =
      de("诊疗经过", "course of treatment", "DE06.00.296.00");
  private static final Item CONDITION_ON_DISCHARGE =
      de("出院情况", "condition on discharge", "DE06.00.193.00");
  private static final Item DISCHARGE_DIAGNOSIS = titled("出院诊断", "discharge diagnosis", "出院诊断");
  private static final Item DISCHARGE_ORDERS = de("出院医嘱", "discharge orders", "DE06.00.287.00");
  private static final Item PREOPERATIVE_DIAGNOSIS =
      titled("术前诊断", "preoperative diagnosis", "术前诊断");
  private static final Item CHIEF_COMPLAINT = de("主诉", "chief complaint", "DE04.01.119.00");
  private static final Item ADMISSION_DIAGNOSIS = titled("入院诊断", "admission diagnosis", "入院诊断");
  private static final Item CAUSE_OF_DEATH = titled("死亡原因", "cause of death", "死亡原因");
  private static final Item DIAGNOSIS_AT_DEATH = titled("死亡诊断", "diagnosis at death", "死亡诊断");

  static final Map<String, List<Item>> BY_TYPE = Map.ofEntries(
      Map.entry("admission-record", ADMISSION),
      Map.entry("readmission-record", ADMISSION),
      Map.entry("first-progress-note", List.of(
          de("病例特点", "case characteristics", "DE05.10.133.00"),
          de("诊断依据", "diagnostic basis", "DE05.01.070.00"),
          titled("鉴别诊断", "differential diagnosis", "鉴别诊断"),
          titled("诊疗计划", "treatment plan", "诊疗计划"))),
      Map.entry("discharge-record", List.of(
          CONDITION_ON_ADMISSION,
          COURSE_OF_TREATMENT,
          CONDITION_ON_DISCHARGE,
          DISCHARGE_DIAGNOSIS,
          DISCHARGE_ORDERS)),
      Map.entry("operation-record", List.of(
          de("手术名称", "operation name", "DE06.00.094.00"),
          new Item("手术日期时间", "operation date and time", List.of("DE06.00.095.00",
              "DE06.00.221.00"), List.of("手术日期", "手术日期时间", "手术时间"), false, false, null),
          PREOPERATIVE_DIAGNOSIS,
          titled("术中诊断", "intraoperative diagnosis", "术中诊断"),
          de("麻醉方式", "anaesthesia method", "DE06.00.073.00"),
          titled("手术经过", "operative procedure", "手术经过", "手术经过及处理"),
          // 病历书写基本规范 第二十五条(十五): 手术者及助手姓名
          titled("手术者", "surgeon", "手术者", "术者", "主刀", "主刀医师"),
          titled("助手", "assistant", "助手", "一助", "第一助手", "Ⅰ助"))),
      Map.entry("admission-discharge-24h", List.of(
          CHIEF_COMPLAINT,
          CONDITION_ON_ADMISSION,
          ADMISSION_DIAGNOSIS,
          COURSE_OF_TREATMENT,
          CONDITION_ON_DISCHARGE,
          DISCHARGE_DIAGNOSIS,
          DISCHARGE_ORDERS)),
      Map.entry("admission-death-24h", List.of(
          CHIEF_COMPLAINT,
          CONDITION_ON_ADMISSION,
          ADMISSION_DIAGNOSIS,
          COURSE_OF_TREATMENT,
          CAUSE_OF_DEATH,
          DIAGNOSIS_AT_DEATH)),
      Map.entry("death-record", List.of(
          CONDITION_ON_ADMISSION,
          COURSE_OF_TREATMENT,
          CAUSE_OF_DEATH,
          DIAGNOSIS_AT_DEATH)),
      Map.entry("rescue-record", List.of(
          titled("病情变化情况", "change of condition", "病情变化情况", "病情变化"),
          titled("抢救措施", "rescue measures", "抢救措施", "抢救经过"))),
      Map.entry("consultation-record", List.of(
          titled("会诊意见", "consultation opinion", "会诊意见"))),
      Map.entry("preoperative-summary", List.of(
          PREOPERATIVE_DIAGNOSIS,
          titled("手术指征", "indication", "手术指征"),
          de("拟施手术名称", "planned operation", "DE06.00.094.00"),
          titled("注意事项", "precautions", "注意事项"))));

  private RequiredItems() {}

  /** What a finding says it looked for: the data elements, then the titles and labels. */
  static String sought(Item item) {
    List<String> all = new ArrayList<>(item.dataElements());
    all.addAll(item.titles());
    return String.join("、", all);
  }

  /**
   * Whether the record's value for the item is present: some matching active field is filled.
   * Signatures, macros and calcs are not an item's content (a signature line at the end of a form
   * sits inside the last section but signs the whole record). {@code item} is one of
   * {@code items}, the items of the record's document type.
   */
  static boolean present(RecordContext context, List<Item> items, Item item) {
    long found = context.memo(RequiredItems.class, () -> found(context, items));
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        return (found & 1L << i) != 0;
      }
    }
    throw new IllegalArgumentException("not an item of the record's type: " + item.zh());
  }

  static {
    if (BY_TYPE.values().stream().anyMatch(items -> items.size() > 63)) {
      throw new IllegalStateException("a document type with more items than a long has bits");
    }
  }

  /**
   * Per template, which items of its document type each field stands for, a bit per item in the
   * order of {@link #BY_TYPE}'s list (mostly none). A field's items follow from where it stands
   * in the template - its data element, its label (from the text before it, its cell's headers,
   * its section) and its sections - the same for every row it is filled in, so they are worked
   * out the first time the field is met.
   */
  private static final PerTemplate<Map<Same<Field>, Long>> ITEMS_OF_FIELD =
      new PerTemplate<>(t -> new java.util.concurrent.ConcurrentHashMap<>());

  /** The items of {@code items} the record has filled content for, a bit each. */
  private static long found(RecordContext context, List<Item> items) {
    Map<Same<Field>, Long> known = ITEMS_OF_FIELD.get(context.template());
    long all = (1L << items.size()) - 1;
    long found = 0;
    for (FieldValue f : context.fields()) {
      Same<Field> field = new Same<>(f.field());
      Long bits = known.get(field);
      if (bits == null) {
        bits = itemsOf(f, items);
        known.putIfAbsent(field, bits);
      }
      // only a field that would find an item not found yet is looked at
      if ((bits & ~found) != 0 && f.active() && f.isFilled()) {
        found |= bits;
        if (found == all) {
          break;
        }
      }
    }
    return found;
  }

  /** The items a field's content stands for, a bit each; none for a signature, macro or calc. */
  private static long itemsOf(FieldValue f, List<Item> items) {
    FieldType t = f.field().type();
    if (t == FieldType.SIGNATURE || t == FieldType.MACRO || t == FieldType.CALC) {
      return 0;
    }
    java.util.Set<String> keys = keys(f);
    long bits = 0;
    for (int i = 0; i < items.size(); i++) {
      if (matches(items.get(i), keys)) {
        bits |= 1L << i;
      }
    }
    return bits;
  }

  /** What a field can stand for: its data element and label, its sections' ids and titles. */
  private static java.util.Set<String> keys(FieldValue f) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    addKeys(f, keys);
    return keys;
  }

  private static void addKeys(FieldValue f, java.util.Set<String> keys) {
    if (f.field().dataElement() != null) {
      keys.add(DataElements.root(f.field().dataElement()));
    }
    if (f.field().label() != null) {
      keys.add(f.field().label());
    }
    if (f.label() != null) {
      keys.add(f.label()); // the text before it (术前诊断：{{...}}), its cell's headers ...
    }
    for (Section s : f.sections()) {
      if (s.dataElement() != null) {
        keys.add(DataElements.root(s.dataElement()));
      }
      keys.add(s.title());
    }
  }

  /** The path where a missing item is reported: its first matching field, else the values. */
  static String path(RecordContext context, Item item) {
    for (FieldValue f : context.fields()) {
      if (matches(item, f)) {
        return f.path();
      }
    }
    return "/values";
  }

  /** Whether the item applies to this record (月经史: female patients only). */
  static boolean applies(RecordContext context, Item item) {
    return !item.femaleOnly() || "2".equals(context.record().context().patient().sex());
  }

  private static boolean matches(Item item, FieldValue f) {
    return matches(item, keys(f));
  }

  private static boolean matches(Item item, java.util.Set<String> keys) {
    return item.dataElements().stream().anyMatch(keys::contains)
        || item.titles().stream().anyMatch(keys::contains);
  }

  /** Whether the template has a place for the item (checked on the template alone). */
  static boolean hasPlace(Template template, Item item) {
    return place(template.blocks(), item, false);
  }

  private static boolean place(List<Block> blocks, Item item, boolean inside) {
    for (Block b : blocks) {
      if (b instanceof Section s) {
        boolean here = (s.dataElement() != null
            && item.dataElements().contains(DataElements.root(s.dataElement())))
            || item.titles().contains(s.title());
        if (place(s.children(), item, inside || here)) {
          return true;
        }
      } else if (b instanceof Paragraph p) {
        StringBuilder before = new StringBuilder();
        for (org.emrkit.template.Inline in : p.inlines()) {
          if (in instanceof org.emrkit.template.Text t) {
            before.append(t.text());
            continue;
          }
          String label = in instanceof Field ? org.emrkit.render.Labels.fromTextBefore(
              before.toString()) : null;
          if (in instanceof Field f && (inside || (f.dataElement() != null
              && item.dataElements().contains(DataElements.root(f.dataElement())))
              || (f.label() != null && item.titles().contains(f.label()))
              || (label != null && item.titles().contains(label)))) {
            return true;
          }
          before.setLength(0);
        }
      } else if (b instanceof Table t) {
        List<Block> content = new ArrayList<>();
        for (Cell c : t.cells()) {
          content.addAll(c.content());
        }
        if (place(content, item, inside)) {
          return true;
        }
      } else if (b instanceof RepeatGroup g && place(g.children(), item, inside)) {
        return true;
      } else if (b instanceof Conditional c && place(c.children(), item, inside)) {
        return true;
      }
    }
    return false;
  }
}
