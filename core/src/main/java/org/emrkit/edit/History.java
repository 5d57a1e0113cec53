package org.emrkit.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.emrkit.record.Record;

/**
 * The records an edit session went through since it opened or last committed: undo and redo
 * step through them. Package-private; one per session.
 */
final class History {

  /** One undoable step: the record before and after. */
  private record Step(Record before, Record after) {}

  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();
  private Record base;
  private Record current;

  History(Record opened) {
    this.base = opened;
    this.current = opened;
  }

  Record current() {
    return current;
  }

  Record base() {
    return base;
  }

  boolean canUndo() {
    return !undo.isEmpty();
  }

  boolean canRedo() {
    return !redo.isEmpty();
  }

  /** A new step; what was undone can no longer be redone. */
  void push(Record next) {
    undo.push(new Step(current, next));
    redo.clear();
    current = next;
  }

  boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    Step s = undo.pop();
    redo.push(s);
    current = s.before();
    return true;
  }

  boolean redo() {
    if (redo.isEmpty()) {
      return false;
    }
    Step s = redo.pop();
    undo.push(s);
    current = s.after();
    return true;
  }

  /** Fixes the steps so far: they can no longer be undone. */
  Record commit() {
    base = current;
    undo.clear();
    redo.clear();
    return current;
  }
}
