package io.backupdesk.diagnostics.order;

import static io.backupdesk.diagnostics.order.OrderTestData.ARTICLE;
import static io.backupdesk.diagnostics.order.OrderTestData.IPHONE_8;
import static io.backupdesk.diagnostics.order.OrderTestData.PLAYBOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderSuggestionsTest {
  private static final LearnedModel MODEL =
      Histories.train(
          Histories.articleHistory(20_000, new SplittableRandom(11)), LearningSettings.DEFAULT);

  @Test
  void suggestionsOffMeanTheArticlesOrderForCertain() {
    OrderSuggestions off = OrderSuggestions.of(PLAYBOOK, false, 0.1, MODEL);
    OrderChoice choice = off.choose(IPHONE_8, new SplittableRandom(1));
    assertThat(choice).isEqualTo(OrderChoice.article(PLAYBOOK));
    assertThat(off.explorationOrders(IPHONE_8)).isEmpty();
    assertThat(off.probabilityOf(IPHONE_8, ARTICLE)).isEqualTo(1);
  }

  @Test
  void withoutExplorationEveryDiagnosisWalksTheLearnedOrder() {
    OrderSuggestions learned = OrderSuggestions.learned(PLAYBOOK, MODEL, 0);
    var random = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) {
      OrderChoice choice = learned.choose(IPHONE_8, random);
      assertThat(choice.order()).isEqualTo(MODEL.learnedOrder(IPHONE_8));
      assertThat(choice.policy()).isEqualTo(OrderPolicy.LEARNED);
      assertThat(choice.modelVersion()).isEqualTo(MODEL.version());
      assertThat(choice.propensity()).isEqualTo(1);
    }
  }

  @Test
  void explorationDrawsTheArticleAndAllowedNeighboursWithTheirExactPropensities() {
    OrderSuggestions policy = OrderSuggestions.learned(PLAYBOOK, MODEL, 0.1);
    StepOrder learned = MODEL.learnedOrder(IPHONE_8);
    List<StepOrder> explore = policy.explorationOrders(IPHONE_8);

    assertThat(learned).isNotEqualTo(ARTICLE);
    assertThat(explore).contains(ARTICLE).doesNotContain(learned).doesNotHaveDuplicates();
    assertThat(explore).allSatisfy(order -> assertThat(order.violations(PLAYBOOK)).isEmpty());
    for (StepOrder order : explore) {
      assertThat(order.equals(ARTICLE) || swapsOneNeighbouringPair(learned, order)).isTrue();
    }
    double total = policy.probabilityOf(IPHONE_8, learned);
    for (StepOrder order : explore) {
      total += policy.probabilityOf(IPHONE_8, order);
    }
    assertThat(total).isCloseTo(1, within(1e-12));

    int draws = 40_000;
    Map<StepOrder, Integer> seen = new HashMap<>();
    var random = new SplittableRandom(3);
    for (int i = 0; i < draws; i++) {
      OrderChoice choice = policy.choose(IPHONE_8, random);
      seen.merge(choice.order(), 1, Integer::sum);
      assertThat(choice.propensity()).isEqualTo(policy.probabilityOf(IPHONE_8, choice.order()));
      assertThat(choice.modelVersion()).isEqualTo(MODEL.version());
      assertThat(choice.policy())
          .isEqualTo(choice.order().equals(learned) ? OrderPolicy.LEARNED : OrderPolicy.EXPLORE);
    }
    assertThat(seen.keySet()).hasSize(explore.size() + 1);
    for (Map.Entry<StepOrder, Integer> entry : seen.entrySet()) {
      double p = policy.probabilityOf(IPHONE_8, entry.getKey());
      double sd = Math.sqrt(p * (1 - p) / draws);
      assertThat((double) entry.getValue() / draws).isCloseTo(p, within(4 * sd));
    }
    assertThat(policy.probabilityOf(IPHONE_8, learned)).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void beforeAnyModelTheArticlePlaysTheLearnedOrdersPart() {
    OrderSuggestions policy = OrderSuggestions.of(PLAYBOOK, true, 0.1, null);
    // Neighbour swaps of the article that keep the rules: 1-2, 2-3, 3-4, 4-5, 6-7 and 8-9.
    assertThat(policy.explorationOrders(IPHONE_8)).hasSize(6);
    var random = new SplittableRandom(4);
    int explored = 0;
    for (int i = 0; i < 5000; i++) {
      OrderChoice choice = policy.choose(IPHONE_8, random);
      if (choice.policy() == OrderPolicy.EXPLORE) {
        explored++;
        assertThat(choice.modelVersion()).isEqualTo(OrderSuggestions.NO_MODEL_VERSION);
        assertThat(choice.propensity()).isCloseTo(0.1 / 6, within(1e-12));
      } else {
        assertThat(choice.policy()).isEqualTo(OrderPolicy.ARTICLE);
        assertThat(choice.order()).isEqualTo(ARTICLE);
        assertThat(choice.propensity()).isCloseTo(0.9, within(1e-12));
      }
    }
    assertThat(explored).isBetween(400, 600);
  }

  @Test
  void theSameSeedGivesTheSameChoices() {
    OrderSuggestions policy = OrderSuggestions.learned(PLAYBOOK, MODEL, 0.3);
    var first = new SplittableRandom(5);
    var second = new SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      Device device = Phones.draw(first);
      assertThat(Phones.draw(second)).isEqualTo(device);
      assertThat(policy.choose(device, first)).isEqualTo(policy.choose(device, second));
    }
  }

  @Test
  void refusesAShareOfOneAndAModelOfAnotherPlaybook() {
    assertThatThrownBy(() -> OrderSuggestions.learned(PLAYBOOK, MODEL, 1))
        .hasMessageContaining("below 1");
    assertThatThrownBy(() -> OrderSuggestions.exploringArticle(PLAYBOOK, -0.1))
        .hasMessageContaining("at least 0");
  }

  private static boolean swapsOneNeighbouringPair(StepOrder from, StepOrder to) {
    List<String> a = from.stepKeys();
    List<String> b = to.stepKeys();
    for (int i = 0; i + 1 < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return a.get(i).equals(b.get(i + 1))
            && a.get(i + 1).equals(b.get(i))
            && a.subList(i + 2, a.size()).equals(b.subList(i + 2, b.size()));
      }
    }
    return false;
  }
}
