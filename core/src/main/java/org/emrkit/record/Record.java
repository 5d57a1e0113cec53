package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.emrkit.template.Template;

/**
 * A filled record (wire format {@code emrkit-record/1}): which template it was filled from, the
 * host context, the values, status, signatures and revision trace. Immutable and thread-safe.
 * Records change only through the edit session, which returns new records.
 *
 * @param id the host's record id
 * @param template the template it was filled from
 * @param embeddedTemplate the template itself, when the record carries it for archiving (must be
 *     the one {@code template} names), or {@code null}
 * @param status draft, signed or archived
 * @param context patient, encounter, organisation, author
 * @param values the values, keyed by field name
 * @param completedAt when the author finished writing, or {@code null}
 * @param signatures signatures, in the order they were made
 * @param revisions the revision trace, in order
 * @param extensions the host's own data: compact JSON text of an object, kept as it was read
 */
public record Record(String id, TemplateRef template, Template embeddedTemplate,
    RecordStatus status, Context context, Values values, OffsetDateTime completedAt,
    List<Signature> signatures, List<Revision> revisions, String extensions) {

  /** Checks the members. */
  public Record {
    Checks.line(id, "record id", 100);
    Objects.requireNonNull(template, "template");
    if (embeddedTemplate != null && !template.matches(embeddedTemplate)) {
      throw new IllegalArgumentException("record names template " + template
          + " but carries " + embeddedTemplate.reference());
    }
    Objects.requireNonNull(status, "status");
    context = context == null ? Context.EMPTY : context;
    values = values == null ? Values.EMPTY : values;
    signatures = List.copyOf(signatures == null ? List.of() : signatures);
    revisions = List.copyOf(revisions == null ? List.of() : revisions);
    extensions = extensions == null ? "{}" : extensions;
    if (!extensions.startsWith("{") || !extensions.endsWith("}")) {
      throw new IllegalArgumentException("extensions must be the JSON text of an object");
    }
  }

  /** A new draft record of the template, with no values. */
  public static Record draft(String id, Template template, Context context) {
    return new Record(id, TemplateRef.of(template), null, RecordStatus.DRAFT, context,
        Values.EMPTY, null, List.of(), List.of(), "{}");
  }

  /** This record with other values. */
  public Record withValues(Values newValues) {
    return new Record(id, template, embeddedTemplate, status, context, newValues, completedAt,
        signatures, revisions, extensions);
  }

  /** This record with the template embedded (for self-contained archiving). */
  public Record withEmbeddedTemplate(Template t) {
    return new Record(id, template, t, status, context, values, completedAt, signatures,
        revisions, extensions);
  }

  /** This record with another completion time. */
  public Record withCompletedAt(OffsetDateTime at) {
    return new Record(id, template, embeddedTemplate, status, context, values, at, signatures,
        revisions, extensions);
  }

  /** The embedded template, if the record carries one. */
  public Optional<Template> carriedTemplate() {
    return Optional.ofNullable(embeddedTemplate);
  }
}
