package org.emrkit.json;

import static org.emrkit.record.ValueText.isAsciiDigits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Role;
import org.emrkit.record.Signer;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.FieldScope;

/**
 * Maps record values to and from JSON, typed by the template's {@link FieldScope}s
 * (package-private). Reading collects every problem with its pointer.
 */
final class ValueTree {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private ValueTree() {}

  // ---------------------------------------------------------------- writing

  static ObjectNode write(Values values) {
    ObjectNode o = Json.NODES.objectNode();
    values.asMap().forEach((name, v) -> o.set(name, write(v)));
    return o;
  }

  static JsonNode write(Value v) {
    if (v instanceof Value.Str s) {
      return Json.NODES.textNode(s.value());
    } else if (v instanceof Value.Num n) {
      return Json.NODES.numberNode(n.value());
    } else if (v instanceof Value.Bool b) {
      return Json.NODES.booleanNode(b.value());
    } else if (v instanceof Value.Date d) {
      return Json.NODES.textNode(d.value().toString());
    } else if (v instanceof Value.DateTime d) {
      return Json.NODES.textNode(dateTime(d.value()));
    } else if (v instanceof Value.Time t) {
      LocalTime time = t.value();
      boolean whole = time.getSecond() == 0 && time.getNano() == 0;
      return Json.NODES.textNode(whole ? HH_MM.format(time)
          : DateTimeFormatter.ISO_LOCAL_TIME.format(time));
    } else if (v instanceof Value.Choices c) {
      ArrayNode a = Json.NODES.arrayNode();
      c.values().forEach(a::add);
      return a;
    } else if (v instanceof Value.Coded c) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("code", c.coding().code());
      if (c.coding().display() != null) {
        o.put("display", c.coding().display());
      }
      if (c.coding().system() != null) {
        o.put("system", c.coding().system());
      }
      if (c.coding().version() != null) {
        o.put("version", c.coding().version());
      }
      return o;
    } else if (v instanceof Value.Signed s) {
      ObjectNode o = actor(s.signer().actor());
      o.put("at", dateTime(s.signer().at()));
      return o;
    } else if (v instanceof Value.Rows rows) {
      ArrayNode a = Json.NODES.arrayNode();
      rows.rows().forEach(r -> a.add(write(r)));
      return a;
    }
    throw new IllegalStateException("unknown value kind " + v.kind());
  }

  static ObjectNode actor(Actor a) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("id", a.id());
    o.put("name", a.name());
    o.put("role", a.role().label());
    return o;
  }

  /**
   * {@code ISO_OFFSET_DATE_TIME}'s text of {@code t} ({@code 2026-11-20T10:00:00+08:00}, a
   * fraction only when there is one, {@code Z} for UTC), written directly for years 1000 to 9999
   * and offsets of whole minutes: every date-time of every record is written this way when it is
   * saved, hashed or audited, and the formatter was an eighth of what validating a long record
   * allocated. Anything else goes to the formatter.
   */
  static String dateTime(OffsetDateTime t) {
    int year = t.getYear();
    int offset = t.getOffset().getTotalSeconds();
    if (year < 1000 || year > 9999 || offset % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    StringBuilder b = new StringBuilder(35).append(year).append('-');
    two(b, t.getMonthValue()).append('-');
    two(b, t.getDayOfMonth()).append('T');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond());
    int nano = t.getNano();
    if (nano != 0) {
      String digits = Integer.toString(1_000_000_000 + nano).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(digits, 0, end);
    }
    if (offset == 0) {
      return b.append('Z').toString();
    }
    int minutes = Math.abs(offset) / 60;
    b.append(offset < 0 ? '-' : '+');
    two(b, minutes / 60).append(':');
    return two(b, minutes % 60).toString();
  }

  private static StringBuilder two(StringBuilder b, int n) {
    return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  /**
   * {@code OffsetDateTime.parse(text)}: the form {@link #dateTime(OffsetDateTime)} writes
   * ({@code 2026-11-20T10:00:00+08:00}, seconds and a fraction optional, {@code Z} or an offset
   * of hours and minutes) read directly, anything else (and any field out of range) by the
   * formatter, which says what is wrong. Parsing was a fourteenth of reading a record.
   */
  static OffsetDateTime parseDateTime(String text) {
    int n = text.length();
    if (n >= 17 && isAsciiDigits(text, 0, 4) && text.charAt(4) == '-'
        && isAsciiDigits(text, 5, 7) && text.charAt(7) == '-' && isAsciiDigits(text, 8, 10)
        && text.charAt(10) == 'T' && isAsciiDigits(text, 11, 13) && text.charAt(13) == ':'
        && isAsciiDigits(text, 14, 16)) {
      int i = 16;
      int second = 0;
      int nano = 0;
      if (i + 2 < n && text.charAt(i) == ':' && isAsciiDigits(text, i + 1, i + 3)) {
        second = number(text, i + 1, i + 3);
        i += 3;
        if (i + 1 < n && text.charAt(i) == '.') {
          int end = i + 1;
          while (end < n && end - i <= 9 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
          }
          if (end > i + 1) {
            nano = number(text, i + 1, end);
            for (int k = end - i - 1; k < 9; k++) {
              nano *= 10;
            }
            i = end;
          }
        }
      }
      java.time.ZoneOffset offset = null;
      if (i == n - 1 && text.charAt(i) == 'Z') {
        offset = java.time.ZoneOffset.UTC;
      } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-')
          && isAsciiDigits(text, i + 1, i + 3) && text.charAt(i + 3) == ':'
          && isAsciiDigits(text, i + 4, n)) {
        int sign = text.charAt(i) == '-' ? -1 : 1;
        int h = number(text, i + 1, i + 3);
        int m = number(text, i + 4, n);
        if (h <= 18 && m <= 59 && (h < 18 || m == 0)) {
          offset = java.time.ZoneOffset.ofHoursMinutes(sign * h, sign * m);
        }
      }
      int month = number(text, 5, 7);
      int day = number(text, 8, 10);
      int hour = number(text, 11, 13);
      int minute = number(text, 14, 16);
      if (offset != null && month >= 1 && month <= 12 && day >= 1
          && day <= java.time.YearMonth.of(number(text, 0, 4), month).lengthOfMonth()
          && hour <= 23 && minute <= 59 && second <= 59) {
        return OffsetDateTime.of(number(text, 0, 4), month, day, hour, minute, second, nano,
            offset);
      }
    }
    return OffsetDateTime.parse(text);
  }

  private static int number(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  // ---------------------------------------------------------------- reading

  /** Reading state: where problems go and how many values are left under the limit. */
  static final class Reader {
    final List<JsonProblem> problems;
    int budget;
    boolean overBudget;

    Reader(List<JsonProblem> problems, int maxValues) {
      this.problems = problems;
      this.budget = maxValues;
    }

    Values values(JsonNode obj, FieldScope scope, String at) {
      TreeMap<String, Value> out = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = obj.properties().iterator();
      while (it.hasNext() && !overBudget) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        JsonNode node = e.getValue();
        String p = Json.ptr(at, name);
        if (--budget < 0) {
          overBudget = true;
          problems.add(JsonProblem.error(p, "json/limit", "字段值过多(上限见 JsonLimits.maxValues)",
              "too many field values (see JsonLimits.maxValues)"));
          break;
        }
        if (node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
          problems.add(JsonProblem.warning(p, "json/empty-value",
              "空值按未填写处理；未填写的字段应省略", "empty value treated as absent; leave out "
                  + "fields that have no value"));
          continue;
        }
        Field field = scope.fields().get(name);
        FieldScope group = scope.groups().get(name);
        if (field != null && !field.type().isStored()) {
          problems.add(JsonProblem.warning(p, "json/computed-value",
              "字段 " + name + " 由系统计算(" + field.type().label() + ")，存储的值已忽略",
              "field " + name + " is computed (" + field.type().label()
                  + "); the stored value is ignored"));
        } else if (field != null) {
          Value v = value(field, node, p);
          if (v != null) {
            out.put(name, v);
          }
        } else if (group != null) {
          Value v = rows(group, node, p);
          if (v != null) {
            out.put(name, v);
          }
        } else {
          problems.add(JsonProblem.error(p, "json/unknown-field",
              "模板中没有字段 " + name, "the template has no field " + name));
        }
      }
      return Values.of(out);
    }

    private Value rows(FieldScope group, JsonNode node, String p) {
      if (!node.isArray()) {
        return typeError(p, "列表(每项一个对象)", "a list of objects");
      }
      List<Values> rows = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < node.size() && !overBudget; i++) {
        JsonNode row = node.get(i);
        if (!row.isObject()) {
          typeError(Json.ptr(p, i), "对象", "an object");
          ok = false;
          continue;
        }
        rows.add(values(row, group, Json.ptr(p, i)));
      }
      return ok ? new Value.Rows(rows) : null;
    }

    private Value value(Field f, JsonNode node, String p) {
      switch (f.type()) {
        case TEXT:
        case RICHTEXT:
        case CHOICE:
          return node.isTextual() ? new Value.Str(node.asText()) : typeError(p, "字符串", "a string");
        case INTEGER:
          // a whole number however written (18 or 18.0, as JSON Schema's integer): what an
          // integer field holds (Value.fits), so that every record the edit session lets in
          // reads back (18.00 was written and then refused)
          return node.isNumber() && new Value.Num(node.decimalValue()).fits(FieldType.INTEGER)
              ? new Value.Num(node.decimalValue()) : typeError(p, "整数", "a whole number");
        case DECIMAL:
          return node.isNumber() ? new Value.Num(node.decimalValue())
              : typeError(p, "数字", "a number");
        case BOOLEAN:
          return node.isBoolean() ? new Value.Bool(node.asBoolean())
              : typeError(p, "true 或 false", "true or false");
        case DATE:
          return parse(p, node, "日期(yyyy-MM-dd)", "a date (yyyy-MM-dd)",
              s -> new Value.Date(LocalDate.parse(s)));
        case DATETIME:
          return parse(p, node, "带时区的日期时间(如 2026-11-20T09:30:00+08:00)",
              "a date-time with offset (like 2026-11-20T09:30:00+08:00)",
              s -> new Value.DateTime(parseDateTime(s)));
        case TIME:
          return parse(p, node, "时间(HH:mm)", "a time (HH:mm)",
              s -> new Value.Time(LocalTime.parse(s)));
        case MULTICHOICE:
          return choices(node, p);
        case CODED:
          return coded(node, p);
        case SIGNATURE:
          return signed(node, p);
        default:
          throw new IllegalStateException("computed field types are handled by the caller");
      }
    }

    private Value choices(JsonNode node, String p) {
      if (!node.isArray()) {
        return typeError(p, "字符串列表", "a list of strings");
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isTextual()) {
          return typeError(Json.ptr(p, i), "字符串", "a string");
        }
        out.add(node.get(i).asText());
      }
      return new Value.Choices(out);
    }

    private Value coded(JsonNode node, String p) {
      if (!node.isObject() || !node.path("code").isTextual()) {
        return typeError(p, "编码对象 {code, display, system, version}",
            "a coding {code, display, system, version}");
      }
      if (!onlyMembers(node, p, "code", "display", "system", "version")) {
        return null;
      }
      try {
        return new Value.Coded(new Coding(node.get("code").asText(), optText(node, "display"),
            optText(node, "system"), optText(node, "version")));
      } catch (IllegalArgumentException e) {
        return invalid(p, e);
      }
    }

    private Value signed(JsonNode node, String p) {
      if (!node.isObject()) {
        return typeError(p, "签名对象 {id, name, role, at}", "a signature {id, name, role, at}");
      }
      if (!onlyMembers(node, p, "id", "name", "role", "at")) {
        return null;
      }
      Role role = Role.fromLabel(node.path("role").asText());
      if (role == null) {
        problems.add(JsonProblem.error(Json.ptr(p, "role"), "json/type",
            "未知的角色 \"" + node.path("role").asText() + "\"",
            "unknown role \"" + node.path("role").asText() + "\""));
        return null;
      }
      try {
        return new Value.Signed(new Signer(new Actor(node.path("id").asText(),
            node.path("name").asText(), role), parseDateTime(node.path("at").asText())));
      } catch (DateTimeParseException e) {
        problems.add(JsonProblem.error(Json.ptr(p, "at"), "json/type",
            "应为带时区的日期时间", "expected a date-time with offset"));
        return null;
      } catch (IllegalArgumentException e) {
        return invalid(p, e);
      }
    }

    private boolean onlyMembers(JsonNode node, String p, String... allowed) {
      List<String> names = List.of(allowed);
      boolean ok = true;
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String n = it.next();
        if (!names.contains(n)) {
          problems.add(JsonProblem.error(Json.ptr(p, n), "json/unknown-member",
              "不允许的成员 " + n, "member " + n + " is not allowed here"));
          ok = false;
        }
      }
      return ok;
    }

    private interface Parser {
      Value parse(String s);
    }

    private Value parse(String p, JsonNode node, String zh, String en, Parser parser) {
      if (!node.isTextual()) {
        return typeError(p, zh, en);
      }
      try {
        return parser.parse(node.asText());
      } catch (DateTimeParseException e) {
        return typeError(p, zh, en);
      }
    }

    private Value typeError(String p, String zh, String en) {
      problems.add(JsonProblem.error(p, "json/type", "应为" + zh, "expected " + en));
      return null;
    }

    private Value invalid(String p, IllegalArgumentException e) {
      problems.add(JsonProblem.error(p, "json/invalid", "值无效：" + e.getMessage(),
          "invalid value: " + e.getMessage()));
      return null;
    }
  }

  static String optText(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n.asText();
  }

}
