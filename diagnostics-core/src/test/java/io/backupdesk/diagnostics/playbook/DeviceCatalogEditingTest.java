package io.backupdesk.diagnostics.playbook;

import static io.backupdesk.diagnostics.playbook.DeviceVariant.FACE_ID;
import static io.backupdesk.diagnostics.playbook.DeviceVariant.HOME_BUTTON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCatalogEditingTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();

  @Test
  void editingChangesFamilyAndRangeButKeepsTheNameAndPlace() {
    DeviceCatalog edited = catalog.editing("iphone x", "HOME_BUTTON", 10, 17).orElseThrow("edit");

    DeviceModel model = edited.find("iPhone X").orElseThrow();
    assertThat(model).isEqualTo(new DeviceModel("iPhone X", HOME_BUTTON, 10, 17));
    assertThat(edited.models()).hasSameSizeAs(catalog.models());
    assertThat(edited.models().indexOf(model))
        .isEqualTo(catalog.models().indexOf(catalog.find("iPhone X").orElseThrow()));
    assertThat(catalog.find("iPhone X").orElseThrow().variant()).isEqualTo(FACE_ID);
  }

  @Test
  void editingAnUnknownModelIsRefusedNamingIt() {
    Validated<DeviceCatalog> refused = catalog.editing("iPhone 99", "FACE_ID", 20, null);

    assertThat(refused.problems())
        .containsExactly(
            new FieldProblem(
                "name", "The catalogue has no model named 'iPhone 99': add it instead"));
  }

  @Test
  void editingUsesTheSameRulesAsAddingWithTheRowsOwnFieldNames() {
    Validated<DeviceCatalog> refused = catalog.editing("iPhone X", "ROUND_BUTTON", 12, 11);
    Validated<DeviceCatalog> added =
        catalog.adding(new CatalogRow("iPhone 99", "ROUND_BUTTON", 12, 11));

    assertThat(refused.problems())
        .extracting(FieldProblem::field)
        .containsExactly("variant", "lastIos");
    assertThat(refused.problems()).isEqualTo(added.problems());
    assertThat(refused.problems().get(1).message()).contains("between the first (12) and 99");
  }

  @Test
  void addingNamesTheNewRowsFields() {
    assertThat(catalog.adding(new CatalogRow("iphone x", "FACE_ID", 11, null)).problems())
        .containsExactly(
            new FieldProblem(
                "name",
                "'iphone x' is already listed as model "
                    + (catalog.models().indexOf(catalog.find("iPhone X").orElseThrow()) + 1)));
    assertThat(catalog.adding(new CatalogRow("iPhone 18", "FACE_ID", 27, null)).isValid()).isTrue();
  }

  @Test
  void aRetiredModelStaysKnownButNewTicketsCannotNameIt() {
    DeviceCatalog retired = catalog.retiring("iPhone 6s", true).orElseThrow("retire");

    assertThat(retired.find("iphone 6s")).get().extracting(DeviceModel::retired).isEqualTo(true);
    assertThat(retired.variantsFor("iPhone 6s")).containsExactly(HOME_BUTTON);
    assertThat(retired.supportedIos("iPhone 6s")).isEqualTo(IosRange.between(9, 15));
    assertThat(retired.models()).hasSameSizeAs(catalog.models());
    assertThat(retired.activeModels())
        .hasSize(catalog.models().size() - 1)
        .extracting(DeviceModel::name)
        .doesNotContain("iPhone 6s");

    DeviceCheck check = retired.check("iPhone 6s", "15.1");
    assertThat(check.isValid()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo(DeviceCheck.MODEL_FIELD);
              assertThat(p.message()).contains("iPhone 6s is retired");
            });
    assertThat(retired.check("iPhone 7", "15.1").isValid()).isTrue();
  }

  @Test
  void aRestoredModelCanBeNamedAgainAndRowsCarryTheRetirement() {
    DeviceCatalog retired = catalog.retiring("iPhone 6s", true).orElseThrow("retire");
    assertThat(retired.rows().get(0).retired()).isTrue();
    assertThat(DeviceCatalog.build(retired.rows()).orElseThrow("rows").find("iPhone 6s"))
        .get()
        .extracting(DeviceModel::retired)
        .isEqualTo(true);

    DeviceCatalog restored = retired.retiring("IPHONE 6S", false).orElseThrow("restore");
    assertThat(restored.check("iPhone 6s", "15.1").isValid()).isTrue();
    assertThat(restored.activeModels()).isEqualTo(catalog.models());
  }

  @Test
  void editingARetiredModelKeepsItRetired() {
    DeviceCatalog retired = catalog.retiring("iPhone 6s", true).orElseThrow("retire");
    DeviceCatalog edited = retired.editing("iPhone 6s", "HOME_BUTTON", 9, 16).orElseThrow("edit");

    assertThat(edited.find("iPhone 6s").orElseThrow())
        .isEqualTo(new DeviceModel("iPhone 6s", HOME_BUTTON, 9, 16, true));
  }

  @Test
  void retiringAnUnknownModelIsRefused() {
    assertThat(catalog.retiring("Nokia 3310", true).problems())
        .extracting(FieldProblem::field)
        .isEqualTo(List.of("name"));
  }
}
