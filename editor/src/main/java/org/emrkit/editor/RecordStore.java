package org.emrkit.editor;

import java.util.List;
import java.util.Optional;
import org.emrkit.record.Record;

/**
 * Where the host keeps records. A change is stored only if the record is still what the
 * editor read (its trace head), so two saves from two pages cannot both win.
 */
public interface RecordStore {

  /** The record with this id, if there is one. */
  Optional<Record> find(String id);

  /** The ids of the records held, for a list page (a host with many records pages its own). */
  List<String> ids();

  /** Adds a new record; false if the id is taken. */
  boolean add(Record record);

  /**
   * Replaces the record if its trace head is still {@code expectedHead} ({@code ""} for a
   * record without a trace); false, and nothing changed, when it is not.
   */
  boolean replace(String id, String expectedHead, Record next);
}
