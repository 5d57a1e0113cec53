package org.emrkit.conformance;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled classes of every library
 * module: no package cycles anywhere, the layers of core, and which module may use which.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("org.emrkit");
  }

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    // an API package and its internal implementation package are one unit: the compiler's
    // internals report through the API's Diagnostic and CompileResult
    slices().matching("org.emrkit.(**)").should().beFreeOfCycles()
        .ignoreDependency(resideInAPackage("org.emrkit.dsl.internal.."),
            resideInAPackage("org.emrkit.dsl"))
        .check(classes);
  }

  @Test
  void problemsDependOnNothingElseOfOurs() {
    noClasses().that().resideInAPackage("org.emrkit.problem..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.template..", "org.emrkit.record..",
            "org.emrkit.expr..", "org.emrkit.json..", "org.emrkit.render..",
            "org.emrkit.validation..", "org.emrkit.edit..", "org.emrkit.terminology..",
            "org.emrkit.dsl..", "org.emrkit.docx..", "org.emrkit.examples..")
        .check(classes);
  }

  @Test
  void coreIsLayered() {
    // template ← expr, terminology ← record ← json ← render ← edit ← validation
    below("org.emrkit.template..", "org.emrkit.expr..", "org.emrkit.terminology..",
        "org.emrkit.record..", "org.emrkit.json..", "org.emrkit.render..", "org.emrkit.edit..",
        "org.emrkit.validation..");
    below("org.emrkit.expr..", "org.emrkit.record..", "org.emrkit.json..",
        "org.emrkit.render..", "org.emrkit.edit..", "org.emrkit.validation..");
    below("org.emrkit.record..", "org.emrkit.json..", "org.emrkit.render..",
        "org.emrkit.edit..", "org.emrkit.validation..");
    below("org.emrkit.json..", "org.emrkit.render..", "org.emrkit.edit..",
        "org.emrkit.validation..");
    below("org.emrkit.render", "org.emrkit.edit..", "org.emrkit.validation..");
    below("org.emrkit.edit..", "org.emrkit.validation..");
  }

  /** Classes in {@code lower} use none of {@code higher}. */
  private static void below(String lower, String... higher) {
    ArchRule rule = noClasses().that().resideInAPackage(lower).should().dependOnClassesThat()
        .resideInAnyPackage(higher);
    rule.check(classes);
  }

  @Test
  void coreUsesNoOtherModule() {
    noClasses().that().resideInAnyPackage("org.emrkit.problem..", "org.emrkit.template..",
        "org.emrkit.expr..", "org.emrkit.terminology..", "org.emrkit.record..",
        "org.emrkit.json..", "org.emrkit.render", "org.emrkit.edit..",
        "org.emrkit.validation..").should().dependOnClassesThat().resideInAnyPackage(
            "org.emrkit.dsl..", "org.emrkit.render.html..", "org.emrkit.render.pdf..",
            "org.emrkit.render.docx..", "org.emrkit.docx..", "org.emrkit.examples..",
            "org.emrkit.signing..", "org.emrkit.codelists..", "org.emrkit.interop..",
            "org.apache.poi..", "net.sourceforge.pinyin4j..", "ca.uhn.fhir..",
            "org.hl7.fhir..")
        .check(classes);
  }

  @Test
  void exportsUseOnlyCoreAndOnlyTheFhirExportUsesHapi() {
    // a host that exports CDA pulls in nothing but core; FHIR adds HAPI's structures alone
    noClasses().that().resideInAnyPackage("org.emrkit.interop..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render.html..",
            "org.emrkit.render.pdf..", "org.emrkit.render.docx..", "org.emrkit.dsl..",
            "org.emrkit.docx..", "org.emrkit.editor..", "org.emrkit.signing..",
            "org.emrkit.codelists..", "org.emrkit.examples..")
        .check(classes);
    noClasses().that().resideInAPackage("org.emrkit.interop.cda..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.interop.fhir..", "ca.uhn.fhir..",
            "org.hl7.fhir..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages("org.emrkit.interop.fhir..",
        "org.emrkit.examples..").should().dependOnClassesThat()
        .resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
        .check(classes);
  }

  @Test
  void codeListsUseOnlyCore() {
    // a host that loads its lists pulls in POI and pinyin4j, and nothing that renders or edits
    noClasses().that().resideInAPackage("org.emrkit.codelists..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render..", "org.emrkit.dsl..",
            "org.emrkit.docx..", "org.emrkit.editor..", "org.emrkit.signing..",
            "org.emrkit.examples..")
        .check(classes);
  }

  @Test
  void signingUsesOnlyCoreAndCoreNoCryptographyLibrary() {
    noClasses().that().resideInAPackage("org.emrkit.signing..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render..", "org.emrkit.dsl..",
            "org.emrkit.docx..", "org.emrkit.examples..")
        .check(classes);
    noClasses().that().resideInAnyPackage("org.emrkit.problem..", "org.emrkit.template..",
        "org.emrkit.expr..", "org.emrkit.terminology..", "org.emrkit.record..",
        "org.emrkit.json..", "org.emrkit.render", "org.emrkit.edit..",
        "org.emrkit.validation..").should().dependOnClassesThat()
        .resideInAPackage("org.bouncycastle..").check(classes);
  }

  @Test
  void theEditingServiceKnowsNoHttpAndNothingElseOfOursKnowsTheEditor() {
    // the service is what a host wires to its own framework: no JDK server in it
    noClasses().that().resideInAPackage("org.emrkit.editor").should().dependOnClassesThat()
        .resideInAnyPackage("com.sun.net.httpserver..", "org.emrkit.editor.http..")
        .check(classes);
    noClasses().that().resideInAPackage("org.emrkit.editor..").should().dependOnClassesThat()
        .resideInAnyPackage("org.emrkit.signing..", "org.emrkit.dsl..", "org.emrkit.docx..",
            "org.emrkit.examples..", "org.emrkit.render.pdf.internal..",
            "org.emrkit.render.html.internal..")
        .check(classes);
    noClasses().that().resideOutsideOfPackages("org.emrkit.editor..", "org.emrkit.examples..")
        .should().dependOnClassesThat().resideInAPackage("org.emrkit.editor..").check(classes);
  }

  @Test
  void renderersUseCoreAndNotEachOther() {
    noClasses().that().resideInAPackage("org.emrkit.render.html..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render.pdf..",
            "org.emrkit.render.docx..", "org.emrkit.dsl..", "org.emrkit.docx..")
        .check(classes);
    noClasses().that().resideInAPackage("org.emrkit.render.pdf..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render.html..",
            "org.emrkit.render.docx..", "org.emrkit.dsl..", "org.emrkit.docx..")
        .check(classes);
    noClasses().that().resideInAPackage("org.emrkit.render.docx..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render.html..",
            "org.emrkit.render.pdf..", "org.emrkit.docx..")
        .check(classes);
    noClasses().that().resideInAPackage("org.emrkit.dsl..").should()
        .dependOnClassesThat().resideInAnyPackage("org.emrkit.render..", "org.emrkit.docx..")
        .check(classes);
  }

  @Test
  void renderersWriteThroughTheWalkNotTheTemplateTree() {
    // one walk decides what a record shows: no renderer visits the template's blocks itself
    noClasses().that().resideInAnyPackage("org.emrkit.render.html..", "org.emrkit.render.pdf..",
        "org.emrkit.render.docx..", "org.emrkit.interop..").should()
        .implement("org.emrkit.template.BlockVisitor")
        .check(classes);
  }

  @Test
  void internalPackagesStayInTheirModule() {
    noClasses().that().resideOutsideOfPackage("org.emrkit.render.html..").should()
        .dependOnClassesThat().resideInAPackage("org.emrkit.render.html.internal..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("org.emrkit.render.pdf..").should()
        .dependOnClassesThat().resideInAPackage("org.emrkit.render.pdf.internal..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("org.emrkit.dsl..").should()
        .dependOnClassesThat().resideInAPackage("org.emrkit.dsl.internal..")
        .check(classes);
  }
}
