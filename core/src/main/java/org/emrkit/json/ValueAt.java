package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.problem.Severity;
import org.emrkit.record.Value;
import org.emrkit.template.Template;

/** {@link RecordJson#readAt}: the value at a pointer, read with the template. Package-private. */
final class ValueAt {

  private ValueAt() {}

  static Optional<Value> read(ObjectMapper mapper, JsonLimits limits, Template template,
      String pointer, String json) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(json, "json");
    org.emrkit.template.FieldScope scope = template.scope();
    String[] tokens = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
    String name = null;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i].replace("~1", "/").replace("~0", "~");
      boolean last = i == tokens.length - 1;
      boolean indexNext = !last && tokens[i + 1].matches("[0-9]{1,9}");
      if (indexNext && scope.group(t).isPresent()) {
        scope = scope.group(t).get();
        i++; // the entry's index
      } else if (last && (scope.field(t).isPresent() || scope.group(t).isPresent())) {
        name = t;
      } else {
        return Optional.empty();
      }
    }
    boolean entry = name == null;
    List<JsonProblem> problems = new ArrayList<>();
    JsonNode node = Json.parse(mapper, limits, json, problems);
    if (node == null || entry && tokens.length == 0) {
      return Optional.empty();
    }
    if (entry && !node.isObject()) {
      return Optional.empty();
    }
    ValueTree.Reader reader = new ValueTree.Reader(problems, limits.maxValues());
    Optional<Value> read;
    if (entry) {
      read = Optional.of(new Value.Rows(List.of(reader.values(node, scope, pointer))));
    } else {
      ObjectNode wrapped = mapper.createObjectNode();
      wrapped.set(name, node);
      read = reader.values(wrapped, scope, "").get(name);
    }
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR) ? Optional.empty()
        : read;
  }
}
