package org.emrkit.edit;

import java.util.List;
import java.util.Optional;
import org.emrkit.record.RecordStatus;

/**
 * What {@link RecordAudit#audit} found: the record's hash chain in order, the status its trace
 * gives it, and everything changed, missing or unvouched for.
 *
 * @param findings what was found, in the order checked; empty when the record is intact
 * @param chain the chain's entries from the first (the record's creation) to the head, as far as
 *     they link
 * @param status the status the trace gives the record (draft when it has no trace)
 */
public record Audit(List<AuditFinding> findings, List<ChainEntry> chain, RecordStatus status) {

  /** Copies the lists. */
  public Audit {
    findings = List.copyOf(findings);
    chain = List.copyOf(chain);
  }

  /** Whether nothing was found. */
  public boolean intact() {
    return findings.isEmpty();
  }

  /** The hash of the chain's last entry, if there is a chain. */
  public Optional<String> head() {
    return chain.isEmpty() ? Optional.empty() : Optional.ofNullable(chain.get(chain.size() - 1)
        .hash());
  }

  /** The number of entries in the chain. */
  public int length() {
    return chain.size();
  }

  /** The first finding, if any. */
  public Optional<AuditFinding> first() {
    return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
  }
}
