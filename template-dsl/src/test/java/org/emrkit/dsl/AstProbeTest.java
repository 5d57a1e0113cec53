package org.emrkit.dsl;

import org.emrkit.json.TemplateJson;
import org.junit.jupiter.api.Test;

class AstProbeTest {
  @Test
  void probe() {
    String src = """
        ---
        id: admission-record        # required, [a-z0-9][a-z0-9-]*
        version: 1.0.0              # required, semantic version
        title: 入院记录              # required
        documentType: admission-record   # optional
        department: 心血管内科
        paper: A4
        ---

        # 入院记录

        姓名：{{name: macro source=patient.name}}　性别：{{sex: choice valueset=@sex}}

        ```valueset sex system=GB/T2261.1
        1 男
        2 女
        9 未说明的性别
        0 未知的性别
        ```

        ::: page-header
        {{hospital: macro source=org.name}} 住院号：{{mrn: macro source=patient.mrn}}
        :::

        ::: page-footer
        第 {{= page}} 页 / 共 {{= pages}} 页
        :::

        ## 主诉 {#chief-complaint required de=DE04.01.119.00 code=LOINC:10154-3}

        {{chiefComplaint: text required maxLength=20 de=DE04.01.119.00}}

        ## 体格检查

        |---|---|---|---|
        | 体温 | {{temp: decimal unit="℃" min=34 max=43 precision=1}} | 脉搏 | {{pulse: integer unit="次/分"}} |
        | 血压 | {{sbp: integer unit=mmHg}} / {{dbp: integer unit=mmHg}} | < | < |
        | 专科情况 | {{special: richtext}} | < | < |
        | ^ | 见附表：{{> neuro-exam}} | < | < |
        {: #vitals widths="15%,35%,15%,35%"}

        ::: table #neuro-exam
        |---|---|
        | 肌力 | {{power: choice options="0级|1级|2级|3级|4级|5级"}} |
        :::

        ### 月经史 {when="sex == '2'"}

        ::: if sex == '2'
        月经史：{{menstrual: text}}
        :::

        ## 病程

        ::: repeat #progressNotes min=1 label="日常病程记录"
        {{at: datetime required}}

        {{content: richtext required minLength=10}}

        医师签名：{{signedBy: signature role=resident required}}
        :::

        | 时间 | 体温 |
        |---|---|
        | {{time: time}} | {{t: decimal}} |
        {: #vitalRows repeat minRows=1 maxRows=50}
        """;
    CompileResult r = TemplateCompiler.builder().build().compile(src, "admission.emr.md");
    System.out.println(r.report());
    r.get().ifPresent(t -> System.out.println(TemplateJson.create().write(t)));
  }
}
