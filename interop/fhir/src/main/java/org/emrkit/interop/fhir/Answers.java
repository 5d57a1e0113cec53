package org.emrkit.interop.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.emrkit.record.Actor;
import org.emrkit.record.Coding;
import org.emrkit.record.Role;
import org.emrkit.record.Signer;
import org.emrkit.record.Value;
import org.emrkit.template.Field;
import org.emrkit.template.FieldType;
import org.emrkit.template.Template;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;

/**
 * A field's value as QuestionnaireResponse answers and back, losslessly: text as
 * {@code valueString}, numbers as {@code valueInteger} / {@code valueDecimal}, dates and times
 * with their offsets, a choice of the field's value set as {@code valueCoding} (other text as
 * {@code valueString}), each option of a multichoice as an answer, a coded value as
 * {@code valueCoding} (system as a URI, version), a signature as a {@code valueReference} to
 * the signer with the signer's role and time in a {@code questionnaireresponse-signature}.
 */
final class Answers {

  static final String SIGNATURE =
      "http://hl7.org/fhir/StructureDefinition/questionnaireresponse-signature";
  static final String ROLES = "urn:emrkit:role";
  /**
   * Answers a record keeps for a question that is not enabled (its condition does not hold):
   * a response may not answer it, so they travel in this extension, one per answer.
   */
  static final String INACTIVE = "https://emrkit.org/fhir/StructureDefinition/inactive-answer";
  /** A text value of white space alone (which a FHIR string cannot hold), base64. */
  static final String BLANK = "https://emrkit.org/fhir/StructureDefinition/blank-text";
  static final String USERS = "urn:emrkit:user";
  /** ASTM signature type 作者签名 (Author's Signature). */
  static final String ASTM = "urn:iso-astm:E1762-95:2013";

  private Answers() {}

  /** Answers for a stored value of {@code field}, set on {@code item}. */
  static void write(Template template, Field field, Value v, QuestionnaireResponseItemComponent item) {
    if (v instanceof Value.Choices c) {
      for (String s : c.values()) {
        item.addAnswer().setValue(choice(template, field, s));
      }
    } else if (v instanceof Value.Signed s) {
      Signer signer = s.signer();
      Reference who = new Reference().setIdentifier(new Identifier().setSystem(USERS)
          .setValue(signer.actor().id())).setDisplay(signer.actor().name());
      item.addAnswer().setValue(who);
      Signature sig = new Signature().setWho(who.copy());
      sig.setWhenElement(new InstantType(iso(signer.at())));
      sig.addType().setSystem(ASTM).setCode("1.2.840.10065.1.12.1.1").setDisplay("Author's Signature");
      sig.addType().setSystem(ROLES).setCode(signer.actor().role().label())
          .setDisplay(signer.actor().role().title());
      item.addExtension(new Extension(SIGNATURE, sig));
    } else if (v instanceof Value.Str s && s.value().isBlank()) {
      // FHIR strings have content: white space alone travels in an extension, base64
      item.addExtension(BLANK, new org.hl7.fhir.r4.model.Base64BinaryType(
          s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } else {
      item.addAnswer().setValue(single(template, field, v));
    }
  }

  private static Type single(Template template, Field field, Value v) {
    if (v instanceof Value.Str s) {
      return field.type() == FieldType.CHOICE ? choice(template, field, s.value())
          : new StringType(s.value());
    } else if (v instanceof Value.Num n) {
      // a whole number however written (18.00, which the reader and the edit session take in
      // an integer field) is an integer item's valueInteger
      return field.type() == FieldType.INTEGER && n.fits(FieldType.INTEGER)
          && n.value().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
          ? new IntegerType(n.value().intValue()) : new DecimalType(n.value());
    } else if (v instanceof Value.Bool b) {
      return new BooleanType(b.value());
    } else if (v instanceof Value.Date d) {
      return new DateType(d.value().toString());
    } else if (v instanceof Value.DateTime d) {
      return new DateTimeType(iso(d.value()));
    } else if (v instanceof Value.Time t) {
      return new TimeType(t.value().toString().length() == 5 ? t.value() + ":00"
          : t.value().toString());
    } else if (v instanceof Value.Coded c) {
      Coding k = c.coding();
      return new org.hl7.fhir.r4.model.Coding(Systems.uri(k.system()), k.code(), k.display())
          .setVersion(k.version());
    }
    throw new IllegalArgumentException("no answer for a " + v.kind());
  }

  /** A choice: a code of the field's value set as a coding, anything else as text. */
  private static Type choice(Template template, Field field, String value) {
    if (field.valueSet() != null) {
      var set = template.valueSet(field.valueSet().id());
      if (set.isPresent()) {
        for (var c : set.get().concepts()) {
          if (c.code().equals(value)) {
            return new org.hl7.fhir.r4.model.Coding(Systems.uri(set.get().system()), c.code(),
                c.display());
          }
        }
      }
    }
    return new StringType(value);
  }

  private static final java.time.format.DateTimeFormatter SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final java.time.format.DateTimeFormatter MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  /** A time as FHIR writes it: to the second, or the millisecond when it has one. */
  static String iso(OffsetDateTime t) {
    return (t.getNano() == 0 ? SECONDS : MILLIS).format(t);
  }

  /** Moves an item's answers into {@link #INACTIVE} extensions. */
  static void inactive(QuestionnaireResponseItemComponent item) {
    for (QuestionnaireResponseItemAnswerComponent a : item.getAnswer()) {
      item.addExtension(INACTIVE, a.getValue());
    }
    item.setAnswer(new ArrayList<>());
  }

  /**
   * The value the answers of an item give for {@code field}, or {@code null} for none.
   *
   * @throws IllegalArgumentException naming what does not fit the field
   */
  static Value read(Field field, QuestionnaireResponseItemComponent item) {
    List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
    if (answers.isEmpty() && item.hasExtension(INACTIVE)) {
      answers = new ArrayList<>();
      for (Extension e : item.getExtensionsByUrl(INACTIVE)) {
        answers.add(new QuestionnaireResponseItemAnswerComponent().setValue(e.getValue()));
      }
    }
    if (field.type() == FieldType.MULTICHOICE) {
      List<String> out = new ArrayList<>();
      for (var a : answers) {
        out.add(text(a.getValue()));
      }
      return new Value.Choices(out);
    }
    Extension blank = item.getExtensionByUrl(BLANK);
    if (blank != null && answers.isEmpty()) {
      return new Value.Str(new String(((org.hl7.fhir.r4.model.Base64BinaryType) blank.getValue())
          .getValue(), java.nio.charset.StandardCharsets.UTF_8));
    }
    if (answers.isEmpty()) {
      return null;
    }
    if (answers.size() > 1) {
      throw new IllegalArgumentException("has " + answers.size() + " answers; the field takes one");
    }
    Type t = answers.get(0).getValue();
    return switch (field.type()) {
      case TEXT, RICHTEXT, CHOICE -> new Value.Str(text(t));
      case INTEGER, DECIMAL -> new Value.Num(t instanceof IntegerType i
          ? BigDecimal.valueOf(i.getValue()) : ((DecimalType) t).getValue());
      case BOOLEAN -> new Value.Bool(((BooleanType) t).booleanValue());
      case DATE -> new Value.Date(LocalDate.parse(((DateType) t).getValueAsString()));
      case DATETIME -> new Value.DateTime(OffsetDateTime.parse(
          ((DateTimeType) t).getValueAsString()));
      case TIME -> new Value.Time(LocalTime.parse(((TimeType) t).getValue()));
      case CODED -> coded((org.hl7.fhir.r4.model.Coding) t);
      case SIGNATURE -> signed(item);
      default -> null;
    };
  }

  private static String text(Type t) {
    if (t instanceof org.hl7.fhir.r4.model.Coding c) {
      return c.getCode();
    }
    return ((StringType) t).getValue();
  }

  private static Value coded(org.hl7.fhir.r4.model.Coding c) {
    return new Value.Coded(new Coding(c.getCode(), c.getDisplay(), Systems.name(c.getSystem()),
        c.getVersion()));
  }

  private static Value signed(QuestionnaireResponseItemComponent item) {
    Extension e = item.getExtensionByUrl(SIGNATURE);
    if (e == null) {
      throw new IllegalArgumentException("a signature answer needs its " + SIGNATURE);
    }
    Signature sig = (Signature) e.getValue();
    Role role = null;
    for (var type : sig.getType()) {
      if (ROLES.equals(type.getSystem())) {
        role = Role.fromLabel(type.getCode());
      }
    }
    if (role == null) {
      throw new IllegalArgumentException("the signature names no signer role (" + ROLES + ")");
    }
    Reference who = sig.getWho();
    return new Value.Signed(new Signer(new Actor(who.getIdentifier().getValue(),
        who.getDisplay(), role), OffsetDateTime.parse(sig.getWhenElement().getValueAsString())));
  }
}
