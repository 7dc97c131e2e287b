package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two playbook versions side by side: how far their diagnoses got, where they resolved, and which
 * fix resolved them. Steps and fixes are matched by key, never by position, so a step that moved or
 * was reworded in the newer version lines up with itself ("did the new wording of step 6 change how
 * often it resolves?"). Every figure names the playbook version its diagnoses started on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlaybookComparison {

  /** The comparison of two versions. */
  public record Comparison(List<VersionTotals> versions, List<StepRow> steps, List<FixRow> fixes) {}

  /** One version's diagnoses in all. */
  public record VersionTotals(
      int playbookVersion, long started, long resolved, long escalated, long waitingOnApple) {
    public String resolvedShare() {
      return share(resolved, started);
    }
  }

  /** A step by key, with its figures per version (null where a version lacks the step). */
  public record StepRow(String key, String title, List<StepFigures> perVersion) {}

  /** One step of one version: its number and step version there, and what its diagnoses did. */
  public record StepFigures(
      int playbookVersion,
      int number,
      int stepVersion,
      long reached,
      long resolvedHere,
      long openHere,
      long abandonedHere) {
    /** Of the diagnoses that reached the step, the share it resolved. */
    public String resolvedShare() {
      return share(resolvedHere, reached);
    }
  }

  /** A fix by step and fix key, with how many diagnoses of each version it resolved. */
  public record FixRow(String stepKey, String fixKey, String label, List<FixFigures> perVersion) {}

  /** How many of a version's resolved diagnoses this fix resolved. */
  public record FixFigures(int playbookVersion, long resolved, long resolvedInVersion) {
    public String share() {
      return PlaybookComparison.share(resolved, resolvedInVersion);
    }
  }

  private final EntityManager em;

  PlaybookComparison(EntityManager em) {
    this.em = em;
  }

  /** Both versions must be published; the caller checks that. */
  public Comparison compare(Playbooks playbooks, int first, int second) {
    Playbook a = playbooks.version(first).orElseThrow();
    Playbook b = playbooks.version(second).orElseThrow();
    List<Playbook> both = List.of(a, b);
    List<VersionTotals> totals = new ArrayList<>();
    Map<Integer, Map<String, long[]>> figures = new HashMap<>();
    Map<Integer, Map<String, Long>> fixCounts = new HashMap<>();
    for (Playbook playbook : both) {
      totals.add(totals(playbook.version()));
      figures.put(playbook.version(), stepFigures(playbook));
      fixCounts.put(playbook.version(), fixes(playbook.version()));
    }
    Set<String> keys = new LinkedHashSet<>();
    b.steps().forEach(step -> keys.add(step.key()));
    a.steps().forEach(step -> keys.add(step.key()));
    List<StepRow> steps = new ArrayList<>();
    for (String key : keys) {
      List<StepFigures> perVersion = new ArrayList<>();
      String title = null;
      for (Playbook playbook : both) {
        Optional<PlaybookStep> step = playbook.step(key);
        if (step.isEmpty()) {
          perVersion.add(null);
          continue;
        }
        title = step.get().title();
        long[] f = figures.get(playbook.version()).getOrDefault(key, new long[4]);
        perVersion.add(
            new StepFigures(
                playbook.version(),
                step.get().number(),
                step.get().version(),
                f[0],
                f[1],
                f[2],
                f[3]));
      }
      steps.add(new StepRow(key, title, perVersion));
    }
    Map<String, String[]> fixKeys = new LinkedHashMap<>();
    for (Playbook playbook : List.of(b, a)) {
      for (PlaybookStep step : playbook.steps()) {
        step.fixOptions()
            .forEach(
                fix ->
                    fixKeys.putIfAbsent(
                        step.key() + "\u0000" + fix.key(),
                        new String[] {step.key(), fix.key(), fix.label()}));
      }
    }
    for (Playbook playbook : both) {
      fixCounts
          .get(playbook.version())
          .keySet()
          .forEach(
              k ->
                  fixKeys.putIfAbsent(
                      k, new String[] {k.split("\u0000")[0], k.split("\u0000")[1], null}));
    }
    List<FixRow> fixes = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : fixKeys.entrySet()) {
      String[] names = entry.getValue();
      List<FixFigures> perVersion = new ArrayList<>();
      for (int i = 0; i < both.size(); i++) {
        int version = both.get(i).version();
        perVersion.add(
            new FixFigures(
                version,
                fixCounts.get(version).getOrDefault(entry.getKey(), 0L),
                totals.get(i).resolved()));
      }
      fixes.add(new FixRow(names[0], names[1], names[2] == null ? names[1] : names[2], perVersion));
    }
    return new Comparison(totals, steps, fixes);
  }

  private VersionTotals totals(int version) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*),"
                        + " count(*) FILTER (WHERE status = 'RESOLVED'),"
                        + " count(*) FILTER (WHERE status = 'ESCALATED'),"
                        + " count(*) FILTER (WHERE status = 'WAITING_ON_APPLE')"
                        + " FROM diagnosis WHERE playbook_version = ?1")
                .setParameter(1, version)
                .getSingleResult();
    return new VersionTotals(
        version, number(row[0]), number(row[1]), number(row[2]), number(row[3]));
  }

  /**
   * Per step key: diagnoses that reached it (answered it, or stand at it now), resolved at it,
   * stand at it open, and were abandoned at it. Open diagnoses name their step by number, which the
   * version's own playbook turns into a key.
   */
  @SuppressWarnings("unchecked")
  private Map<String, long[]> stepFigures(Playbook playbook) {
    Map<String, long[]> byKey = new HashMap<>();
    List<Object[]> answered =
        em.createNativeQuery(
                "SELECT r.step_key, count(DISTINCT r.diagnosis_id) FROM step_result r"
                    + " JOIN diagnosis d ON d.id = r.diagnosis_id"
                    + " WHERE d.playbook_version = ?1 GROUP BY r.step_key")
            .setParameter(1, playbook.version())
            .getResultList();
    for (Object[] row : answered) {
      byKey.computeIfAbsent((String) row[0], k -> new long[4])[0] += number(row[1]);
    }
    List<Object[]> resolved =
        em.createNativeQuery(
                "SELECT resolved_step_key, count(*) FROM diagnosis"
                    + " WHERE playbook_version = ?1 AND status = 'RESOLVED'"
                    + " GROUP BY resolved_step_key")
            .setParameter(1, playbook.version())
            .getResultList();
    for (Object[] row : resolved) {
      if (row[0] != null) {
        byKey.computeIfAbsent((String) row[0], k -> new long[4])[1] += number(row[1]);
      }
    }
    List<Object[]> open =
        em.createNativeQuery(
                "SELECT d.current_step, count(*) FILTER (WHERE d.status <> 'ABANDONED'),"
                    + " count(*) FILTER (WHERE d.status = 'ABANDONED'),"
                    + " count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM step_result r"
                    + "   WHERE r.diagnosis_id = d.id AND r.step_number = d.current_step))"
                    + " FROM diagnosis d"
                    + " WHERE d.playbook_version = ?1 AND d.current_step IS NOT NULL"
                    + " AND d.status IN ('IN_PROGRESS', 'AWAITING_VERIFICATION', 'ABANDONED')"
                    + " GROUP BY d.current_step")
            .setParameter(1, playbook.version())
            .getResultList();
    for (Object[] row : open) {
      int number = (int) number(row[0]);
      if (number < 1 || number > playbook.size()) {
        continue;
      }
      long[] f = byKey.computeIfAbsent(playbook.stepNumber(number).key(), k -> new long[4]);
      f[2] += number(row[1]);
      f[3] += number(row[2]);
      // Standing at a step without an answer there yet still counts as having reached it.
      f[0] += number(row[3]);
    }
    return byKey;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> fixes(int version) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT resolved_step_key, resolved_fix_key, count(*) FROM diagnosis"
                    + " WHERE playbook_version = ?1 AND status = 'RESOLVED'"
                    + " GROUP BY resolved_step_key, resolved_fix_key")
            .setParameter(1, version)
            .getResultList();
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put(row[0] + "\u0000" + row[1], number(row[2]));
    }
    return counts;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  static String share(long part, long whole) {
    return whole == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
