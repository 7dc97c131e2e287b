package io.backupdesk.diagnostics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonTest {

  /** Reference values computed with 50-digit arithmetic (the regularized incomplete gamma). */
  @ParameterizedTest
  @CsvSource({
    "3, 0.5, -4.2413831354557687144",
    "1, 1, -0.45867514538708189102",
    "5, 0.5, -8.6673440398360598692",
    "10, 2.5, -8.19022275922605014",
    "100, 1, -364.72942620471961936",
    "1100, 1000, -6.9458410143652123998",
    "900, 1000, -0.00062279167875856679047",
    "1, 1e-9, -20.723265837446411094",
    "50, 50, -0.6562207983875686789",
    "2000, 10, -8611.3491545077963877",
    "3, 3, -0.55024249677722107397",
    "20, 0.5, -56.674489444928720807"
  })
  void theLogTailMatchesKnownValues(int k, double mean, double logTail) {
    assertThat(Poisson.logUpperTail(k, mean))
        .isCloseTo(logTail, within(Math.abs(logTail) * 1e-12 + 1e-15));
  }

  @Test
  void theTailMatchesKnownValuesInPlainProbability() {
    assertThat(Poisson.upperTail(3, 0.5)).isCloseTo(0.014387677966970686644, within(1e-16));
    assertThat(Poisson.upperTail(5, 0.5)).isCloseTo(0.00017211562995584077811, within(1e-18));
    assertThat(Poisson.upperTail(1100, 1000)).isCloseTo(0.00096263040586655716094, within(1e-15));
    assertThat(Poisson.upperTail(900, 1000)).isCloseTo(0.99937740221572495274, within(1e-13));
    // Far below the smallest double: the log still orders it, the probability is 0.
    assertThat(Poisson.upperTail(2000, 10)).isZero();
  }

  @Test
  void edgesAreExact() {
    assertThat(Poisson.upperTail(0, 3)).isEqualTo(1.0);
    assertThat(Poisson.upperTail(-2, 3)).isEqualTo(1.0);
    assertThat(Poisson.logUpperTail(1, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Poisson.upperTail(0, 0)).isEqualTo(1.0);
    assertThatThrownBy(() -> Poisson.upperTail(1, -1)).hasMessageContaining("finite number");
    assertThatThrownBy(() -> Poisson.upperTail(1, Double.NaN)).hasMessageContaining("finite");
  }

  @Test
  void moreFindingsAreNeverLikelierThanFewer() {
    for (double mean : new double[] {0.5, 4, 37.5, 400}) {
      double previous = Poisson.logUpperTail(1201, mean);
      for (int k = 1200; k >= 0; k--) {
        double log = Poisson.logUpperTail(k, mean);
        assertThat(log).isGreaterThanOrEqualTo(previous - 1e-12 * Math.abs(previous));
        previous = log;
      }
      assertThat(previous).isZero();
    }
  }

  @Test
  void logFactorialIsSmoothAcrossTheTableEdge() {
    double sum = 0;
    for (int n = 2; n <= 300; n++) {
      sum += Math.log(n);
      assertThat(Poisson.logFactorial(n)).isCloseTo(sum, within(sum * 1e-13));
    }
  }
}
