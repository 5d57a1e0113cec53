// Type declarations for emrkit.js, the EMRKit edit form's script (shipped in the
// emrkit-render-html jar beside it: org/emrkit/render/html/emrkit.d.ts). API version 1.0.0.
// docs/editor.md shows it in use.

/** The record JSON's "values" object (emrkit-record/2): fields by name, groups as arrays. */
export type Values = { [name: string]: Value };
export type Value = string | number | boolean | string[] | Coding | Signed | Values[];

export interface Coding { code: string; display?: string; system?: string; version?: string }
export interface Signed { id: string; name: string; role: string; at: string }

/** A finding to show at its field (what the editing service's report gives). */
export interface Finding {
  /** JSON pointer of the value: /values/temp, /values/nursingRows/2/bp */
  path: string;
  severity?: "error" | "warning" | "info";
  /** The rule's code, for a detail view (field/range, cn/required-item). */
  code?: string;
  /** The message: text, or both languages. */
  message: string | { zh: string; en: string };
}

/** What the terminology hook is asked for a coded field's search box. */
export interface SearchQuery {
  field: string; path: string; system: string | null; valueSet: string | null;
  query: string; limit: number;
}
/** One match: the code, its name, and the part of `text` (code, name or synonym) to mark. */
export interface SearchMatch {
  code: string; display: string; system?: string; version?: string;
  text: string; start: number; end: number;
}
/** What the phrase hook (常用语, F2) is asked. */
export interface PhraseQuery { field: string; path: string; label: string }
export interface Phrase { text: string; title?: string }

export interface Hooks {
  /** Answers a coded field's search box (a terminology service of the host's). */
  search?: (q: SearchQuery) => SearchMatch[] | Promise<SearchMatch[]>;
  /** The phrase library: offered on F2 in a text field and on a narrative box's toolbar, the pick inserted at the caret. */
  phrases?: (q: PhraseQuery) => Phrase[] | Promise<Phrase[]>;
  /** Printing (Ctrl+P, requestPrint): the host's preview or print; without it, "print" fires. */
  print?: (d: { values: Values }) => void;
}

export interface MountOptions {
  /** The edit form's HTML from the server, put in the host element first. */
  html?: string;
  hooks?: Hooks;
  /** Nothing may change (an archived record). */
  readOnly?: boolean;
  /** Only these paths may change (and what lies under them); G/+N: rows of G from N on. */
  editable?: string[] | null;
  /** Paths of signed content: changes there need a reason (see Editor.amending). */
  amend?: string[] | null;
  /** Findings to show at their fields. */
  report?: Finding[];
  /** Show every finding at once (after a save) instead of as each field is left. */
  reveal?: boolean;
  /** Warn before the page is left with unsaved changes (default true). */
  warnOnLeave?: boolean;
}

/**
 * Where each row of a repeating table or group came from, by the group's pointer in the values
 * ("/nursingRows"): the index of the record's entry it shows, or null for a row added in the form.
 */
export interface RowOrigins { [group: string]: Array<number | null> }

export interface EventDetails {
  change: { values: Values; path: string | null };
  dirty: { dirty: boolean };
  save: { values: Values; json: string; rows: RowOrigins };
  sign: { path: string; scope: string };
  print: {};
}

export interface Editor {
  readonly form: HTMLFormElement;
  readonly version: string;
  configure(options: MountOptions): Editor;
  getValues(): Values;
  /** The values as JSON text, numbers exactly as typed (36.80 stays 36.80): what to post. */
  json(): string;
  /** Where each row came from: post it with json() as "rows", so rows move with their signatures. */
  rows(): RowOrigins;
  getValue(path: string): Value | undefined;
  /** Sets a field's value; null clears it. Throws for a path with no field, or a signature. */
  setValue(path: string, value: Value | null): void;
  /** Replaces every value (rows added or removed to match). */
  setValues(values: Values): void;
  /** A JSON Merge Patch (RFC 7386) over the values: objects merge, null removes, arrays replace. */
  patch(patch: Values | { [name: string]: Value | null }): void;
  /** Inserts text at the caret of the field last typed in, or of the field at `path`. */
  insertText(text: string, path?: string | null): boolean;
  readOnly(): boolean;
  setReadOnly(on: boolean): void;
  setEditable(paths: string[] | null): void;
  isEditable(path: string): boolean;
  /** Whether signed content was changed since the last save (ask for the reason). */
  amending(): boolean;
  focus(path: string): boolean;
  /** Shows findings at their fields, each quiet until its field is left (or reveal). */
  showReport(findings: Finding[], options?: { reveal?: boolean }): void;
  reveal(): void;
  findings(): Array<{ path: string; severity: string; code: string; text: string }>;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  isDirty(): boolean;
  /** The host saved: what the form holds is the record now. */
  markSaved(): void;
  /** As Ctrl+S: shows every finding and fires "save". */
  requestSave(): Event;
  /** As Ctrl+P: the print hook, else "print" (else the browser's print). */
  requestPrint(): boolean;
  on<K extends keyof EventDetails>(event: K, listener: (detail: EventDetails[K], event: CustomEvent) => void): () => void;
  destroy(): void;
}

export interface EmrKitApi {
  version: "1.0.0";
  /** Mounts the edit form in (or already in) a host element; the same editor if mounted. */
  mount(host: Element | string, options?: MountOptions): Editor;
  /** Before 1.0, and still: a form's values, its JSON, an expression, a form's editor. */
  values(form: HTMLFormElement): Values;
  json(form: HTMLFormElement): string;
  rows(form: HTMLFormElement): RowOrigins;
  evaluate(expression: string, lookup: (name: string) => unknown): unknown;
  init(form: HTMLFormElement): Editor;
  /** The page-wide search hook, for forms mounted without one. */
  search: Hooks["search"] | null;
}

declare global {
  interface Window { EmrKit: EmrKitApi }
  const EmrKit: EmrKitApi;
}
