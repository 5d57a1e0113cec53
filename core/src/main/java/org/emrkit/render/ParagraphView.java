package org.emrkit.render;

import java.util.List;
import org.emrkit.template.Paragraph;

/**
 * A paragraph as the walk reaches it. Fields that do not show are left out of {@link #runs()}
 * unless the walk includes hidden content (edit forms), where they come with
 * {@link FieldView#visible()} false.
 *
 * @param paragraph the template's paragraph
 * @param runs its runs
 */
public record ParagraphView(Paragraph paragraph, List<Run> runs) {}
