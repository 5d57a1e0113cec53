package org.emrkit.terminology;

import java.util.List;
import java.util.Optional;
import org.emrkit.template.Concept;

/**
 * The host's code tables (ICD-10 clinical version, ICD-9-CM-3, local dictionaries), keyed by
 * value-set id as templates name them ({@code valueset=@host:icd10-clinical-2.0} is looked up as
 * {@code icd10-clinical-2.0}). Implementations must be thread-safe. EMRKit bundles no full code
 * table; {@link InMemoryTerminology} holds tables a host loads.
 */
public interface TerminologyService {

  /** Whether this service has the value set. */
  boolean knows(String valueSetId);

  /** The concept with this code in the value set. */
  Optional<Concept> lookup(String valueSetId, String code);

  /** Whether the code is valid in the value set (by default: it can be looked up). */
  default boolean validate(String valueSetId, String code) {
    return lookup(valueSetId, code).isPresent();
  }

  /** Up to {@code limit} concepts whose code or display starts with {@code prefix}. */
  List<Concept> search(String valueSetId, String prefix, int limit);

  /** A service that knows no value set. */
  static TerminologyService none() {
    return InMemoryTerminology.builder().build();
  }
}
