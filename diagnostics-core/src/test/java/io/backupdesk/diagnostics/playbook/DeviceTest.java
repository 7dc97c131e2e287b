package io.backupdesk.diagnostics.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTest {
  @ParameterizedTest
  @CsvSource({"17.4.1, 17", "iOS 16, 16", "ios16.2, 16", "15, 15", " 12.5.7 , 12", "26.1, 26"})
  void readsTheMajorIosVersion(String version, int major) {
    assertThat(new Device("iPhone 8", version).iosMajor()).hasValue(major);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"latest", "17.x", "iOS", "0.1", "seventeen", "1.2.3.4a", "123"})
  void unreadableVersionsAreUnknown(String version) {
    assertThat(new Device("iPhone 8", version).iosMajor()).isEmpty();
  }

  @Test
  void variantsComeFromTheCatalogue() {
    assertThat(new Device("iPhone SE (2nd generation)", null).variants())
        .containsExactly(DeviceVariant.HOME_BUTTON);
    assertThat(new Device(null, "17").variants())
        .containsExactly(DeviceVariant.FACE_ID, DeviceVariant.HOME_BUTTON);
  }

  @Test
  void blankFieldsMeanUnknown() {
    assertThat(new Device("  ", " ")).isEqualTo(new Device(null, null));
    assertThat(new Device(" iPhone 8 ", " 16.1 ")).isEqualTo(new Device("iPhone 8", "16.1"));
  }
}
