package org.emrkit.examples;

/** The command-line tool's usage and each command's help. */
final class Help {

  private Help() {}

  static final String USAGE = """
      usage: emrkit compile TEMPLATE.emr.md [-o TEMPLATE.json] [--terminology DIR]
                           [--check-standard]
             emrkit validate --template T RECORD.json [--format text|json] [--chart]
                             [--trust CA.pem] [--crl CRL] [--anchors LOG] [--require-anchor]
                             [--terminology DIR] [--deductions FILE]
             emrkit render --template T RECORD.json --to FORMAT [-o OUT]
                           [--mode view|edit] [--watermark TEXT] [--printed-by NAME]
                           [--amendments none|appendix|inline] [--empty TEXT] [--blanks]
                           [--no-draft-mark] [--hide-superseded] [--font FILE.ttf]
                           [--print continue|from|pages|all --user ID:NAME:ROLE
                            [--from ENTRY] [--pages 2,3] [--offset X,Y] [--printer NAME]]
             emrkit export --template T [RECORD.json] --to cda|fhir-questionnaire|fhir-response
                           [-o OUT]
             emrkit batch --records DIR --templates DIR --out DIR [--formats pdf,docx,cda,fhir]
                          [--workers N] [--now INSTANT]
             emrkit demo [-o DIR]
             emrkit serve [--port 8080] [--terminology DIR]
             emrkit --version | COMMAND --help
      T is a .emr.md file or template JSON; --template may be given more than once (two
      different templates with one id and version are refused).
      --trust checks every signature's digital signature against these authorities (and
      requires one); --anchors checks records against an anchor log.
      --terminology DIR: the hospital's code lists (DIR/terminology.json, see
      docs/terminology.md); validate checks codes against them (without it, only their form);
      serve searches them (without it, the bundled sample lists).
      FORMAT is html, pdf or docx (or another format on the class path).
      An option's value may follow it or an equals sign: --template T, --template=T.""";

  /** Each command's own help: what it does, then its usage. */
  static final java.util.Map<String, String> HELP = java.util.Map.of(
      "compile", """
          emrkit compile TEMPLATE.emr.md [-o TEMPLATE.json] [--terminology DIR]
                         [--check-standard]
          编译 EMR Markdown 模板为模板 JSON / compiles an EMR Markdown template to template JSON.
          Diagnostics go to stderr as file:line:column: severity code: message. With
          --terminology, a value set or code system the lists lack is an error. With
          --check-standard, a required item of its document type the template has no place for
          (病历书写基本规范) is an error too.
          Exit 0 compiled, 1 the template has errors, 2 unusable input.""",
      "validate", """
          emrkit validate --template T RECORD.json [--format text|json] [--chart]
                          [--trust CA.pem] [--crl CRL] [--anchors LOG] [--require-anchor]
                          [--terminology DIR] [--deductions FILE]
          按病历书写基本规范校验病历 / checks a record (or, with --chart, several records of one
          stay) against the field rules, the writing standard and the integrity checks.
          --trust: check every signature's CMS proof against these authorities (PEM);
          --crl: revocation lists; --anchors: an anchor log; --require-anchor: a record with no
          anchor is a finding. --terminology: the code lists codes are checked against
          (DIR/terminology.json; without it, only the codes' form); --deductions: the
          hospital's scoring table, one code,points per line (field/range,2).
          Exit 0 no errors, 1 error findings, 2 unusable input.""",
      "render", """
          emrkit render --template T RECORD.json --to FORMAT [-o OUT]
                        [--mode view|edit] [--watermark TEXT] [--printed-by NAME]
                        [--amendments none|appendix|inline] [--empty TEXT] [--blanks]
                        [--no-draft-mark] [--hide-superseded] [--font FILE.ttf]
                        [--print continue|from|pages|all --user ID:NAME:ROLE [--from ENTRY]
                         [--pages 2,3] [--offset X,Y] [--printer NAME]]
          输出 HTML、PDF 或 DOCX / renders a record; OUT is written atomically (a failed render
          leaves the previous file as it was). HTML may go to stdout; PDF and DOCX need -o.
          --printed-by: the print stamp 打印人/打印时间 in the footer.
          --amendments: 修改记录 after the record (appendix) or 痕迹打印 (inline: struck in red,
          put in underlined, with who and when); default none.
          --empty: what an empty field prints (such as / or 无); default nothing.
          --blanks: a draft's empty fields print as lines to write on.
          --no-draft-mark: a draft prints without the 草稿 watermark.
          --hide-superseded: a signature an amendment superseded prints as an empty signature
          line (default: struck through, marked 已修改 with when).
          --font: a TrueType font for characters the bundled fonts lack (CJK Extension B and
          on, in patients' names), tried before HanaMinB (fonts-hanazono) and SimSun-ExtB.
          --print (PDF): 打印 and 续打 against the record's print log, which is read from
          RECORD.json and the print added to it (RECORD.json is rewritten): continue (续打: what
          is not printed yet, from under the last printed row, on that sheet), from (位置续打:
          from --from ENTRY, a JSON pointer like /nursingRows/12), pages (重打: --pages 2,3 or
          2-4, whole), all. --user: who prints (the stamp and the log name them; taken as given:
          the command line has no log-in). --offset X,Y:
          feed offset in mm (right, down). --printer: the printer's name for the log.""",
      "export", """
          emrkit export --template T [RECORD.json] --to cda|fhir-questionnaire|fhir-response
                        [-o OUT]
          导出共享文档 / exports a record as a WS/T 500 shared document (cda: HL7 CDA R2 XML)
          or a FHIR R4 QuestionnaireResponse (fhir-response), or the template as a FHIR R4
          Questionnaire (fhir-questionnaire, no RECORD.json). Export findings (a required
          WS/T 500 element the record cannot fill, a code system with no OID) go to stderr as
          pointer: warning code: message; nothing is invented for them. OUT is written
          atomically; without -o the document goes to stdout. See docs/interop.md.
          Exit 0 exported, 2 unusable input or an OUT that cannot be written.""",
      "batch", """
          emrkit batch --records DIR --templates DIR --out DIR [--formats pdf,docx,cda,fhir]
                       [--workers N] [--now INSTANT]
          病案归档与终末质控 / archives and scores a directory of records (*.json, *.jsonl) on
          Apache Beam's direct runner: each record validated, rendered (pdf: PDF/A-2b, the
          default; none: validation only), hashed and written to OUT/archive/PATIENT/ENCOUNTER/;
          OUT/manifest.jsonl, OUT/dead-letters.jsonl (what could not be read, checked or
          rendered, with why and where), OUT/qc-report.json and .html. Run again on the same
          OUT: what is archived and unchanged is skipped, so an interrupted run resumes.
          --formats: any render format on the class path (pdf, html, docx, cda) and fhir.
          --workers: threads (default: the processors). --now: the time the time-limit rules
          count to (default: now). On a cluster: see docs/batch.md.
          Exit 0 when the counts add up, 1 otherwise, 2 unusable input.""",
      "demo", """
          emrkit demo [-o DIR]
          演示 / validates the bundled records, renders each as HTML, PDF and DOCX, takes one
          入院记录 through an edit session, exports one WS/T 500 CDA document and one FHIR
          QuestionnaireResponse, and writes everything to DIR (default emrkit-demo).""",
      "serve", """
          emrkit serve [--port 8080] [--terminology DIR]
          演示编辑器 / the demo editor on http://127.0.0.1:PORT/ (0 picks a free port). Log in as
          a demo user (liming, wangqiang, chenhua, wudi, zhaofang, sunli, qianmin; password
          emrkit-demo). Coded fields search the code lists of --terminology DIR, or the bundled
          sample lists. Ctrl-C stops it.""");
}
