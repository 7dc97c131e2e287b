package io.backupdesk.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web module's features depend on each other one way only, and none on the operator tools:
 * ticket knows no diagnosis code (diagnoses are read through its DiagnosisStates), diagnosis builds
 * on ticket, everything may use identity and common, and they use no feature.
 */
class ArchitectureTest {

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.backupdesk.web");

  /** The operator tools; the benchmarks' SQL printers live in the packages they print. */
  private static final DescribedPredicate<JavaClass> OPERATOR_TOOLS =
      JavaClass.Predicates.resideInAPackage("io.backupdesk.tools..")
          .or(HasName.Predicates.name("io.backupdesk.web.report.ReportSql"))
          .or(HasName.Predicates.name("io.backupdesk.web.export.ExportSql"))
          .as("operator tools");

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching("io.backupdesk.web.(*)..").should().beFreeOfCycles().check(APP);
  }

  @Test
  void nothingInTheAppDependsOnTheOperatorTools() {
    noClasses()
        .should()
        .dependOnClassesThat(OPERATOR_TOOLS)
        .orShould()
        .resideInAPackage("io.backupdesk.web.demo..")
        .check(APP);
  }

  @Test
  void ticketsKnowNothingOfTheDiagnosisFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.backupdesk.web.ticket..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.backupdesk.web.diagnosis..")
        .check(APP);
  }

  @Test
  void identityAndCommonKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("io.backupdesk.web.identity..", "io.backupdesk.web.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.backupdesk.web.ticket..",
            "io.backupdesk.web.diagnosis..",
            "io.backupdesk.web.report..",
            "io.backupdesk.web.export..",
            "io.backupdesk.web.playbook..")
        .check(APP);
  }
}
