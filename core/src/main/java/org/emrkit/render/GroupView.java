package org.emrkit.render;

import org.emrkit.template.Block;

/**
 * A repeat group, or the repeated rows of a repeating table, as the walk reaches it. Its
 * entries follow as {@link EntryView}s.
 *
 * @param block the template's {@link org.emrkit.template.RepeatGroup}, or the repeating
 *     {@link org.emrkit.template.Table} whose rows these are
 * @param id the group's or table's id (the key of its list in the record's values)
 * @param path JSON pointer of the list ({@code /values/diagnoses})
 * @param min least entries allowed
 * @param max most entries allowed, or {@code null}
 * @param label what one entry is called ({@code 诊断}), or {@code null}
 * @param table whether these are a repeating table's rows
 * @param entries how many entries the record holds
 * @param visible whether it shows
 */
public record GroupView(Block block, String id, String path, int min, Integer max, String label,
    boolean table, int entries, boolean visible) {}
