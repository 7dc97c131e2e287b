package io.backupdesk.diagnostics.playbook;

import static io.backupdesk.diagnostics.playbook.DeviceVariant.FACE_ID;
import static io.backupdesk.diagnostics.playbook.DeviceVariant.HOME_BUTTON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCatalogTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();

  @Test
  void listsEveryModelFromTheCsvInReleaseOrder() {
    assertThat(catalog.models()).hasSize(41);
    assertThat(catalog.models().get(0)).isEqualTo(new DeviceModel("iPhone 6s", HOME_BUTTON, 9, 15));
    assertThat(catalog.models().get(40))
        .isEqualTo(new DeviceModel("iPhone 17 Pro Max", FACE_ID, 26, null));
    assertThat(catalog.models())
        .extracting(DeviceModel::name)
        .containsSubsequence(
            "iPhone 8 Plus", "iPhone X", "iPhone SE (2nd generation)", "iPhone 16e")
        .contains("iPhone Air", "iPhone 13 mini", "iPhone 14 Pro Max", "iPhone 15 Plus")
        .doesNotHaveDuplicates();
  }

  @Test
  void isLoadedOnce() {
    assertThat(DeviceCatalog.standard()).isSameAs(catalog);
  }

  /** The facts encoded in device-models.csv: first iOS the model shipped with, last it got. */
  @ParameterizedTest
  @CsvSource({
    "iPhone 6s, 9, 15",
    "iPhone SE (1st generation), 9, 15",
    "iPhone 7 Plus, 10, 15",
    "iPhone 8, 11, 16",
    "iPhone X, 11, 16",
    "iPhone XR, 12, 18",
    "iPhone XS Max, 12, 18",
    "iPhone 11, 13, 26",
    "iPhone SE (2nd generation), 13, 26",
    "iPhone 12 mini, 14, 26",
    "iPhone SE (3rd generation), 15, 26",
    "iPhone 14 Pro, 16, 26",
    "iPhone 15, 17, 26",
    "iPhone 16e, 18, 26",
    "iPhone Air, 26, 26"
  })
  void knowsWhichIosVersionsEachModelRuns(String model, int first, int last) {
    assertThat(catalog.supportedIos(model)).isEqualTo(IosRange.between(first, last));
  }

  @Test
  void theNewestIosIsTheHighestAnyRowNames() {
    assertThat(catalog.newestIos()).isEqualTo(26);
    assertThat(catalog.oldestIos()).isEqualTo(9);
    assertThat(catalog.find("iPhone 11").orElseThrow().isSupported()).isTrue();
    assertThat(catalog.find("iPhone XS").orElseThrow().isSupported()).isFalse();
    assertThat(catalog.supportedIos(DeviceCatalog.OTHER)).isEqualTo(IosRange.between(9, 26));
    DeviceCatalog ahead = catalog.withNewestIos(27);
    assertThat(ahead.supportedIos("iPhone 15")).isEqualTo(IosRange.between(17, 27));
    assertThat(ahead.supportedIos("iPhone 8")).isEqualTo(IosRange.between(11, 16));
    assertThatThrownBy(() -> catalog.withNewestIos(25)).hasMessageContaining("names iOS 26");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iPhone 6s",
        "iPhone 6s Plus",
        "iPhone SE (1st generation)",
        "iPhone 7",
        "iPhone 8",
        "iPhone 8 Plus",
        "iPhone SE (2nd generation)",
        "iPhone SE (3rd generation)"
      })
  void phonesWithAHomeButton(String model) {
    assertThat(catalog.variantsFor(model)).containsExactly(HOME_BUTTON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iPhone X",
        "iPhone XR",
        "iPhone XS Max",
        "iPhone 11 Pro",
        "iPhone 12 mini",
        "iPhone 15 Pro",
        "iPhone 16e",
        "iPhone 17",
        "iPhone Air"
      })
  void phonesWithFaceId(String model) {
    assertThat(catalog.variantsFor(model)).containsExactly(FACE_ID);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", DeviceCatalog.OTHER, "other", "iPhone 99", "Galaxy S24"})
  void unknownModelsGetBothVariantsFaceIdFirst(String model) {
    assertThat(catalog.variantsFor(model)).containsExactly(FACE_ID, HOME_BUTTON);
  }

  @Test
  void findIgnoresCaseAndSurroundingOrRepeatedSpaces() {
    assertThat(catalog.find("  iphone se  (2nd GENERATION) "))
        .contains(new DeviceModel("iPhone SE (2nd generation)", HOME_BUTTON, 13, null));
    assertThat(catalog.find("iPhone 99")).isEmpty();
    assertThat(catalog.find(null)).isEmpty();
  }

  @Test
  void csvSkipsCommentsBlankLinesAndTheHeader() throws Exception {
    DeviceCatalog parsed =
        DeviceCatalog.parse(
            csv(
                "# phones\nname,variant,first_ios,last_ios\n\n"
                    + "iPhone 8 , HOME_BUTTON,11,16\niPhone X,FACE_ID, 11 ,\n"),
            "t.csv");

    assertThat(parsed.models())
        .containsExactly(
            new DeviceModel("iPhone 8", HOME_BUTTON, 11, 16),
            new DeviceModel("iPhone X", FACE_ID, 11, null));
    assertThat(parsed.newestIos()).isEqualTo(16);
  }

  @Test
  void aBrokenCsvNamesTheFileAndEveryBadLine() {
    assertThatThrownBy(
            () ->
                DeviceCatalog.parse(
                    csv("name,variant,first_ios,last_ios\niPhone 8,ROUND,11,16\niPhone 9\n"),
                    "t.csv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t.csv line 3: expected 'name,variant,first_ios,last_ios'")
        .hasMessageContaining("t.csv line 2 (models[0].variant)");
    assertThatThrownBy(() -> DeviceCatalog.parse(csv("Other,FACE_ID,11,\n"), "t.csv"))
        .hasMessageContaining("reserved");
    assertThatThrownBy(
            () ->
                DeviceCatalog.parse(
                    csv("iPhone 8,HOME_BUTTON,11,16\niphone 8,FACE_ID,11,16\n"), "t.csv"))
        .hasMessageContaining("line 2 (models[1].name)")
        .hasMessageContaining("already listed as model 1");
  }

  @Test
  void rowsFromTheDatabaseAreCheckedAllAtOnce() {
    Validated<DeviceCatalog> built =
        DeviceCatalog.build(
            List.of(
                new CatalogRow("iPhone 8", "HOME_BUTTON", 11, 16),
                new CatalogRow("=HYPERLINK(\"http://x\")", "FACE_ID", 17, null),
                new CatalogRow("IPHONE  8", "TOUCH_ID", 0, null),
                new CatalogRow("iPhone 30", "FACE_ID", 30, 29),
                new CatalogRow(" ", null, null, null),
                new CatalogRow("x".repeat(61), "FACE_ID", 17, 100)));

    assertThat(built.isValid()).isFalse();
    assertThat(built.problems())
        .extracting(FieldProblem::field)
        .containsExactly(
            "models[1].name",
            "models[2].name",
            "models[2].variant",
            "models[2].firstIos",
            "models[3].lastIos",
            "models[4].name",
            "models[4].variant",
            "models[4].firstIos",
            "models[5].name",
            "models[5].lastIos");
    assertThat(built.problems().get(0).message()).contains("Start the name with a letter or digit");
    assertThat(built.problems().get(1).message()).contains("already listed as model 1");
    assertThat(built.problems().get(2).message()).contains("FACE_ID", "HOME_BUTTON");
    assertThatThrownBy(() -> built.orElseThrow("The device catalogue"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("The device catalogue has 10 problems");
    assertThat(DeviceCatalog.build(List.of()).problems())
        .extracting(FieldProblem::field)
        .containsExactly("models");
  }

  @Test
  void theCatalogueRoundTripsThroughItsRows() {
    List<CatalogRow> rows = new ArrayList<>(catalog.rows());
    rows.add(new CatalogRow("iPhone 18", "face_id", 27, null));

    DeviceCatalog grown = DeviceCatalog.build(rows).orElseThrow("catalogue");

    assertThat(grown.models()).startsWith(catalog.models().toArray(DeviceModel[]::new));
    assertThat(grown.newestIos()).isEqualTo(27);
    assertThat(grown.supportedIos("iPhone 16")).isEqualTo(IosRange.between(18, 27));
    assertThat(grown.supportedIos("iPhone XR")).isEqualTo(IosRange.between(12, 18));
  }

  private static BufferedReader csv(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
