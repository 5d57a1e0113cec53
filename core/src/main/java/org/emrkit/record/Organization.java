package org.emrkit.record;

/**
 * The hospital (机构) a record was written in.
 *
 * @param id the organisation code, or {@code null}
 * @param name the name printed in page headers, or {@code null}
 */
public record Organization(String id, String name) {

  /** An organisation with nothing known. */
  public static final Organization EMPTY = new Organization(null, null);

  /** Checks the members. */
  public Organization {
    Checks.optionalLine(id, "organization id", 100);
    Checks.optionalLine(name, "organization name", 200);
  }
}
