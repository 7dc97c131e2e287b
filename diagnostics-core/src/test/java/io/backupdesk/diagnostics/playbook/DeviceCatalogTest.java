package io.backupdesk.diagnostics.playbook;

import static io.backupdesk.diagnostics.playbook.DeviceVariant.FACE_ID;
import static io.backupdesk.diagnostics.playbook.DeviceVariant.HOME_BUTTON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceCatalogTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();

  @Test
  void listsEveryModelFromTheCsvInReleaseOrder() {
    assertThat(catalog.models()).hasSize(41);
    assertThat(catalog.models().get(0)).isEqualTo(new DeviceModel("iPhone 6s", HOME_BUTTON));
    assertThat(catalog.models().get(40)).isEqualTo(new DeviceModel("iPhone 17 Pro Max", FACE_ID));
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
        .contains(new DeviceModel("iPhone SE (2nd generation)", HOME_BUTTON));
    assertThat(catalog.find("iPhone 99")).isEmpty();
    assertThat(catalog.find(null)).isEmpty();
  }

  @Test
  void csvSkipsCommentsBlankLinesAndTheHeader() throws Exception {
    DeviceCatalog parsed =
        DeviceCatalog.parse(
            csv("# phones\nname,variant\n\niPhone 8 , HOME_BUTTON\niPhone X,FACE_ID\n"), "t.csv");

    assertThat(parsed.models())
        .containsExactly(
            new DeviceModel("iPhone 8", HOME_BUTTON), new DeviceModel("iPhone X", FACE_ID));
  }

  @Test
  void aBrokenCsvLineNamesTheFileLineAndProblem() {
    assertThatThrownBy(() -> DeviceCatalog.parse(csv("name,variant\niPhone 8,ROUND\n"), "t.csv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("t.csv line 2")
        .hasMessageContaining("ROUND");
    assertThatThrownBy(() -> DeviceCatalog.parse(csv("iPhone 8\n"), "t.csv"))
        .hasMessageContaining("expected 'name,variant'");
    assertThatThrownBy(() -> DeviceCatalog.parse(csv("Other,FACE_ID\n"), "t.csv"))
        .hasMessageContaining("reserved");
    assertThatThrownBy(
            () -> DeviceCatalog.parse(csv("iPhone 8,HOME_BUTTON\niphone 8,FACE_ID\n"), "t.csv"))
        .hasMessageContaining("listed twice");
  }

  private static BufferedReader csv(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
