package org.emrkit.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about a record's situation: patient, encounter, organisation and author.
 * {@code macro} fields read it by dotted path ({@link #lookup}).
 *
 * @param patient the patient
 * @param encounter the encounter
 * @param org the organisation
 * @param author who writes the record, or {@code null}
 */
public record Context(Patient patient, Encounter encounter, Organization org, Actor author) {

  /** A context with nothing known. */
  public static final Context EMPTY =
      new Context(Patient.EMPTY, Encounter.EMPTY, Organization.EMPTY, null);

  /** Replaces missing parts with empty ones. */
  public Context {
    patient = patient == null ? Patient.EMPTY : patient;
    encounter = encounter == null ? Encounter.EMPTY : encounter;
    org = org == null ? Organization.EMPTY : org;
  }

  /**
   * The value at a dotted path as text, e.g. {@code patient.name}, {@code encounter.bed},
   * {@code encounter.events.dischargedAt}, {@code org.name}, {@code author.name}; empty when the
   * path names nothing or the value is unknown.
   */
  public Optional<String> lookup(String path) {
    Objects.requireNonNull(path, "path");
    String[] p = path.split("\\.");
    Object v = switch (p[0]) {
      case "patient" -> p.length == 2 ? patientPart(p[1]) : null;
      case "encounter" -> encounterPart(p);
      case "org" -> p.length != 2 ? null : "id".equals(p[1]) ? org.id()
          : "name".equals(p[1]) ? org.name() : null;
      case "author" -> p.length != 2 || author == null ? null : "id".equals(p[1]) ? author.id()
          : "name".equals(p[1]) ? author.name() : "role".equals(p[1]) ? author.role().label()
          : null;
      default -> null;
    };
    return Optional.ofNullable(v).map(Object::toString);
  }

  /**
   * The value at a dotted path as people read it: as {@link #lookup}, with coded values shown by
   * their names — {@code patient.sex} 1 as 男 (GB/T 2261.1: 0 未知的性别, 1 男, 2 女, 9 未说明的性别),
   * {@code author.role} as 住院医师. What a macro field prints; expressions read {@link #lookup}.
   */
  public Optional<String> display(String path) {
    Optional<String> v = lookup(path);
    if ("patient.sex".equals(path)) {
      return v.map(Context::sexName);
    }
    if ("author.role".equals(path) && author != null) {
      return Optional.of(author.role().title());
    }
    return v;
  }

  /** A GB/T 2261.1 sex code's name (the code itself when it is none of them). */
  static String sexName(String code) {
    return switch (code) {
      case "0" -> "未知的性别";
      case "1" -> "男";
      case "2" -> "女";
      case "9" -> "未说明的性别";
      default -> code;
    };
  }

  private Object patientPart(String name) {
    return switch (name) {
      case "name" -> patient.name();
      case "sex" -> patient.sex();
      case "birthDate" -> patient.birthDate();
      case "mrn" -> patient.mrn();
      case "idType" -> patient.idType();
      case "idNumber" -> patient.idNumber();
      case "phone" -> patient.phone();
      case "address" -> patient.address();
      case "age" -> age();
      default -> null;
    };
  }

  private Object encounterPart(String[] p) {
    if (p.length == 3 && "events".equals(p[1])) {
      return encounter.events().get(p[2]);
    }
    if (p.length != 2) {
      return null;
    }
    return switch (p[1]) {
      case "id" -> encounter.id();
      case "department" -> encounter.department();
      case "ward" -> encounter.ward();
      case "bed" -> encounter.bed();
      case "admittedAt" -> encounter.admittedAt();
      case "condition" -> encounter.condition();
      default -> null;
    };
  }

  /**
   * The patient banner printed under a record's title, label → value, in print order, known
   * values only: 姓名, 性别, 年龄, 科室, 病区, 床号, 住院号.
   */
  public java.util.Map<String, String> banner() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    put(m, "姓名", patient.name());
    put(m, "性别", patient.sex() == null ? null : switch (patient.sex()) {
      case "1", "2" -> sexName(patient.sex());
      default -> "未知";
    });
    Integer a = age();
    put(m, "年龄", a == null ? null : a + "岁");
    put(m, "科室", encounter.department());
    put(m, "病区", encounter.ward());
    put(m, "床号", encounter.bed());
    put(m, "住院号", patient.mrn());
    return m;
  }

  private static void put(java.util.Map<String, String> m, String label, String value) {
    if (value != null) {
      m.put(label, value);
    }
  }

  /** Age in whole years at admission (or unknown without both dates). */
  private Integer age() {
    LocalDate birth = patient.birthDate();
    OffsetDateTime at = encounter.admittedAt();
    if (birth == null || at == null) {
      return null;
    }
    return java.time.Period.between(birth, at.toLocalDate()).getYears();
  }
}
