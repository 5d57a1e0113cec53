package org.emrkit.editor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.CodeTable;
import org.emrkit.terminology.Match;
import org.emrkit.terminology.TerminologyService;

/**
 * Answers a form's search box: the field at a value path, the list it is bound to, the matches
 * as JSON {@code {"matches": [{code, display, system, version, text, start, end, kind}]}}
 * (package-private).
 */
final class Searches {

  /** The most matches one answer holds. */
  static final int MAX_LIMIT = 50;
  /** The longest query answered. */
  static final int MAX_QUERY = 64;

  private Searches() {}

  static String answer(TerminologyService terminology, Template template, String path,
      String query, int limit) {
    if (query == null || query.length() > MAX_QUERY) {
      throw new BadRequest("request/query", Message.of("查询过长(最多 " + MAX_QUERY + " 字)",
          "the query is longer than " + MAX_QUERY + " characters"));
    }
    Field f = field(template, path).filter(x -> x.type() == FieldType.CODED
        || x.type() == FieldType.CHOICE).orElseThrow(() -> new BadRequest("request/path", Message.of(
            "没有可检索的字段 " + path, "no searchable field at " + path)));
    Optional<CodeTable> table = terminology.table(template, f);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode list = out.putArray("matches");
    if (table.isEmpty()) {
      return out.toString();
    }
    // the system a picked code is stored with: a template value set's own system, else the list's
    String system;
    String version;
    if (f.valueSet() != null && !f.valueSet().isHost()) {
      system = template.valueSet(f.valueSet().id()).map(v -> v.system()).orElse(null);
      version = null;
    } else {
      system = table.get().ref().id();
      version = table.get().ref().version();
    }
    for (Match m : table.get().searchCodable(query,
        Math.max(1, Math.min(limit, MAX_LIMIT)))) {
      ObjectNode o = list.addObject();
      o.put("code", m.entry().code()).put("display", m.entry().name());
      if (system != null) {
        o.put("system", system);
      }
      if (version != null) {
        o.put("version", version);
      }
      o.put("text", m.text()).put("start", m.start()).put("end", m.end())
          .put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    out.put("list", table.get().title());
    return out.toString();
  }

  /** The field at {@code /values/name} or {@code /values/group/0/name}. */
  static Optional<Field> field(Template template, String path) {
    if (path == null || !path.startsWith("/values/") || path.length() > 500) {
      return Optional.empty();
    }
    List<String> parts = List.of(path.substring("/values/".length()).split("/", -1));
    for (int i = 1; i < parts.size(); i += 2) {
      if (!parts.get(i).matches("\\d{1,6}")) {
        return Optional.empty(); // an entry's index
      }
    }
    return template.scope().fieldAt(parts);
  }
}
