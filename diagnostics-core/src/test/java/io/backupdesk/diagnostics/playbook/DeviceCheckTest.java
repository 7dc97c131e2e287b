package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCheckTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();

  @ParameterizedTest
  @CsvSource({
    "iPhone 8, 16.7.10, iPhone 8, 16.7.10",
    "iPhone 8, 11, iPhone 8, 11",
    "'  iphone   15 pro ', iOS 17.4.1, iPhone 15 Pro, 17.4.1",
    "iPhone 15, 26.1, iPhone 15, 26.1",
    "other, 9.3, Other, 9.3",
    "Other, 26, Other, 26",
    "iPhone 6s, 15.8.4, iPhone 6s, 15.8.4"
  })
  void acceptsACatalogueModelOnAVersionItRunsInTheFormToStore(
      String model, String ios, String storedModel, String storedIos) {
    DeviceCheck check = catalog.check(model, ios);

    assertThat(check.problems()).isEmpty();
    assertThat(check.model()).isEqualTo(storedModel);
    assertThat(check.iosVersion()).isEqualTo(storedIos);
    assertThat(check.device()).isEqualTo(new Device(storedModel, storedIos));
  }

  @Test
  void anIphone8CannotRunIos9OrIos30() {
    assertThat(catalog.check("iPhone 8", "9.3").problems())
        .containsExactly(
            new FieldProblem(
                "iosVersion",
                "An iPhone 8 runs iOS 11 to 16, not 9.3: check the version under Settings >"
                    + " General > About, and the model"));
    assertThat(catalog.check("iPhone 8", "30.0").problems())
        .singleElement()
        .extracting(FieldProblem::message)
        .asString()
        .startsWith("An iPhone 8 runs iOS 11 to 16, not 30.0");
  }

  @Test
  void aStillSupportedModelRunsUpToTheNewestIosTheDeskKnows() {
    assertThat(catalog.check("iPhone 15", "16.7").problems())
        .singleElement()
        .extracting(FieldProblem::message)
        .asString()
        .startsWith("An iPhone 15 runs iOS 17 to 26 (the newest the desk knows), not 16.7");
    assertThat(catalog.check("iPhone 15", "27").problems()).hasSize(1);
    assertThat(catalog.withNewestIos(27).check("iPhone 15", "27").isValid()).isTrue();
  }

  @Test
  void anUnlistedPhoneMayRunAnyVersionTheCatalogueKnows() {
    assertThat(catalog.check("Other", "8.4").problems())
        .singleElement()
        .extracting(FieldProblem::message)
        .asString()
        .startsWith("An unlisted iPhone runs iOS 9 to 26 (the newest the desk knows), not 8.4")
        .doesNotContain("and the model");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "17.x",
        "latest",
        "17.04",
        "017",
        "0.1",
        "17.4.1.2",
        "123",
        "17.",
        ".17",
        "17..1",
        "1 7"
      })
  void aMalformedVersionIsRefusedWithTheFormToUse(String ios) {
    assertThat(catalog.check("iPhone 15", ios).problems())
        .containsExactly(
            new FieldProblem(
                "iosVersion",
                "Write the iOS version as Settings > General > About shows it, e.g. 17, 17.4 or"
                    + " 17.4.1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1)",
        "iPhone 15 (my own words)",
        "iPhone 99",
        "Other: a Pixel"
      })
  void freeTextNeverPassesAsAModel(String model) {
    DeviceCheck check = catalog.check(model, "17.4");

    assertThat(check.isValid()).isFalse();
    assertThat(check.model()).isNull();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("deviceModel");
              assertThat(problem.message())
                  .contains("not in the device catalogue", "Other", "description")
                  .doesNotContain(model);
            });
    assertThatThrownBy(check::device).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptsNamesOnlyTheCatalogueAndOther() {
    assertThat(catalog.accepts("iphone 16e")).isTrue();
    assertThat(catalog.accepts(" other ")).isTrue();
    assertThat(catalog.accepts("iPhone 16 e")).isFalse();
    assertThat(catalog.accepts(null)).isFalse();
  }

  @Test
  void bothFieldsAreRequiredAndEveryProblemIsReportedAtOnce() {
    assertThat(catalog.check(" ", null).problems())
        .extracting(FieldProblem::field)
        .containsExactly("deviceModel", "iosVersion");
    assertThat(catalog.check("Nokia", "seventeen").problems())
        .extracting(FieldProblem::field)
        .containsExactly("deviceModel", "iosVersion");
  }

  @Test
  void theStoredVersionAlwaysMatchesTheSharedPattern() {
    for (String typed : new String[] {"iOS 17", "ios17.4", " 16.7.10 ", "26.0", "9.3.6"}) {
      IosVersion version = IosVersion.parse(typed).orElseThrow();
      assertThat(version.toString())
          .matches(IosVersion.PATTERN)
          .hasSizeLessThanOrEqualTo(IosVersion.MAX_LENGTH);
    }
    assertThat(IosVersion.parse("17.4.1"))
        .contains(new IosVersion(17, 4, 1))
        .get()
        .extracting(IosVersion::major)
        .isEqualTo(17);
  }
}
