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
