package org.emrkit.edit;

import java.util.List;
import java.util.Optional;
import org.emrkit.record.Revision;

/**
 * What an edit did: either it was applied and these revisions were added to the trace (none when
 * the edit changed nothing), or it was refused and the record is as it was.
 *
 * @param refusal why the edit was refused, or {@code null} when it was applied
 * @param revisions the revisions the edit added, in order (empty when refused)
 */
public record EditResult(Refusal refusal, List<Revision> revisions) {

  /** Copies the list. */
  public EditResult {
    revisions = List.copyOf(revisions);
  }

  static EditResult applied(List<Revision> revisions) {
    return new EditResult(null, revisions);
  }

  static EditResult refused(Refusal refusal) {
    return new EditResult(refusal, List.of());
  }

  /** Whether the edit was applied. */
  public boolean isApplied() {
    return refusal == null;
  }

  /** The refusal, if the edit was refused. */
  public Optional<Refusal> refused() {
    return Optional.ofNullable(refusal);
  }
}
