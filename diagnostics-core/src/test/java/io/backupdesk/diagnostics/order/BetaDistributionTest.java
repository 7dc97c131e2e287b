package io.backupdesk.diagnostics.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BetaDistributionTest {
  @Test
  void quantilesMatchTheClosedFormsOfSimpleBetas() {
    for (double q : new double[] {0.025, 0.3, 0.5, 0.975}) {
      assertThat(BetaDistribution.quantile(1, 1, q)).isCloseTo(q, within(1e-9));
      assertThat(BetaDistribution.quantile(2, 1, q)).isCloseTo(Math.sqrt(q), within(1e-9));
      assertThat(BetaDistribution.quantile(1, 2, q)).isCloseTo(1 - Math.sqrt(1 - q), within(1e-9));
      double arcsine = Math.pow(Math.sin(Math.PI * q / 2), 2);
      assertThat(BetaDistribution.quantile(0.5, 0.5, q)).isCloseTo(arcsine, within(1e-9));
    }
    assertThat(BetaDistribution.quantile(7, 7, 0.5)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void largeCountsAgreeWithTheExactComputationAcrossTheSwitch() {
    double exact = BetaDistribution.quantile(4_900, 15_000, 0.975);
    double normal = BetaDistribution.quantile(5_100, 15_600, 0.975);
    double mean = 4_900.0 / 19_900;
    double sd = Math.sqrt(mean * (1 - mean) / 19_901);
    assertThat(exact).isCloseTo(mean + 1.96 * sd, within(2e-4));
    assertThat(normal)
        .isCloseTo(5_100.0 / 20_700 + 1.96 * Math.sqrt(0.2464 * 0.7536 / 20_701), within(2e-4));
    assertThat(BetaDistribution.quantile(200_000, 600_000, 0.5)).isCloseTo(0.25, within(1e-6));
  }

  @Test
  void lnGammaMatchesFactorials() {
    assertThat(BetaDistribution.lnGamma(1)).isCloseTo(0, within(1e-12));
    assertThat(BetaDistribution.lnGamma(6)).isCloseTo(Math.log(120), within(1e-10));
    assertThat(BetaDistribution.lnGamma(0.5))
        .isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-10));
  }

  @Test
  void refusesImpossibleParameters() {
    assertThatThrownBy(() -> BetaDistribution.quantile(0, 1, 0.5)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> BetaDistribution.quantile(1, 1, 1))
        .hasMessageContaining("between 0 and 1");
    assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(NormalDistribution.quantile(0.01)).isCloseTo(-2.326348, within(1e-6));
  }
}
