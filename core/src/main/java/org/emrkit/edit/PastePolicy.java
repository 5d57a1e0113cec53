package org.emrkit.edit;

import java.util.Objects;
import java.util.Optional;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;

/**
 * Whether text copied from one record may be pasted into another (复制粘贴管理). The host asks
 * the edit session ({@link EditSession#checkPaste}) before it pastes; the default refuses text
 * from another patient's record, which is how copied findings end up in the wrong chart.
 */
@FunctionalInterface
public interface PastePolicy {

  /**
   * Where copied text came from.
   *
   * @param recordId the record it was copied from
   * @param patient that record's patient
   */
  record Source(String recordId, Patient patient) {
    /** Checks the members. */
    public Source {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(patient, "patient");
    }

    /** The source of text copied from this record. */
    public static Source of(Record record) {
      return new Source(record.id(), record.context().patient());
    }
  }

  /** Decides: empty to allow pasting into {@code path} of {@code target}, or why not. */
  Optional<Refusal> decide(Source source, Record target, String path);

  /**
   * The default: allow only when both records are of the same patient, known by the same
   * medical record number or, where either has none, by the same name, sex and birth date.
   */
  static PastePolicy samePatientOnly() {
    return (source, target, path) -> {
      Patient a = source.patient();
      Patient b = target.context().patient();
      boolean same = a.mrn() != null && b.mrn() != null ? a.mrn().equals(b.mrn())
          : a.name() != null && a.sex() != null && a.birthDate() != null
              && a.name().equals(b.name()) && a.sex().equals(b.sex())
              && a.birthDate().equals(b.birthDate());
      if (same) {
        return Optional.empty();
      }
      return Optional.of(new Refusal("edit/paste-other-patient", path,
          "不能将其他患者病历(" + source.recordId() + ")中的内容粘贴到本病历",
          "text from another patient's record (" + source.recordId()
              + ") may not be pasted into this record"));
    };
  }
}
