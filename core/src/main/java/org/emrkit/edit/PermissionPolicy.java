package org.emrkit.edit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.record.Actor;
import org.emrkit.record.RecordStatus;

/**
 * Decides who may do what to which record: the host's rules for writing, signing, reviewing,
 * amending and archiving (电子病历应用管理规范 第十四至十六条). Pluggable; {@link #defaults()} is a
 * {@link PolicyTable} read from a small declarative table. The edit session asks the policy
 * once per changed path (and once per signature or status change) before it changes anything.
 *
 * <p>Rules the session enforces whatever the policy says: nothing changes an archived record;
 * status only moves forward; changing signed content needs a reason and a role at least as high
 * as every signer of that content; a review needs a role higher than every signer.
 */
@FunctionalInterface
public interface PermissionPolicy {

  /**
   * What is asked.
   *
   * @param actor who asks
   * @param action what they ask to do
   * @param documentType the template's document type ({@code admission-record}...), or
   *     {@code null}
   * @param status the record's status when asked
   * @param author the record's author, or {@code null} when the record names none
   * @param path JSON pointer into values of what is changed or signed ({@code ""} for the whole
   *     record)
   * @param sections the ids of the sections the path lies in, outermost first (empty when none)
   * @param since when the time window starts: for {@code AMEND} the earliest valid signature
   *     covering the path, for {@code REVIEW} the earliest valid signature of the scope;
   *     otherwise {@code null}
   * @param now the session clock's time
   */
  record Request(Actor actor, EditAction action, String documentType, RecordStatus status,
      Actor author, String path, List<String> sections, OffsetDateTime since,
      OffsetDateTime now) {

    /** Checks the members. */
    public Request {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(path, "path");
      sections = List.copyOf(sections);
      Objects.requireNonNull(now, "now");
    }

    /** Whether the actor is the record's author. */
    public boolean own() {
      return author != null && author.id().equals(actor.id());
    }
  }

  /**
   * Decides a request: empty to allow it, or the refusal to give.
   */
  Optional<Refusal> decide(Request request);

  /** The default policy (the table in {@code default-policy.tsv}, see {@link PolicyTable}). */
  static PermissionPolicy defaults() {
    return PolicyTable.defaults();
  }

  /** A policy that allows everything the session's own rules allow (for tests and tools). */
  static PermissionPolicy allowAll() {
    return r -> Optional.empty();
  }
}
