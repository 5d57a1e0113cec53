/**
 * The record model: a filled {@link org.emrkit.record.Record} with its context, typed
 * {@link org.emrkit.record.Values}, signatures and revision trace, and the
 * {@link org.emrkit.record.Chart} of one encounter.
 */
package org.emrkit.record;
