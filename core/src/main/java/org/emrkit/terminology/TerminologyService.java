package org.emrkit.terminology;

import java.util.Optional;
import org.emrkit.template.Field;
import org.emrkit.template.Template;
import org.emrkit.template.ValueSet;

/**
 * The host's code systems and value sets: ICD-10 国家临床版 2.0, ICD-9-CM-3 临床版 3.0, local
 * dictionaries. Templates bind a coded field to a system ({@code system=icd10-clinical|2.0}, or
 * {@code system=ICD-10} for whichever edition the host codes with) or to a value set ({@code
 * valueset=@host:icd10-clinical-2.0} is looked up as {@code icd10-clinical-2.0}). The validator
 * checks codes against these tables; the editor searches them. Implementations must be
 * thread-safe. EMRKit bundles no national code list; {@link InMemoryTerminology} holds the
 * tables a host loads ({@code emrkit-terminology} reads the published spreadsheets).
 */
public interface TerminologyService {

  /** The host value set {@code id} (without the {@code host:} prefix). */
  Optional<CodeTable> valueSet(String id);

  /**
   * The code system: that id and version; without a version, the version the host codes with;
   * an id the host maps to one of its systems ({@code ICD-10}) is followed.
   */
  Optional<CodeTable> system(CodeSystemRef ref);

  /**
   * The value set a template defines, as a searchable table. By default built on each call
   * without 拼音 readings; {@link InMemoryTerminology} caches it and reads 拼音.
   */
  default CodeTable templateValueSet(Template template, ValueSet set) {
    return InMemoryTerminology.table(set, Readings.none());
  }

  /**
   * The table a choice or coded field draws its codes from: its value set (the template's or
   * the host's), else its code system; empty when the host does not have it (then only the
   * code's form can be checked).
   */
  default Optional<CodeTable> table(Template template, Field field) {
    if (field.valueSet() != null) {
      String id = field.valueSet().id();
      if (field.valueSet().isHost()) {
        return valueSet(id.substring("host:".length()));
      }
      return template.valueSet(id).map(v -> templateValueSet(template, v));
    }
    return field.system() == null ? Optional.empty()
        : system(CodeSystemRef.parse(field.system()));
  }

  /** Whether this service has the host value set. */
  default boolean knows(String valueSetId) {
    return valueSet(valueSetId).isPresent();
  }

  /** The entry with this code in the host value set. */
  default Optional<CodeEntry> lookup(String valueSetId, String code) {
    return valueSet(valueSetId).flatMap(t -> t.find(code));
  }

  /** Whether the code is in the host value set. */
  default boolean validate(String valueSetId, String code) {
    return lookup(valueSetId, code).isPresent();
  }

  /** A service that has no table. */
  static TerminologyService none() {
    return InMemoryTerminology.builder().build();
  }
}
