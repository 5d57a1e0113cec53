package org.emrkit.interop.cda;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrkit.interop.cda.Body.Entry;
import org.emrkit.record.Actor;
import org.emrkit.record.Context;
import org.emrkit.record.Encounter;
import org.emrkit.record.Patient;
import org.emrkit.record.Record;
import org.emrkit.record.Signer;

/**
 * Writes the header of a WS/T 500 shared document: realm, type, template, document id, code,
 * title, time, confidentiality, language, version; the patient with 住院号 and 身份证件号 under
 * the standard's OIDs; the authors and the legal authenticator from the record's valid
 * signatures (the authenticator the highest-ranked signer, the others authenticators); the
 * custodian; the encounter with its department, ward, bed and admission time. Elements the
 * record cannot fill are written with a null flavour where the schema requires them and
 * reported by the exporter.
 */
final class Header {

  /** OIDs of WS/T 500 identifiers (WS/T 500.1 / 卫生信息标识体系). */
  static final String DOCUMENT_ID = "2.16.156.10011.1.1";
  static final String ID_CARD = "2.16.156.10011.1.3";
  static final String PROFESSIONAL = "2.16.156.10011.1.4";
  static final String ORGANISATION = "2.16.156.10011.1.5";
  static final String AUTHOR = "2.16.156.10011.1.7";
  static final String INPATIENT_NUMBER = "2.16.156.10011.1.12";
  static final String BED = "2.16.156.10011.1.22";
  static final String DEPARTMENT = "2.16.156.10011.1.26";
  static final String WARD = "2.16.156.10011.1.27";
  static final String DOCUMENT_CODES = "2.16.156.10011.2.4";

  private final Xml x;

  Header(Xml x) {
    this.x = x;
  }

  void write(Profiles.Document doc, Record r, OffsetDateTime now, List<Signer> signers,
      Map<String, Entry> demographics) {
    x.empty("realmCode", "code", "CN");
    x.empty("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_MT000040");
    x.empty("templateId", "root", doc.templateId());
    // each version its own document id; the set id names the record across versions
    int version = r.revisions().size() + 1;
    x.empty("id", "root", DOCUMENT_ID, "extension", r.id() + "-v" + version);
    x.empty("code", "code", doc.code(), "codeSystem", DOCUMENT_CODES, "codeSystemName",
        "卫生信息共享文档规范编码体系", "displayName", doc.title());
    x.element("title", doc.title());
    x.empty("effectiveTime", "value", Typed.ts(now).value());
    x.empty("confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25",
        "codeSystemName", "Confidentiality", "displayName", "正常访问保密级别");
    x.empty("languageCode", "code", "zh-CN");
    x.empty("setId", "root", DOCUMENT_ID, "extension", r.id());
    x.empty("versionNumber", "value", Integer.toString(version));
    patient(r.context().patient(), demographics);
    List<Signer> people = distinct(signers);
    if (people.isEmpty()) {
      Actor a = r.context().author();
      OffsetDateTime at = r.completedAt() != null ? r.completedAt() : now;
      author(a == null ? null : new Signer(a, at));
    } else {
      for (Signer s : people) {
        author(s);
      }
    }
    custodian(r.context());
    if (!people.isEmpty()) {
      Signer legal = people.stream()
          .max(Comparator.comparingInt((Signer s) -> s.actor().role().rank())
              .thenComparing(Signer::at))
          .orElseThrow();
      authenticator("legalAuthenticator", legal);
      for (Signer s : people) {
        if (s != legal) {
          authenticator("authenticator", s);
        }
      }
    }
    if (version > 1) {
      // this version replaces the one before it
      x.start("relatedDocument").attr("typeCode", "RPLC").start("parentDocument");
      x.empty("id", "root", DOCUMENT_ID, "extension", r.id() + "-v" + (version - 1));
      x.empty("setId", "root", DOCUMENT_ID, "extension", r.id());
      x.empty("versionNumber", "value", Integer.toString(version - 1));
      x.end().end();
    }
    encounter(r.context());
  }

  /** Each signer once, at their first valid signature the record shows. */
  private static List<Signer> distinct(List<Signer> signers) {
    Map<String, Signer> m = new LinkedHashMap<>();
    for (Signer s : signers) {
      m.putIfAbsent(s.actor().id(), s);
    }
    return new ArrayList<>(m.values());
  }

  private void patient(Patient p, Map<String, Entry> demographics) {
    x.start("recordTarget").attr("typeCode", "RCT", "contextControlCode", "OP");
    x.start("patientRole").attr("classCode", "PAT");
    id(INPATIENT_NUMBER, p.mrn());
    if (p.address() != null) {
      x.start("addr").attr("use", "H").text(p.address()).end();
    }
    if (p.phone() != null) {
      x.empty("telecom", "value", "tel:" + p.phone().replace(" ", ""));
    }
    x.start("patient").attr("classCode", "PSN", "determinerCode", "INSTANCE");
    if (p.idNumber() != null && (p.idType() == null || p.idType().equals("01"))) {
      x.empty("id", "root", ID_CARD, "extension", p.idNumber());
    }
    if (p.name() != null) {
      x.element("name", p.name());
    } else {
      x.empty("name", "nullFlavor", "UNK");
    }
    Entry sexField = demographics.get("DE02.01.040.00");
    String sex = p.sex() != null ? p.sex() : sexField == null ? null : sexField.value().value();
    if (sex != null) {
      x.empty("administrativeGenderCode", "code", sex, "codeSystem", "2.16.156.10011.2.3.3.4",
          "codeSystemName", "生理性别代码表（GB/T 2261.1）", "displayName", sexName(sex));
    } else {
      x.empty("administrativeGenderCode", "nullFlavor", "UNK");
    }
    if (p.birthDate() != null) {
      x.empty("birthTime", "value", Typed.ts(p.birthDate()).value());
    }
    Entry marital = demographics.get("DE02.01.018.00");
    if (marital != null && marital.value().type().equals("CD")) {
      x.empty("maritalStatusCode", "code", marital.value().value(), "codeSystem",
          "2.16.156.10011.2.3.3.5", "codeSystemName", "婚姻状况代码表（GB/T 2261.2）",
          "displayName", marital.value().display());
    }
    x.end().end().end();
  }

  private static String sexName(String code) {
    return switch (code) {
      case "1" -> "男性";
      case "2" -> "女性";
      case "9" -> "未说明的性别";
      default -> "未知的性别";
    };
  }

  private void author(Signer s) {
    x.start("author").attr("typeCode", "AUT", "contextControlCode", "OP");
    x.empty("time", s == null ? "nullFlavor" : "value", s == null ? "UNK"
        : Typed.ts(s.at()).value());
    x.start("assignedAuthor").attr("classCode", "ASSIGNED");
    id(AUTHOR, s == null ? null : s.actor().id());
    if (s != null) {
      x.empty("code", "displayName", s.actor().role().title());
      person(s.actor().name());
    }
    x.end().end();
  }

  private void authenticator(String element, Signer s) {
    x.start(element);
    x.empty("time", "value", Typed.ts(s.at()).value());
    x.empty("signatureCode", "code", "S");
    x.start("assignedEntity");
    id(PROFESSIONAL, s.actor().id());
    x.empty("code", "displayName", s.actor().role().title());
    person(s.actor().name());
    x.end().end();
  }

  private void person(String name) {
    x.start("assignedPerson").attr("classCode", "PSN", "determinerCode", "INSTANCE");
    x.element("name", name);
    x.end();
  }

  private void custodian(Context c) {
    x.start("custodian").attr("typeCode", "CST");
    x.start("assignedCustodian").attr("classCode", "ASSIGNED");
    x.start("representedCustodianOrganization").attr("classCode", "ORG", "determinerCode",
        "INSTANCE");
    id(ORGANISATION, c.org().id());
    if (c.org().name() != null) {
      x.element("name", c.org().name());
    }
    x.end().end().end();
  }

  private void encounter(Context c) {
    Encounter e = c.encounter();
    x.start("componentOf").start("encompassingEncounter");
    if (e.admittedAt() != null) {
      x.empty("effectiveTime", "value", Typed.ts(e.admittedAt()).value());
    } else {
      x.empty("effectiveTime", "nullFlavor", "UNK");
    }
    String[][] parts = {{BED, e.bed()}, {DEPARTMENT, e.department()}, {WARD, e.ward()},
        {ORGANISATION, c.org().name() == null ? null : c.org().id()}};
    List<String[]> present = new ArrayList<>();
    for (String[] p : parts) {
      if (p[1] != null) {
        present.add(p);
      }
    }
    if (!present.isEmpty()) {
      x.start("location").start("healthCareFacility").start("serviceProviderOrganization");
      for (String[] p : present) {
        x.start("asOrganizationPartOf").attr("classCode", "PART");
        x.start("wholeOrganization").attr("classCode", "ORG", "determinerCode", "INSTANCE");
        x.empty("id", "root", p[0], "extension", p[1]);
        x.element("name", p[0].equals(ORGANISATION) ? c.org().name() : p[1]);
      }
      for (int i = 0; i < present.size(); i++) {
        x.end().end();
      }
      x.end().end().end();
    }
    x.end().end();
  }

  private void id(String root, String extension) {
    if (extension == null) {
      x.empty("id", "nullFlavor", "UNK");
    } else {
      x.empty("id", "root", root, "extension", extension);
    }
  }
}
