package io.backupdesk.tools.generator;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import java.util.List;
import java.util.SplittableRandom;

/** The words of the synthetic data: names, subjects, notes and reasons an agent would type. */
final class Texts {
  private Texts() {}

  static final List<String> FIRST_NAMES =
      List.of(
          "Ava", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
          "Kira", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara", "Umar",
          "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Carmen", "Dmitri", "Emma",
          "Felix", "Greta", "Hannah", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nina", "Oscar",
          "Priya", "Rahul", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yara", "Zain");

  static final List<String> LAST_NAMES =
      List.of(
          "Adams",
          "Baker",
          "Costa",
          "Diaz",
          "Evans",
          "Fischer",
          "Garcia",
          "Hughes",
          "Ito",
          "Jensen",
          "Kowalski",
          "Lopez",
          "Murphy",
          "Nakamura",
          "Okafor",
          "Patel",
          "Quint",
          "Rossi",
          "Schmidt",
          "Tanaka",
          "Usman",
          "Varga",
          "Walsh",
          "Xu",
          "Yilmaz",
          "Zimmer",
          "Andersen",
          "Brennan",
          "Chen",
          "Dubois",
          "Eriksen",
          "Fernandes",
          "Gallo",
          "Haddad",
          "Iyer",
          "Johansson",
          "Kim",
          "Larsen",
          "Moreau",
          "Novak",
          "Olsen",
          "Petrov",
          "Reyes",
          "Silva",
          "Torres",
          "Ueda",
          "Vogel",
          "Weber",
          "Young",
          "Zhang");

  static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.net", "example.org");

  private static final List<String> SUBJECTS =
      List.of(
          "iPhone will not back up to iCloud",
          "iCloud backup has not run for %d days",
          "\"Last backup could not be completed\" on %s",
          "Backup to iCloud fails every night",
          "Back Up Now does nothing",
          "No iCloud backup since the update to iOS %s",
          "iCloud says the backup failed",
          "Phone keeps saying it has not been backed up in %d weeks",
          "Cannot back up %s before trading it in",
          "iCloud Backup stuck and never finishes");

  private static final List<String> DESCRIPTIONS =
      List.of(
          "The customer noticed that the last successful backup is %d days old.",
          "A notification on the phone says the backup could not be completed.",
          "The customer wants a current backup before switching to a new phone.",
          "Settings shows an old date under Last successful backup.",
          "The backup starts but stops after a few minutes.",
          "The customer does not know whether the backup ever worked.");

  private static final String[][] STEP_NOTES = {
    {"The switch had been turned off after a storage warning.", "Customer thought it was on."},
    {"The phone was on a mobile hotspot, not the home Wi-Fi.", "Router is two floors away."},
    {"Customer charges the phone only in the car.", "The cable is frayed."},
    {"Photos take most of the space.", "An old phone's backup was filling the plan."},
    {"Apple's status page was green.", "Checked Apple's status page together."},
    {"A code arrived on the customer's iPad.", "Customer found the password in a notebook."},
    {"The phone had not been restarted for months.", "Restart took two tries."},
    {"Customer agreed after we noted the Wi-Fi passwords.", "Settings reset took a while."},
    {"Update downloaded overnight.", "The update needed more free space first."},
  };

  private static final List<String> TICKET_NOTES =
      List.of(
          "Customer prefers to be called back in the evening.",
          "Customer asked for written instructions by e-mail.",
          "Sent the customer a link to Apple's iCloud storage plans.",
          "Customer mentioned the same problem on a second phone.",
          "Customer was patient and friendly throughout.",
          "Followed up by e-mail: the nightly backup ran.");

  static final List<String> ABANDON_REASONS =
      List.of(
          "The call dropped",
          "The customer had to leave for a meeting",
          "The customer will call back from home",
          "The phone's battery ran out",
          "");

  static final String ABANDON_DURING_BACKUP = "The customer had to go before the test backup ended";

  static final String SKIP_ACCOUNT = "The customer does not know the Apple ID password";
  static final String SKIP_RESET = "The customer did not want to lose saved settings";

  record Escalation(EscalationTarget target, String reason) {}

  static Escalation escalationAt(int step) {
    return switch (step) {
      case 4 ->
          new Escalation(
              EscalationTarget.COMPUTER_BACKUP,
              "The customer will neither delete data nor pay for more storage; backing up with"
                  + " a computer instead.");
      case 6 ->
          new Escalation(
              EscalationTarget.APPLE_SUPPORT,
              "The customer cannot sign in to iCloud: the Apple ID needs Apple's account"
                  + " recovery.");
      case 8 ->
          new Escalation(
              EscalationTarget.COMPUTER_BACKUP,
              "The customer will not reset all settings; backing up with a computer for now.");
      default ->
          new Escalation(
              EscalationTarget.TIER_2,
              "The backup fails with an error message the playbook does not cover.");
    };
  }

  static String pick(List<String> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }

  static String subject(SplittableRandom random, String model, String ios) {
    String template = pick(SUBJECTS, random);
    if (template.contains("%d")) {
      return template.formatted(2 + random.nextInt(40));
    }
    if (template.contains("%s")) {
      return template.formatted(template.contains("iOS") ? ios : phoneName(model));
    }
    return template;
  }

  static String description(SplittableRandom random) {
    String template = pick(DESCRIPTIONS, random);
    return template.contains("%d") ? template.formatted(3 + random.nextInt(60)) : template;
  }

  static String stepNote(int step, SplittableRandom random) {
    String[] notes = STEP_NOTES[step - 1];
    return notes[random.nextInt(notes.length)];
  }

  static String ticketNote(SplittableRandom random) {
    return pick(TICKET_NOTES, random);
  }

  private static String phoneName(String model) {
    return model.equals("Other") ? "my iPhone" : "my " + model;
  }
}
