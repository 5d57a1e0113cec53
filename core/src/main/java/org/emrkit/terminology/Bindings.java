package org.emrkit.terminology;

import java.util.ArrayList;
import java.util.List;
import org.emrkit.problem.Message;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;

/**
 * Which of a template's code bindings a host's lists do not have: a {@code @host:} value set or a
 * coded field's {@code system=} that resolves to no table. Without a table such a field's codes
 * are checked for their form only and its search box finds nothing, so a host that loads lists
 * wants to hear of it (the CLI's {@code --terminology} reports them).
 */
public final class Bindings {

  private Bindings() {}

  /**
   * One binding with no table.
   *
   * @param field the field's name
   * @param attribute {@code valueset} or {@code system}
   * @param value the attribute's value as the template writes it
   * @param message what is missing and the fix
   */
  public record Unresolved(String field, String attribute, String value, Message message) {}

  /** The template's bindings the service has no table for, in template order. */
  public static List<Unresolved> unresolved(Template template, TerminologyService service) {
    List<Unresolved> out = new ArrayList<>();
    scope(template, template.scope(), service, out);
    return out;
  }

  private static void scope(Template t, FieldScope scope, TerminologyService service,
      List<Unresolved> out) {
    for (Field f : scope.fields().values()) {
      if (f.type() != FieldType.CODED && f.type() != FieldType.CHOICE
          && f.type() != FieldType.MULTICHOICE) {
        continue;
      }
      if (f.valueSet() != null && f.valueSet().isHost()) {
        String id = f.valueSet().id().substring("host:".length());
        if (service.valueSet(id).isEmpty()) {
          out.add(new Unresolved(f.name(), "valueset", "@" + f.valueSet().id(), Message.of(
              "值集 @" + f.valueSet().id() + " 不在编码表中；请在 terminology.json 的 valueSets 中"
              + "加入 \"" + id + "\"", "value set @" + f.valueSet().id() + " is in none of the "
              + "code lists; add \"" + id + "\" to valueSets in terminology.json")));
        }
      } else if (f.valueSet() == null && f.system() != null
          && service.system(CodeSystemRef.parse(f.system())).isEmpty()) {
        out.add(new Unresolved(f.name(), "system", f.system(), Message.of("编码系统 "
            + f.system() + " 不在编码表中；请加载该编码表，或在 terminology.json 的 aliases 中指明"
            + " \"" + f.system() + "\" 对应的编码表", "code system " + f.system()
            + " is in none of the code lists; load it, or name the list it means in aliases of "
            + "terminology.json (\"" + f.system() + "\": \"id|version\")")));
      }
    }
    for (FieldScope g : scope.groups().values()) {
      scope(t, g, service, out);
    }
  }
}
