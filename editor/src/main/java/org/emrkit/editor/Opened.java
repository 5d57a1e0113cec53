package org.emrkit.editor;

import org.emrkit.edit.Audit;
import org.emrkit.record.Record;
import org.emrkit.template.Template;
import org.emrkit.validation.ValidationReport;

/**
 * A record opened for an actor.
 *
 * @param template the record's template
 * @param record the record as stored
 * @param head the trace head the page is drawn from; a save names it, and is refused as stale
 *     if the record moved on ({@code ""} for a record without a trace)
 * @param form the edit form's HTML (an element, for the host's page)
 * @param report the validation report
 * @param audit the trace audit: whether the record is what its trace says
 * @param readOnly whether nothing in it may be changed (archived)
 */
public record Opened(Template template, Record record, String head, String form,
    ValidationReport report, Audit audit, boolean readOnly) {}
