package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Chooses the order a new diagnosis walks, and says with what probability (its propensity).
 *
 * <ul>
 *   <li>Suggestions off: the article's order, always.
 *   <li>Suggestions on: the learned order of the phone's segment with probability {@code 1 -
 *       exploreShare}; otherwise an exploration order drawn uniformly from the article's order and
 *       every allowed order one swap of neighbouring steps away from the learned one. The article
 *       is among them so that the learned order can always be compared with it on live outcomes: an
 *       off-policy estimate can only judge an order that is sometimes walked.
 *   <li>Suggestions on before any model exists: the article's order plays the learned order's part
 *       (exploration around the article), and explored orders record {@link #NO_MODEL_VERSION}.
 * </ul>
 *
 * The propensity recorded is the exact probability of the order given, from every way the draw
 * could have produced it. Deterministic for a given random generator; safe to share between threads
 * if the generators are not.
 */
public final class OrderSuggestions implements TargetPolicy {
  /** The model version explored orders record while no model has been trained yet. */
  public static final int NO_MODEL_VERSION = 0;

  private final StepOrder article;
  private final Playbook playbook;
  private final boolean enabled;
  private final double exploreShare;
  private final LearnedModel model;
  private final SegmentLookup lookup;
  private final Map<StepOrder, List<StepOrder>> explorationCache = new ConcurrentHashMap<>();

  private OrderSuggestions(
      Playbook playbook, boolean enabled, double exploreShare, LearnedModel model) {
    this.playbook = Objects.requireNonNull(playbook, "playbook");
    if (!(exploreShare >= 0 && exploreShare < 1)) {
      throw new IllegalArgumentException(
          "The exploration share is at least 0 and below 1, not " + exploreShare);
    }
    if (model != null && model.playbookVersion() != playbook.version()) {
      throw new IllegalArgumentException(
          "Model v"
              + model.version()
              + " orders playbook v"
              + model.playbookVersion()
              + ", not v"
              + playbook.version());
    }
    this.article = StepOrder.article(playbook);
    this.enabled = enabled;
    this.exploreShare = exploreShare;
    this.model = model;
    this.lookup = model == null ? null : new SegmentLookup(model);
  }

  /** The article's order for everyone. */
  public static OrderSuggestions off(Playbook playbook) {
    return new OrderSuggestions(playbook, false, 0, null);
  }

  /** The article's order, with {@code exploreShare} of diagnoses walking a nearby order. */
  public static OrderSuggestions exploringArticle(Playbook playbook, double exploreShare) {
    return new OrderSuggestions(playbook, true, exploreShare, null);
  }

  /** The model's learned orders, with {@code exploreShare} of diagnoses exploring. */
  public static OrderSuggestions learned(
      Playbook playbook, LearnedModel model, double exploreShare) {
    return new OrderSuggestions(
        playbook, true, exploreShare, Objects.requireNonNull(model, "model"));
  }

  /**
   * The policy the settings ask for: off, or on with the current model (or, with none yet, the
   * article's order with exploration).
   */
  public static OrderSuggestions of(
      Playbook playbook, boolean suggestionsOn, double exploreShare, LearnedModel currentModel) {
    if (!suggestionsOn) {
      return off(playbook);
    }
    return currentModel == null
        ? exploringArticle(playbook, exploreShare)
        : learned(playbook, currentModel, exploreShare);
  }

  public boolean enabled() {
    return enabled;
  }

  public double exploreShare() {
    return exploreShare;
  }

  /** The order chosen when not exploring: the learned order, or the article's. */
  public StepOrder exploitOrder(Device device) {
    Objects.requireNonNull(device, "device");
    return enabled && model != null ? lookup.segmentFor(device).learnedOrder() : article;
  }

  /** The orders an exploring draw chooses among, uniformly; empty when suggestions are off. */
  public List<StepOrder> explorationOrders(Device device) {
    if (!enabled) {
      return List.of();
    }
    return explorationCache.computeIfAbsent(exploitOrder(device), this::neighbours);
  }

  /** The order for a new diagnosis of this phone, with its policy, model and propensity. */
  public OrderChoice choose(Device device, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    if (!enabled) {
      return OrderChoice.article(playbook);
    }
    StepOrder exploit = exploitOrder(device);
    List<StepOrder> explore = explorationOrders(device);
    StepOrder chosen = exploit;
    if (!explore.isEmpty() && random.nextDouble() < exploreShare) {
      chosen = explore.get(random.nextInt(explore.size()));
    }
    double propensity = probabilityOf(device, chosen);
    if (!chosen.equals(exploit)) {
      return new OrderChoice(
          chosen,
          OrderPolicy.EXPLORE,
          model == null ? NO_MODEL_VERSION : model.version(),
          propensity);
    }
    return model == null
        ? new OrderChoice(chosen, OrderPolicy.ARTICLE, null, propensity)
        : new OrderChoice(chosen, OrderPolicy.LEARNED, model.version(), propensity);
  }

  /** The exact probability that {@link #choose} gives this phone this order. */
  @Override
  public double probabilityOf(Device device, StepOrder order) {
    Objects.requireNonNull(order, "order");
    if (!enabled) {
      return article.equals(order) ? 1 : 0;
    }
    StepOrder exploit = exploitOrder(device);
    List<StepOrder> explore = explorationOrders(device);
    if (explore.isEmpty()) {
      return exploit.equals(order) ? 1 : 0;
    }
    double probability = exploit.equals(order) ? 1 - exploreShare : 0;
    long drawn = explore.stream().filter(order::equals).count();
    return probability + exploreShare * drawn / explore.size();
  }

  private List<StepOrder> neighbours(StepOrder exploit) {
    var orders = new LinkedHashSet<StepOrder>();
    orders.add(article);
    List<String> keys = exploit.stepKeys();
    for (int i = 0; i + 1 < keys.size(); i++) {
      var swapped = new ArrayList<>(keys);
      Collections.swap(swapped, i, i + 1);
      StepOrder candidate = new StepOrder(swapped);
      if (candidate.isAllowedFor(playbook)) {
        orders.add(candidate);
      }
    }
    orders.remove(exploit);
    return List.copyOf(orders);
  }
}
