package org.emrkit.render.html.internal;

import java.util.List;
import org.emrkit.record.Coding;
import org.emrkit.record.Value;
import org.emrkit.record.ValueText;
import org.emrkit.render.FieldView;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;

/** Writes the edit form's control for a field. One per rendering; not thread-safe. */
final class Controls {

  /** The most options a choice lists in a drop-down; a larger value set is searched. */
  private static final int LISTED = 30;

  private final Html out;
  private final Template template;
  private final org.emrkit.record.Context context;
  /** The offset a date-time typed in without one takes ({@code +08:00}). */
  private final String offset;
  /** Whether the value at a path may be changed now (the host's decision): else drawn locked. */
  private final java.util.function.Predicate<String> editable;
  private int ids;

  Controls(Html out, Template template, String offset, org.emrkit.record.Context context,
      java.util.function.Predicate<String> editable) {
    this.out = out;
    this.template = template;
    this.offset = offset;
    this.context = context;
    this.editable = editable;
  }

  /** Whether the control of this view is drawn locked: not the actor's to change now. */
  private boolean locked(FieldView v) {
    return !editable.test(v.path());
  }

  /** Whether the control is read-only: by the template, or locked by the host. */
  private boolean fixed(FieldView v) {
    return v.field().readonly() || locked(v);
  }

  /**
   * Locked by the host, not by the template ({@code data-emr-locked}): the script may unlock
   * it; a template's read-only field it never does.
   */
  private boolean hostLocked(FieldView v) {
    return locked(v) && !v.field().readonly();
  }

  void control(FieldView v) {
    Field f = v.field();
    String id = "emr-f" + (++ids);
    switch (f.type()) {
      // the value as stored (patient.sex 2) for the form's expressions; the text shows 女
      case MACRO -> out.raw("<span class=\"emr-macro\"").attr("data-emr-source", f.source())
          .attr("data-emr-name", f.name())
          // the record's context as it prints (no HTML page may hold a control character)
          .attr("data-emr-value", context.lookup(f.source())
              .map(org.emrkit.record.ValueText::printable).orElse(null))
          .raw(">").text(v.text()).raw("</span>");
      case CALC -> out.raw("<output class=\"emr-calc\"").attr("id", id)
          .attr("data-emr-path", v.path()).attr("data-emr-expr", f.expr().source())
          .attr("data-emr-precision", f.precision()).attr("aria-label", v.label()).raw(">")
          .text(v.text()).raw("</output>");
      case RICHTEXT -> rich(v, id);
      case CHOICE -> {
        if (searched(v.field())) {
          search(v, id);
        } else {
          choice(v, id);
        }
      }
      case MULTICHOICE -> multichoice(v);
      case BOOLEAN -> {
        out.raw("<input type=\"checkbox\" class=\"emr-control\"");
        common(v, id, null);
        // an unset value stays unset until the box is touched: unchecked is not "false"
        out.flag("checked", v.value() instanceof Value.Bool b && b.value())
            .flag("data-emr-unset", v.value() == null).raw(">");
        out.raw("<label").attr("for", id).raw(">").text(v.label()).raw("</label>");
      }
      case CODED -> search(v, id);
      case SIGNATURE -> signature(v, id);
      default -> input(v, id);
    }
  }

  private void choice(FieldView v, String id) {
    out.raw("<select class=\"emr-control\"");
    common(v, id, v.label());
    // the empty choice: a label keeps it valid HTML without text that looks like a value
    // (locked, an empty choice reads as nothing on paper, not as a dash)
    out.raw("><option value=\"\"").attr("label", locked(v) ? "\u3000" : "—")
        .raw("></option>");
    String current = v.value() instanceof Value.Str s ? s.value() : null;
    for (String[] o : options(v.field())) {
      out.raw("<option").attr("value", o[0]).flag("selected", o[0].equals(current)).raw(">")
          .text(o[1]).raw("</option>");
    }
    out.raw("</select>");
  }

  private void multichoice(FieldView v) {
    List<String> chosen = v.value() instanceof Value.Choices c ? c.values() : List.of();
    out.raw("<span class=\"emr-multi\" role=\"group\"").attr("aria-label", v.label()).raw(">");
    for (String[] o : options(v.field())) {
      String oid = "emr-f" + (++ids);
      out.raw("<input type=\"checkbox\" class=\"emr-control\"").attr("id", oid)
          .attr("data-emr-path", v.path()).attr("data-emr-type", "multichoice")
          .attr("value", o[0]).flag("checked", chosen.contains(o[0]))
          .flag("disabled", locked(v)).flag("data-emr-locked", locked(v)).raw(">")
          .raw("<label").attr("for", oid).raw(">").text(o[1]).raw("</label>");
    }
    out.raw("</span>");
  }

  /**
   * A coded field, and a choice over a host value set or a large one: one search box (a
   * combobox with a list of matches) that the page's search hook answers ({@code EmrKit.search},
   * see emrkit.js); the picked code, name, system and version live on the box's holder. Without
   * a hook, "code name" typed into the box is read as the code and its name.
   */
  private void search(FieldView v, String id) {
    Field f = v.field();
    Coding c = v.value() instanceof Value.Coded cv ? cv.coding() : null;
    String code = c != null ? c.code() : v.value() instanceof Value.Str s ? s.value() : null;
    String display = c != null ? c.display() : code == null ? null : v.text();
    String shown = code == null ? "" : display == null || display.equals(code) ? code
        : code + " " + display;
    out.raw("<span class=\"emr-search\"").attr("data-emr-path", v.path())
        .attr("data-emr-type", f.type().label()).attr("data-emr-field", f.name())
        .attr("data-emr-system", f.system())
        .attr("data-emr-valueset", f.valueSet() == null ? null : f.valueSet().id())
        .attr("data-emr-code", code).attr("data-emr-display", display)
        .attr("data-emr-code-system", c == null ? null : c.system())
        .attr("data-emr-code-version", c == null ? null : c.version()).raw(">");
    out.raw("<input type=\"text\" role=\"combobox\" class=\"emr-control emr-search-box\""
        + " autocomplete=\"off\" aria-autocomplete=\"list\" aria-expanded=\"false\"")
        .attr("id", id).attr("aria-controls", id + "-list").attr("aria-label", v.label())
        .attr("placeholder", "编码、名称或拼音首字母").attr("value", shown)
        .flag("required", f.required()).flag("readonly", fixed(v))
        .flag("data-emr-locked", hostLocked(v)).raw(">");
    // phrasing content (a span, not a ul): the box sits inside paragraphs and table cells
    out.raw("<span role=\"listbox\" class=\"emr-search-list\" hidden").attr("id", id + "-list")
        .attr("aria-label", v.label() + " 候选 options").raw("></span></span>");
  }

  /** Whether a choice is searched rather than listed: a host value set or a large one. */
  private boolean searched(Field f) {
    return f.valueSet() != null && (f.valueSet().isHost() || options(f).size() > LISTED);
  }

  private void signature(FieldView v, String id) {
    Field f = v.field();
    String signed = v.value() instanceof Value.Signed ? ValueText.of(template, f, v.value())
        : "";
    String json = v.value() instanceof Value.Signed s ? org.emrkit.json.RecordJson.canonical(s)
        : null;
    String label = v.label();
    out.raw("<button type=\"button\" class=\"emr-sign\"").attr("id", id)
        .attr("title", signed.isEmpty() ? null : signed)
        .attr("data-emr-path", v.path()).attr("data-emr-type", "signature")
        .attr("data-emr-role", f.role()).attr("data-emr-signature", json)
        .attr("aria-label", label.endsWith("签名") ? label : label + " 签名")
        .flag("disabled", locked(v)).flag("data-emr-locked", locked(v)).raw(">");
    int at = signed.indexOf(' ');
    if (signed.isEmpty()) {
      out.text("签名");
    } else if (at > 0 && signed.substring(at + 1).matches("\\d{4}-.*")) {
      // the signer, then when, kept whole; in a narrow cell without the year (the row has it)
      String when = signed.substring(at + 1);
      out.text(signed.substring(0, at)).raw(" <span class=\"emr-sign-at\">")
          .raw("<span class=\"emr-sign-y\">").text(when.substring(0, 5)).raw("</span>")
          .text(when.substring(5)).raw("</span>");
    } else {
      out.text(signed);
    }
    out.raw("</button>");
  }

  /**
   * Narrative: an editable box that grows with its text and keeps bold, italic, super- and
   * subscript (emrkit.js reads it back as the record's rich-text markup). A span, because a
   * field may stand inside the template's paragraph.
   */
  private void rich(FieldView v, String id) {
    Field f = v.field();
    out.raw("<span class=\"emr-control emr-rich\" role=\"textbox\" aria-multiline=\"true\"")
        .attr("id", id).attr("data-emr-path", v.path()).attr("data-emr-type", "richtext")
        .attr("contenteditable", fixed(v) ? "false" : "true")
        .flag("data-emr-locked", hostLocked(v))
        .attr("aria-label", v.label())
        .attr("aria-required", f.required() ? "true" : null)
        .attr("aria-readonly", fixed(v) ? "true" : null)
        .attr("data-emr-maxlength", f.maxLength());
    // a field's default is put in place when the record is created (NewRecord): a field the
    // clinician cleared stays empty here, not shown as its default while the record lacks it
    String text = v.value() instanceof Value.Str s ? s.value() : null;
    String shown = text == null ? null : org.emrkit.record.ValueText.printable(text);
    if (shown != null && !shown.equals(text)) {
      // shown as it prints (no HTML page may hold a control character), read back as it is
      // while unchanged (see input)
      out.attr("data-emr-kept", jsonString(text));
    }
    out.raw(">");
    if (shown != null && !shown.isBlank()) {
      out.raw(RichText.toHtml(shown));
    }
    out.raw("</span>");
  }

  /**
   * A typed value: text, a number (a text box, so that what is typed is never dropped: 36.8
   * and ３６．８ are read as numbers, anything else is posted as typed and refused with why), or
   * a date, time or date-time written as the record prints it (2026-11-20 10:00) with a picker
   * button beside it: narrow enough for a nursing sheet's cell, whatever the browser's locale.
   */
  private void input(FieldView v, String id) {
    Field f = v.field();
    boolean when = f.type() == FieldType.DATE || f.type() == FieldType.TIME
        || f.type() == FieldType.DATETIME;
    if (when) {
      out.raw("<span class=\"emr-dt\">");
    }
    boolean number = f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL;
    out.raw(number ? "<input class=\"emr-control emr-num\"" : "<input class=\"emr-control\"")
        .attr("type", "text");
    common(v, id, v.label());
    String value = inputValue(v.value());
    // as a one-line box shows it: without line breaks (the browser strips them, and the Nu
    // Html Checker refuses them in a value) nor control characters
    String[] lines = value == null ? null
        : org.emrkit.record.ValueText.lines(org.emrkit.record.ValueText.printable(value));
    String shown = lines == null ? null : lines.length == 1 ? lines[0] : String.join("", lines);
    out.attr("value", shown);
    if (value != null && (!shown.equals(value) || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0)) {
      // a one-line box drops line breaks, and no HTML page may hold a control character: the
      // box shows the text as it prints, and the text as it is goes beside it as a JSON string
      // (its controls escaped), for emrkit.js to read back while the box shows it unchanged
      // (saving the form must not change what no one edited)
      out.attr("data-emr-kept", jsonString(value));
    }
    if (f.type() == FieldType.DATETIME) {
      // the value's own offset, kept when it is posted back; a new value takes the hospital's
      out.attr("data-emr-offset", v.value() instanceof Value.DateTime d
          ? (d.value().getOffset().getId().equals("Z") ? "+00:00" : d.value().getOffset().getId())
          : offset);
    }
    if (number || when) {
      out.attr("inputmode", f.type() == FieldType.DECIMAL ? "decimal" : "numeric")
          .attr("autocomplete", "off");
    }
    String placeholder = f.placeholder() != null ? f.placeholder() : switch (f.type()) {
      case DATE -> "年-月-日";
      case TIME -> "时:分";
      case DATETIME -> "年-月-日 时:分";
      default -> null;
    };
    out.attr("minlength", f.minLength()).attr("maxlength", f.maxLength())
        .attr("pattern", f.pattern()).attr("placeholder", placeholder).raw(">");
    if (when) {
      out.raw("<button type=\"button\" class=\"emr-pick\" tabindex=\"-1\"")
          .attr("aria-label", "选择 pick " + v.label()).flag("disabled", fixed(v))
          .flag("data-emr-locked", hostLocked(v))
          .raw(">▾</button></span>");
    }
  }

  private void common(FieldView v, String id, String label) {
    Field f = v.field();
    boolean text = f.type() != FieldType.CHOICE && f.type() != FieldType.BOOLEAN;
    out.attr("id", id).attr("name", v.path()).attr("data-emr-path", v.path())
        .attr("data-emr-type", f.type().label()).flag("required", f.required())
        .flag("readonly", f.readonly() || text && locked(v))
        .flag("disabled", !text && locked(v))
        .flag("data-emr-locked", hostLocked(v)).attr("aria-label", label);
  }

  /** A JSON string literal of ASCII-safe escapes for the characters no HTML page may hold. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String inputValue(Value v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Str s) {
      return s.value();
    } else if (v instanceof Value.Num n) {
      return n.value().toPlainString();
    } else if (v instanceof Value.Date d) {
      return d.value().toString();
    } else if (v instanceof Value.DateTime d) {
      // as the record prints it: 2026-11-20 10:00 (seconds only when there are some)
      return d.value().toLocalDate() + " " + d.value().toLocalTime();
    } else if (v instanceof Value.Time t) {
      return t.value().toString();
    }
    return null;
  }

  private List<String[]> options(Field f) {
    if (!f.options().isEmpty()) {
      return f.options().stream().map(o -> new String[] {o, o}).toList();
    }
    if (f.valueSet() != null && !f.valueSet().isHost()) {
      return template.valueSet(f.valueSet().id()).map(vs -> vs.concepts().stream()
          .map(c -> new String[] {c.code(), c.display()}).toList()).orElse(List.of());
    }
    return List.of();
  }
}
