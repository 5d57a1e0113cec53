package org.emrkit.edit;

import java.util.List;

/**
 * Where records' chain heads are written down outside the records, so that a record cut short or
 * rewritten by someone who can change the stored record (and knows how the chain is computed) is
 * found: the host's append-only store. It must be kept where those who can change stored records
 * cannot change or delete what it holds: write-once storage, another system's database, a
 * time-stamping authority's tokens kept with it. {@link FileAnchorLog} is a file-based one for
 * demos and small installations.
 *
 * <p>An {@link EditSession} with an anchor log anchors the record's head at every commit; the
 * integrity rule pack checks a record against every anchor of its id.
 */
public interface AnchorLog {

  /**
   * Writes an anchor down for good.
   *
   * @throws java.io.UncheckedIOException when it cannot (the commit then fails, and nothing is
   *     lost: the session keeps its edits)
   */
  void append(Anchor anchor);

  /**
   * The anchors written for a record, oldest first.
   *
   * @throws java.io.UncheckedIOException when the log cannot be read
   * @throws IllegalStateException when the log holds something that is not an anchor
   */
  List<Anchor> anchors(String recordId);
}
