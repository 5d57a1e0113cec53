package org.emrkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emrkit.dsl.TemplateCompiler;
import org.emrkit.edit.EditResult;
import org.emrkit.edit.EditSession;
import org.emrkit.edit.RecordAudit;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Record;
import org.emrkit.record.RecordStatus;
import org.emrkit.record.Role;
import org.emrkit.record.Value;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

/** The lifecycle example of docs/editing.md, run as a test; a second test keeps the doc in step. */
class EditingDocExampleTest {

  @Test
  void lifecycleExample() {
    // --- editing example start
    Template template = TemplateCompiler.builder().build().compile("""
        ---
        id: note
        version: 1.0.0
        title: 病程记录
        documentType: progress-note
        ---
        ## 病程记录 {#note}

        {{content: richtext required}}

        医师签名：{{residentSignature: signature role=resident}}　上级医师：{{attendingSignature: signature role=attending}}
        """, "note.emr.md").orElseThrow();
    Actor resident = new Actor("u-1001", "李明", Role.RESIDENT);
    Actor attending = new Actor("u-2001", "王强", Role.ATTENDING);
    Actor qc = new Actor("u-9001", "钱敏", Role.QC);
    Record draft = Record.draft("R-1", template, new Context(null, null, null, resident));

    // 1 write: every change is checked, traced (修改留痕) and can be undone until commit
    EditSession writing = EditSession.open(template, draft, resident);
    writing.set("/content", new Value.Str("患者胸闷缓解。"));
    writing.set("/content", new Value.Str("患者胸闷缓解，继续当前治疗。"));
    writing.undo();
    writing.redo();
    // 2 sign: draft → signed; fills 医师签名; hashes what it covers
    writing.sign("");
    Record signed = writing.commit();             // store RecordJson.create().write(signed)

    // 3 review (三级审签): a senior countersigns
    EditSession review = EditSession.open(template, signed, attending);
    review.sign("");
    Record reviewed = review.commit();

    // 4 amend: signed content needs a reason and a role at least as high as its signers
    EditResult refused = EditSession.open(template, reviewed, resident)
        .set("/content", new Value.Str("患者胸闷缓解。"), "笔误");
    System.out.println(refused.refusal());        // edit/rank /content: 该内容已由主治医师王强签名…
    EditSession amend = EditSession.open(template, reviewed, attending);
    amend.set("/content", new Value.Str("患者胸闷缓解，加用阿托伐他汀。"), "补充用药");
    amend.sign("");                               // the earlier signatures are superseded
    Record amended = amend.commit();

    // 5 archive (归档): nothing changes it afterwards
    EditSession office = EditSession.open(template, amended, qc);
    office.archive();
    Record archived = office.commit();
    System.out.println(RecordAudit.audit(template, archived).intact());  // true: chain, content
    // --- editing example end
    assertThat(refused.refusal().code()).isEqualTo("edit/rank");
    assertThat(archived.status()).isEqualTo(RecordStatus.ARCHIVED);
    assertThat(archived.revisions()).extracting(r -> r.path().wire()).containsExactly("/@record",
        "/content", "/content", "/@status", "/content", "/@signatures/sig-1/superseded",
        "/@signatures/sig-2/superseded", "/@status");
    assertThat(archived.signatures()).hasSize(3);
    assertThat(RecordAudit.audit(template, archived).intact()).isTrue();
    assertThat(RecordJson.create().read(RecordJson.create().write(archived), template).isOk())
        .isTrue();
    assertThat(EditSession.open(template, archived, attending)
        .set("/content", new Value.Str("x"), "y").refusal().code()).isEqualTo("edit/archived");
  }

  @Test
  void editingDocShowsThisExample() throws IOException {
    String test = Files.readString(
        Path.of("src/test/java/org/emrkit/examples/EditingDocExampleTest.java"));
    String example = test.substring(test.indexOf("// --- editing example start") + 29,
        test.indexOf("    // --- editing example end"));
    String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(Files.readString(Path.of("../docs/editing.md"))).contains(unindented.strip());
  }
}
