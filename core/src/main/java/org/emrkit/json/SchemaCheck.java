package org.emrkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.DefaultMessageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One of our JSON Schemas (draft 2020-12), loaded once from the classpath and applied with
 * networknt json-schema-validator (package-private). Problems carry JSON pointers and messages
 * in Chinese and English (networknt's own message bundles).
 */
final class SchemaCheck {

  private static final int MAX_PROBLEMS = 100;

  private final JsonSchema schema;

  private SchemaCheck(JsonSchema schema) {
    this.schema = schema;
  }

  /** Loads the schema resource with this file name (in {@code org/emrkit/json/}). */
  static SchemaCheck load(String fileName) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .locale(Locale.ENGLISH)
        .build();
    try (InputStream in = SchemaCheck.class.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + fileName);
      }
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Json.mapper(JsonLimits.DEFAULT).readTree(in), config);
      schema.initializeValidators();
      return new SchemaCheck(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("schema resource unreadable: " + fileName, e);
    }
  }

  /** Adds a problem for each violation, at most {@value #MAX_PROBLEMS}, in pointer order. */
  void check(JsonNode document, List<JsonProblem> problems) {
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(document));
    messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
        .thenComparing(ValidationMessage::getMessage));
    int n = 0;
    for (ValidationMessage m : messages) {
      if (n++ == MAX_PROBLEMS) {
        problems.add(JsonProblem.error("", "json/too-many-problems",
            "问题过多，仅列出前" + MAX_PROBLEMS + "个", "too many problems; the first "
                + MAX_PROBLEMS + " are listed"));
        return;
      }
      String pointer = pointer(m);
      String location = m.getInstanceLocation().toString();
      String en = strip(location, m.getMessage());
      String zh = strip(location, DefaultMessageSource.getInstance().getMessage(
          m.getMessageKey(), Locale.SIMPLIFIED_CHINESE, withLocation(m)));
      problems.add(JsonProblem.error(pointer, "json/schema", zh, en));
    }
  }

  private static String pointer(ValidationMessage m) {
    String p = m.getInstanceLocation().toString();
    if (p.equals("/")) {
      return "";
    }
    // required / additionalProperties name a member of the object at the location
    if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
        && m.getProperty() != null) {
      return Json.ptr(p, m.getProperty());
    }
    return p;
  }

  private static Object[] withLocation(ValidationMessage m) {
    Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
    Object[] out = new Object[args.length + 1];
    out[0] = m.getInstanceLocation().toString();
    System.arraycopy(args, 0, out, 1, args.length);
    return out;
  }

  /** Drops the leading "location: " networknt puts in its messages; the pointer says it. */
  private static String strip(String location, String message) {
    String prefix = location + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
