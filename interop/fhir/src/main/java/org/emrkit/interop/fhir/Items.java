package org.emrkit.interop.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrkit.template.Bound;
import org.emrkit.template.Expression;
import org.emrkit.template.Field;
import org.emrkit.template.FieldScope;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.emrkit.terminology.DataElements;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * One field as a Questionnaire item: its type, text, {@code required}, {@code repeats},
 * {@code readOnly}, {@code maxLength}, answer options or value set, its data element as the
 * item's {@code code}, and the extensions for what core FHIR lacks (min / max value and length,
 * pattern, unit, placeholder, SDC calculated expression, the context path of a macro, a
 * signature's requirement). Conditions become {@code enableWhen} when each is a comparison of
 * a name with a literal, else SDC's {@code enableWhenExpression} in FHIRPath (or in EMRKit's
 * expression language where FHIRPath has no counterpart).
 */
final class Items {

  static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
  static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
  static final String CONTEXT_PATH = "https://emrkit.org/fhir/StructureDefinition/context-path";
  static final String EMRKIT_EXPRESSION = "text/x-emrkit-expression";
  static final String VALUE_SETS = "urn:emrkit:valueset:";

  private static final Pattern SIMPLE = Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|<=|>=|<|>)\\s*('[^']*'|-?\\d+(\\.\\d+)?|true|false)\\s*");

  /** The units templates write, as UCUM codes. */
  private static final java.util.Map<String, String> UCUM = java.util.Map.of("℃", "Cel",
      "次/分", "/min", "mmHg", "mm[Hg]", "kg/m²", "kg/m2", "cm", "cm", "kg", "kg", "%", "%",
      "ml", "mL", "mL", "mL", "g", "g");

  private final Template template;
  private final FieldScope root;

  Items(Template template) {
    this.template = template;
    this.root = template.scope();
  }

  /** The data element's coding, for an item's {@code code}. */
  static Coding element(String id) {
    return new Coding(Systems.DATA_ELEMENTS, id,
        DataElements.names(id).map(DataElements.Names::zh).orElse(null));
  }

  static void occurs(QuestionnaireItemComponent item, int min, Integer max) {
    if (min > 0) {
      item.addExtension(CORE + "questionnaire-minOccurs", new IntegerType(min));
    }
    if (max != null) {
      item.addExtension(CORE + "questionnaire-maxOccurs", new IntegerType(max));
    }
  }

  QuestionnaireItemComponent item(Field f, String linkId, String label) {
    QuestionnaireItemComponent item = new QuestionnaireItemComponent().setLinkId(linkId)
        .setText(label).setType(type(f)).setRequired(f.required());
    if (f.dataElement() != null) {
      item.addCode(element(f.dataElement()));
    }
    if (f.readonly() || f.type() == FieldType.CALC || f.type() == FieldType.MACRO
        || f.type() == FieldType.SIGNATURE) {
      item.setReadOnly(true);
    }
    if (f.type() == FieldType.MULTICHOICE) {
      item.setRepeats(true);
    }
    if (f.maxLength() != null) {
      item.setMaxLength(f.maxLength());
    }
    if (f.minLength() != null) {
      item.addExtension(CORE + "minLength", new IntegerType(f.minLength()));
    }
    if (f.pattern() != null) {
      item.addExtension(CORE + "regex", new StringType(f.pattern()));
    }
    if (f.placeholder() != null) {
      item.addExtension(CORE + "entryFormat", new StringType(f.placeholder()));
    }
    if (f.unit() != null) {
      String ucum = UCUM.get(f.unit());
      item.addExtension(CORE + "questionnaire-unit", new Coding(ucum == null ? null
          : "http://unitsofmeasure.org", ucum, f.unit()));
    }
    bound(item, f, f.min(), "minValue");
    bound(item, f, f.max(), "maxValue");
    answers(item, f);
    if (f.type() == FieldType.CALC) {
      item.addExtension(SDC + "sdc-questionnaire-calculatedExpression",
          expression(f.expr(), Links.parent(linkId)));
    } else if (f.type() == FieldType.MACRO) {
      item.addExtension(CONTEXT_PATH, new StringType(f.source()));
    } else if (f.type() == FieldType.SIGNATURE) {
      item.addExtension(CORE + "questionnaire-referenceResource",
          new org.hl7.fhir.r4.model.CodeType("Practitioner"));
      if (f.required()) {
        item.addExtension(CORE + "questionnaire-signatureRequired", new CodeableConcept(
            new Coding(Answers.ASTM, "1.2.840.10065.1.12.1.1", "Author's Signature")));
      }
    }
    return item;
  }

  private static QuestionnaireItemType type(Field f) {
    return switch (f.type()) {
      case TEXT, MACRO -> QuestionnaireItemType.STRING;
      case RICHTEXT -> QuestionnaireItemType.TEXT;
      case INTEGER -> QuestionnaireItemType.INTEGER;
      case DECIMAL, CALC -> QuestionnaireItemType.DECIMAL;
      case DATE -> QuestionnaireItemType.DATE;
      case DATETIME -> QuestionnaireItemType.DATETIME;
      case TIME -> QuestionnaireItemType.TIME;
      case BOOLEAN -> QuestionnaireItemType.BOOLEAN;
      case CHOICE, MULTICHOICE -> QuestionnaireItemType.CHOICE;
      case CODED -> QuestionnaireItemType.OPENCHOICE;
      case SIGNATURE -> QuestionnaireItemType.REFERENCE;
    };
  }

  private void answers(QuestionnaireItemComponent item, Field f) {
    if (f.type() == FieldType.CODED) {
      // a host's value set, or the code system's codes
      item.setAnswerValueSet(VALUE_SETS + (f.valueSet() != null ? f.valueSet().id()
          : f.system()));
      return;
    }
    if (f.valueSet() != null) {
      var set = template.valueSet(f.valueSet().id());
      if (set.isPresent()) {
        for (var c : set.get().concepts()) {
          item.addAnswerOption().setValue(new Coding(Systems.uri(set.get().system()), c.code(),
              c.display()));
        }
      } else {
        item.setAnswerValueSet(VALUE_SETS + f.valueSet().id());
      }
    }
    for (String o : f.options()) {
      item.addAnswerOption().setValue(new StringType(o));
    }
  }

  private static void bound(QuestionnaireItemComponent item, Field f, Bound b, String name) {
    if (b == null || b.number().isEmpty()) {
      return; // a bound that names another field is checked by EMRKit, not expressible here
    }
    BigDecimal n = b.number().get();
    Type value = switch (f.type()) {
      case INTEGER -> n.stripTrailingZeros().scale() <= 0
          ? new IntegerType(n.intValueExact()) : null;
      case DECIMAL -> new DecimalType(n);
      default -> null;
    };
    if (value != null) {
      item.addExtension(CORE + name, value);
    }
  }

  /**
   * The conditions an item shows under (all of them): {@code enableWhen} entries when every
   * one is a simple comparison with a literal, else one {@code enableWhenExpression}.
   */
  void enableWhen(QuestionnaireItemComponent item, List<Expression> when, String group) {
    enableWhen(item, when, group, java.util.Set.of());
  }

  /**
   * As {@link #enableWhen(QuestionnaireItemComponent, List, String)}, for a group whose own
   * items are {@code inner}: an {@code enableWhen} may not name a question inside the item it
   * enables, so such a condition is an expression.
   */
  void enableWhen(QuestionnaireItemComponent item, List<Expression> when, String group,
      java.util.Set<String> inner) {
    List<QuestionnaireItemEnableWhenComponent> simple = new ArrayList<>();
    for (Expression e : when) {
      Optional<QuestionnaireItemEnableWhenComponent> s = simple(e, group)
          .filter(w -> !inner.contains(w.getQuestion()));
      if (s.isEmpty()) {
        simple = null;
        break;
      }
      simple.add(s.get());
    }
    if (simple != null) {
      item.setEnableWhen(simple);
      if (simple.size() > 1) {
        item.setEnableBehavior(EnableWhenBehavior.ALL);
      }
      return;
    }
    String all = String.join(" and ", when.stream().map(e -> "(" + e.source() + ")").toList());
    item.addExtension(SDC + "sdc-questionnaire-enableWhenExpression",
        expression(new Expression(all), group));
  }

  private Optional<QuestionnaireItemEnableWhenComponent> simple(Expression e, String group) {
    Matcher m = SIMPLE.matcher(e.source());
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Links.Named> q = Links.resolve(root, group, m.group(1));
    if (q.isEmpty() || q.get().field().type() == FieldType.SIGNATURE) {
      return Optional.empty();
    }
    Field f = q.get().field();
    Optional<Type> answer = answer(f, m.group(3));
    boolean equality = m.group(2).equals("==") || m.group(2).equals("!=");
    if (answer.isEmpty() || (!equality && !(answer.get() instanceof IntegerType
        || answer.get() instanceof DecimalType))) {
      return Optional.empty();
    }
    return Optional.of(new QuestionnaireItemEnableWhenComponent()
        .setQuestion(q.get().linkId()).setOperator(QuestionnaireItemOperator.fromCode(
            m.group(2).equals("==") ? "=" : m.group(2))).setAnswer(answer.get()));
  }

  /**
   * A literal as the answer an {@code enableWhen} compares with, typed as the question's
   * answers are: empty when the question's answers cannot be that literal (the condition is then
   * written as an expression).
   */
  private Optional<Type> answer(Field f, String literal) {
    boolean quoted = literal.startsWith("'");
    String text = quoted ? literal.substring(1, literal.length() - 1) : literal;
    boolean number = !quoted && !literal.equals("true") && !literal.equals("false");
    switch (f.type()) {
      case INTEGER:
        return number && literal.matches("-?\\d{1,9}")
            ? Optional.of(new IntegerType(Integer.parseInt(literal))) : Optional.empty();
      case DECIMAL:
      case CALC:
        return number ? Optional.of(new DecimalType(new BigDecimal(literal))) : Optional.empty();
      case BOOLEAN:
        return quoted || number ? Optional.empty()
            : Optional.of(new BooleanType(Boolean.parseBoolean(literal)));
      case CHOICE:
      case MULTICHOICE: {
        var set = f.valueSet() == null ? Optional.<org.emrkit.template.ValueSet>empty()
            : template.valueSet(f.valueSet().id());
        if (set.isPresent()) {
          return set.get().concepts().stream().anyMatch(c -> c.code().equals(text))
              ? Optional.of(new Coding(Systems.uri(set.get().system()), text, null))
              : Optional.empty();
        }
        return quoted ? Optional.of(new StringType(text)) : Optional.empty();
      }
      case TEXT:
      case RICHTEXT:
        return quoted ? Optional.of(new StringType(text)) : Optional.empty();
      default:
        return Optional.empty(); // dates, codes, context values: an expression says it right
    }
  }

  /** An expression as FHIRPath over the response, or as EMRKit's text when it does not translate. */
  private org.hl7.fhir.r4.model.Expression expression(Expression e, String group) {
    Optional<String> path = FhirPath.of(e.source(), written -> {
      int dot = written.indexOf('.');
      String name = dot < 0 ? written : written.substring(0, dot);
      return Links.resolve(root, group, name)
          .map(n -> "%resource.repeat(item).where(linkId='" + n.linkId() + "').answer.value"
              + (dot >= 0 ? written.substring(dot) // dx.code, dx.display: the Coding's own
                  : n.field().valueSet() != null ? ".code" : "") + ".first()")
          .orElseThrow(() -> new IllegalArgumentException("unknown name " + name));
    });
    org.hl7.fhir.r4.model.Expression out = new org.hl7.fhir.r4.model.Expression();
    if (path.isPresent()) {
      out.setLanguage("text/fhirpath").setExpression(path.get());
    } else {
      out.setLanguage(EMRKIT_EXPRESSION).setExpression(e.source());
    }
    return out;
  }
}
