package org.emrkit.record;

import java.time.LocalDate;

/**
 * The patient a record is about. Every member is optional ({@code null} when unknown).
 *
 * @param name name (姓名)
 * @param sex GB/T 2261.1 sex code: 0 unknown, 1 male, 2 female, 9 unspecified
 * @param birthDate date of birth
 * @param mrn medical record number (住院号/病案号)
 * @param idType identity document type code (CV02.01.101)
 * @param idNumber identity document number
 * @param phone phone number
 * @param address address
 */
public record Patient(String name, String sex, LocalDate birthDate, String mrn, String idType,
    String idNumber, String phone, String address) {

  /** A patient with nothing known. */
  public static final Patient EMPTY = new Patient(null, null, null, null, null, null, null, null);

  /** Checks the members. */
  public Patient {
    Checks.optionalLine(name, "patient name", 100);
    if (sex != null && !sex.matches("[0129]")) {
      throw new IllegalArgumentException("patient sex must be a GB/T 2261.1 code 0, 1, 2 or 9, was "
          + sex);
    }
    Checks.optionalLine(mrn, "patient mrn", 64);
    Checks.optionalLine(idType, "patient idType", 16);
    Checks.optionalLine(idNumber, "patient idNumber", 64);
    Checks.optionalLine(phone, "patient phone", 64);
    Checks.optionalLine(address, "patient address", 500);
  }
}
