// A host page's script in TypeScript against emrkit.d.ts (TypeDeclarationsTest compiles it).
import type { Editor, Finding, SearchMatch } from "./emrkit";

declare function fetchJson(url: string, body?: unknown): Promise<any>;

const editor: Editor = EmrKit.mount("#record", {
  editable: ["/values/nursingRows/+2"],
  amend: ["/values/nursingRows/0"],
  hooks: {
    search: (q) => fetchJson("/terminology?q=" + encodeURIComponent(q.query))
        .then((r) => r.matches as SearchMatch[]),
    phrases: (q) => [{ title: q.label, text: "患者安静入睡。" }],
    print: () => window.open("/records/R-1/preview"),
  },
});
editor.on("save", (d) => fetchJson("/records/R-1/save", { values: JSON.parse(d.json), rows: d.rows })
    .then((r) => {
      const findings: Finding[] = r.findings;
      editor.markSaved();
      editor.showReport(findings, { reveal: true });
    }));
editor.on("sign", (d) => console.log("sign", d.scope));
editor.on("dirty", (d) => { document.title = (d.dirty ? "● " : "") + document.title; });
editor.patch({ nursingRows: null });
editor.setValue("/values/nursingRows/2/t", 36.8);
const ok: boolean = editor.insertText("予吸氧。");
const moved: Array<number | null> | undefined = editor.rows()["/nursingRows"];
console.log(ok, editor.getValues(), EmrKit.version, moved);
