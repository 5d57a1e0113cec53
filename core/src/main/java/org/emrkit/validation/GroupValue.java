package org.emrkit.validation;

/**
 * One occurrence of a repeat group or repeating table in a record.
 *
 * @param id the group or table id (the values key)
 * @param path JSON pointer of the list
 * @param rows how many entries the record holds
 * @param min least entries allowed
 * @param max most entries allowed, or {@code null}
 * @param table whether it is a repeating table (else a repeat group)
 * @param active whether the group is shown and validated
 */
public record GroupValue(String id, String path, int rows, int min, Integer max, boolean table,
    boolean active) {}
