package org.emrkit.editor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.emrkit.edit.RecordAudit;
import org.emrkit.record.Record;

/** Records in memory for the life of the process (the demo and tests). */
public final class MemoryRecordStore implements RecordStore {

  private final Map<String, Record> records = new ConcurrentHashMap<>();

  /** A store holding these records, keyed by their ids. */
  public MemoryRecordStore(Iterable<Record> initial) {
    for (Record r : initial) {
      if (records.putIfAbsent(r.id(), r) != null) {
        throw new IllegalArgumentException("two records with the id " + r.id());
      }
    }
  }

  @Override
  public Optional<Record> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public List<String> ids() {
    return records.keySet().stream().sorted().toList();
  }

  @Override
  public boolean add(Record record) {
    return records.putIfAbsent(record.id(), record) == null;
  }

  @Override
  public boolean replace(String id, String expectedHead, Record next) {
    boolean[] done = new boolean[1];
    records.computeIfPresent(id, (k, current) -> {
      if (!RecordAudit.head(current).orElse("").equals(expectedHead)) {
        return current;
      }
      done[0] = true;
      return next;
    });
    return done[0];
  }
}
