package io.backupdesk.diagnostics.playbook;

import java.util.List;
import java.util.Map;

/**
 * The nine checks for "my iPhone won't back up to iCloud", one per condition an automatic backup
 * needs, cheapest and safest first. Texts are ours; facts come from the source article.
 */
public final class IcloudBackupPlaybook {
  public static final String NAME = "iPhone won't back up to iCloud";

  private IcloudBackupPlaybook() {}

  public static Playbook v1() {
    return new Playbook(
        1,
        NAME,
        List.of(
            backupSwitch().withCustomerMessage(BACKUP_SWITCH_MESSAGE),
            wifi().withCustomerMessage(WIFI_MESSAGE),
            power().withCustomerMessage(POWER_MESSAGE),
            storage().withCustomerMessage(STORAGE_MESSAGE),
            appleStatus().withCustomerMessage(APPLE_STATUS_MESSAGE),
            accountVerification().withCustomerMessage(ACCOUNT_MESSAGE),
            restart().withCustomerMessage(RESTART_MESSAGE),
            resetSettings().withCustomerMessage(RESET_MESSAGE),
            iosUpdate().withCustomerMessage(UPDATE_MESSAGE)));
  }

  /** Where Apple shows whether its services (iCloud Backup among them) work. */
  public static final String APPLE_SYSTEM_STATUS_URL =
      "https://www.apple.com/support/systemstatus/";

  // What the agent may paste into a chat or e-mail: addressed to the customer, one step at a time.
  private static final List<InstructionCase> BACKUP_SWITCH_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Please open Settings and tap your name at the very top, then tap iCloud and iCloud Backup.
                  Is the iCloud Backup switch green? If it is grey, tap it once and answer OK.
                  """)));

  private static final List<InstructionCase> WIFI_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Please open Settings > Wi-Fi and check that Wi-Fi is on and that your home network has a tick next to it.
                  If the Wi-Fi symbol at the top of the screen shows only one bar, please move closer to your router.
                  """)));

  private static final List<InstructionCase> POWER_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Please plug your iPhone in to charge: a wall socket or a computer both work.
                  The battery symbol at the top right should now show a small lightning bolt. If it does not, please try another cable, ideally the one that came with the phone.
                  """)));

  private static final List<InstructionCase> STORAGE_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Please open Settings, tap your name, then iCloud.
                  The bar at the top shows how much of your iCloud storage is used. Could you tell me whether it is full, and which items take the most room?
                  """)));

  private static final List<InstructionCase> APPLE_STATUS_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  I am checking whether Apple's iCloud Backup service itself is working right now.
                  You can follow it too on Apple's System Status page: %s (a green dot next to iCloud Backup means it works).
                  """
                      .formatted(APPLE_SYSTEM_STATUS_URL))));

  private static final List<InstructionCase> ACCOUNT_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Next we will sign out of iCloud and back in, which makes your iPhone check your Apple ID afresh.
                  Before we start: do you know your Apple ID password? You will need it to sign back in.
                  """)));

  private static final List<InstructionCase> RESTART_MESSAGE =
      List.of(
          new InstructionCase(
              DeviceVariant.FACE_ID,
              IosRange.any(),
              lines(
                  """
                  Please restart your iPhone: press and hold the side button together with either volume button until the slider appears, then drag it to the right.
                  When the screen has gone dark, press and hold the side button until the Apple logo appears.
                  """)),
          new InstructionCase(
              DeviceVariant.HOME_BUTTON,
              IosRange.any(),
              lines(
                  """
                  Please restart your iPhone: press and hold the side button (the top button on older models) until the slider appears, then drag it to the right.
                  When the screen has gone dark, press and hold the same button until the Apple logo appears.
                  """)));

  private static final List<InstructionCase> RESET_MESSAGE =
      List.of(
          new InstructionCase(
              null,
              IosRange.from(15),
              lines(
                  """
                  Please open Settings > General > Transfer or Reset iPhone, tap Reset, then Reset All Settings, and enter your passcode if asked.
                  Your photos, messages and apps stay; your preferences and saved Wi-Fi passwords are reset, so you will need to join your Wi-Fi again afterwards.
                  """)),
          new InstructionCase(
              null,
              IosRange.until(14),
              lines(
                  """
                  Please open Settings > General > Reset, tap Reset All Settings, and enter your passcode if asked.
                  Your photos, messages and apps stay; your preferences and saved Wi-Fi passwords are reset, so you will need to join your Wi-Fi again afterwards.
                  """)));

  private static final List<InstructionCase> UPDATE_MESSAGE =
      List.of(
          InstructionCase.common(
              lines(
                  """
                  Please keep your iPhone on Wi-Fi and on the charger, then open Settings > General > Software Update.
                  If an update is offered, tap Download and Install and enter your passcode. The phone restarts by itself when it is done.
                  """)));

  private static PlaybookStep backupSwitch() {
    return new PlaybookStep(
        "backup-switch",
        1,
        1,
        "iCloud Backup switch",
        text(
            """
            The phone only backs itself up to iCloud while the iCloud Backup switch is on.
            When it is off, nothing else on this list can help.
            """),
        text(
            """
            Have the customer open Settings, tap their name at the top, then iCloud and
            iCloud Backup, and tell you whether the switch is green.
            """),
        new StepInstructions.Common(
            lines(
                """
                Open Settings and tap the customer's name at the top.
                Tap iCloud, then iCloud Backup.
                Look at the iCloud Backup switch: green means it is on.
                If it is grey, tap it and answer OK to the question that follows.
                """)),
        List.of(
            new FixOption(
                "turn-on-backup",
                "Turn on iCloud Backup",
                text(
                    """
                    Tap the iCloud Backup switch so it turns green and confirm with OK. If the
                    customer would rather keep it off, a backup to a computer is the alternative.
                    """),
                false,
                false,
                Cost.LOW)),
        Cost.LOW,
        "Harmless: switching backups on changes nothing else on the phone.",
        false,
        false,
        List.of());
  }

  private static PlaybookStep wifi() {
    return new PlaybookStep(
        "wifi",
        2,
        1,
        "Wi-Fi connection",
        text(
            """
            Automatic backups run over Wi-Fi. Without a network, or with a signal too weak to
            carry a gigabyte or more, the upload never finishes.
            """),
        text(
            """
            Ask whether the Wi-Fi symbol (the fan of curved bars) shows at the top of the
            screen. If not, check Settings > Wi-Fi: is Wi-Fi on and is a network joined? Ask how
            far the phone is from the router.
            """),
        new StepInstructions.Common(
            lines(
                """
                Look for the Wi-Fi symbol at the top of the screen.
                If it is missing, open Settings > Wi-Fi and make sure the switch is green.
                Check that a network is ticked; if not, pick the customer's network and enter its password.
                If the signal shows only one or two bars, bring the phone nearer to the router.
                """)),
        List.of(
            new FixOption(
                "turn-on-wifi",
                "Switch Wi-Fi on",
                "In Settings > Wi-Fi, tap the switch so that it turns green.",
                false,
                false,
                Cost.LOW),
            new FixOption(
                "join-network",
                "Join the Wi-Fi network",
                text(
                    """
                    In Settings > Wi-Fi, pick the customer's network from the list and type its
                    password if the phone does not connect on its own.
                    """),
                false,
                false,
                Cost.LOW),
            new FixOption(
                "move-closer",
                "Move closer to the router",
                text(
                    """
                    Have the customer leave the phone near the router, ideally in the same room,
                    so the signal holds for the whole upload.
                    """),
                false,
                false,
                Cost.LOW)),
        Cost.LOW,
        "Harmless. Joining a network needs its password.",
        false,
        false,
        List.of());
  }

  private static PlaybookStep power() {
    return new PlaybookStep(
        "power",
        3,
        1,
        "Power",
        text(
            """
            An automatic backup waits until the phone is charging. A wall charger and a
            computer's USB port both count.
            """),
        text(
            """
            Ask the customer to plug the phone in and look at the battery icon at the top of the
            screen: a lightning bolt on it means the phone is charging.
            """),
        new StepInstructions.Common(
            lines(
                """
                Plug the phone into a wall charger or a computer.
                Check the battery icon for a lightning bolt.
                No bolt after a few seconds: swap the cable, and the adapter if possible.
                """)),
        List.of(
            new FixOption(
                "plug-in",
                "Plug the phone in",
                text(
                    """
                    Connect the phone to a wall charger or to a computer and wait until the
                    battery icon shows the lightning bolt.
                    """),
                false,
                false,
                Cost.LOW),
            new FixOption(
                "replace-cable",
                "Try another cable",
                text(
                    """
                    If the phone does not charge, swap the cable, preferably for the Apple cable
                    and adapter that came with it: some third-party cables charge poorly or not at
                    all.
                    """),
                false,
                false,
                Cost.LOW)),
        Cost.LOW,
        "Harmless.",
        false,
        false,
        List.of());
  }

  private static PlaybookStep storage() {
    return new PlaybookStep(
        "storage",
        4,
        1,
        "iCloud storage",
        text(
            """
            The backup has to fit into the account's iCloud storage. The free plan holds 5 GB
            and a single phone's backup often takes 1 to 4 GB, so the space fills up quickly.
            """),
        text(
            """
            Have the customer open Settings > [their name] > iCloud > Manage Storage and read out
            how much is used. A full or almost full plan leaves no room for the backup.
            """),
        new StepInstructions.Common(
            lines(
                """
                Open Settings, tap the customer's name, then iCloud.
                Tap Manage Storage and read how much of the plan is used.
                If the plan is full, free space (with the customer's agreement) or move to a bigger plan.
                """)),
        List.of(
            new FixOption(
                "delete-app-data",
                "Delete an app's data from iCloud",
                text(
                    """
                    On the Manage Storage screen, tap an app that uses a lot of space, then Delete
                    Data (some apps say Delete Documents & Data, or Turn Off and Delete) and
                    confirm. Prefer this to deleting the phone's own backup: that frees the most
                    space, but the next backup would simply fill it again. The deleted data is gone
                    from iCloud for good, so get the customer's clear agreement first.
                    """),
                true,
                false,
                Cost.MEDIUM),
            new FixOption(
                "upgrade-plan",
                "Upgrade the iCloud plan",
                text(
                    """
                    On the Manage Storage screen, tap Upgrade and choose a larger plan. This costs
                    money every month (a few dollars for the next size up), so check that the
                    customer is happy to pay before they confirm.
                    """),
                false,
                true,
                Cost.MEDIUM)),
        Cost.MEDIUM,
        text(
            """
            Deleting an app's data from iCloud cannot be undone: ask the customer first.
            Upgrading is safe but adds a monthly charge.
            """),
        false,
        false,
        List.of());
  }

  private static PlaybookStep appleStatus() {
    return new PlaybookStep(
        "apple-status",
        5,
        1,
        "Apple's iCloud Backup service",
        text(
            """
            Sometimes the fault is Apple's: while the iCloud Backup service is down, no phone
            can back up, whatever the customer does.
            """),
        text(
            """
            Open Apple's System Status page and find the iCloud Backup entry. A green dot means
            the service works and the cause lies with the phone or the account; anything else
            means Apple has a problem.
            """),
        new StepInstructions.Common(
            lines(
                """
                Open Apple's System Status page in your browser.
                Find iCloud Backup in the list.
                Green dot: the service is fine; record "nothing wrong" and carry on.
                Any other colour: record an Apple outage; the ticket then waits until Apple has fixed it.
                """)),
        List.of(),
        Cost.LOW,
        text(
            """
            Nothing to change on the phone. An outage is waited out, not fixed: the customer tries
            again once Apple reports the service as working.
            """),
        true,
        false,
        List.of());
  }

  private static PlaybookStep accountVerification() {
    return new PlaybookStep(
        "account-verification",
        6,
        1,
        "Apple ID verification",
        text(
            """
            When the account's verification gets stuck, backups stop although everything else is
            in order. Signing out of iCloud and back in makes the phone verify the account afresh.
            """),
        text(
            """
            There is no switch to look at: the test is signing out of iCloud and in again.
            Before starting, make sure the customer knows their Apple ID password.
            """),
        new StepInstructions.Common(
            lines(
                """
                Confirm that the customer knows their Apple ID password; without it, stop here.
                Open Settings, tap the customer's name, scroll down and tap Sign Out.
                Enter the Apple ID password when asked, so that Find My can be switched off, and confirm the sign-out.
                Sign in again at the top of Settings with the Apple ID and password.
                Type the code that appears on another of the customer's Apple devices, if one does, then the phone's passcode.
                Leave the phone on Wi-Fi and on the charger, locked, for example overnight.
                """)),
        List.of(
            new FixOption(
                "sign-out-and-in",
                "Sign out of iCloud and back in",
                text(
                    """
                    In Settings > [their name], scroll down and tap Sign Out. The phone asks for
                    the Apple ID password to switch Find My off; enter it, tap Turn Off and confirm
                    the sign-out (twice if asked). To sign back in, tap Sign in at the top of
                    Settings and enter the Apple ID and password. If the customer has another Apple
                    device, a verification code appears there: type it on the iPhone, then the
                    phone's passcode. Afterwards leave the phone on Wi-Fi and on the charger,
                    locked, for example overnight, so the backup has time to run.
                    """),
                true,
                false,
                Cost.HIGH)),
        Cost.HIGH,
        text(
            """
            Only do this if the customer knows their Apple ID password: without it they cannot
            sign back in. Find My stays off until they have.
            """),
        false,
        true,
        List.of());
  }

  private static PlaybookStep restart() {
    return new PlaybookStep(
        "restart",
        7,
        1,
        "Restart the iPhone",
        text(
            """
            A restart clears whatever temporary state the phone got stuck in, which is sometimes
            all that keeps a backup from running.
            """),
        text(
            """
            Walk the customer through turning the phone off and on again, using the instructions
            for their model, then ask for a test backup.
            """),
        new StepInstructions.ByVariant(
            Map.of(
                DeviceVariant.FACE_ID,
                lines(
                    """
                    Press and hold the side button together with either volume button.
                    Let go when the power-off slider appears, then drag the slider to the right.
                    When the screen has gone dark, keep the side button pressed until the Apple logo shows.
                    """),
                DeviceVariant.HOME_BUTTON,
                lines(
                    """
                    Press and hold the side button (the top button on older models such as the first iPhone SE) until the power-off slider appears.
                    Drag the slider to the right.
                    When the screen has gone dark, keep the same button pressed until the Apple logo shows.
                    """))),
        List.of(
            new FixOption(
                "restart",
                "Restart the phone",
                text(
                    """
                    Turn the phone off and on again as described for its model, then ask for a
                    test backup.
                    """),
                false,
                false,
                Cost.LOW)),
        Cost.LOW,
        text(
            """
            Harmless for data. If the customer is calling from this iPhone, the call ends: agree
            on how to reconnect first.
            """),
        false,
        false,
        List.of());
  }

  private static PlaybookStep resetSettings() {
    return new PlaybookStep(
        "reset-settings",
        8,
        1,
        "Reset all settings",
        text(
            """
            Some setting on the phone may be in the backup's way without it being clear which
            one. Resetting all settings returns every preference to its default and leaves the
            customer's data alone.
            """),
        text(
            """
            There is no single setting to inspect; the test is the reset itself. Explain what it
            removes and get the customer's agreement before they tap anything.
            """),
        new StepInstructions.ByIosVersion(
            15,
            lines(
                """
                Open Settings > General > Transfer or Reset iPhone.
                Tap Reset, then Reset All Settings.
                Enter the passcode if asked and confirm.
                Afterwards rejoin the Wi-Fi network: its saved password is gone.
                """),
            lines(
                """
                Open Settings > General > Reset.
                Tap Reset All Settings.
                Enter the passcode if asked and confirm.
                Afterwards rejoin the Wi-Fi network: its saved password is gone.
                """)),
        List.of(
            new FixOption(
                "reset-all-settings",
                "Reset all settings",
                text(
                    """
                    Photos, messages, apps and other data stay on the phone. What goes are the
                    preferences, saved Wi-Fi passwords among them, which the customer has to set
                    up again. Use the menu path for their iOS version, then rejoin Wi-Fi before the
                    test backup.
                    """),
                true,
                false,
                Cost.HIGH)),
        Cost.HIGH,
        text(
            """
            No data is lost, but every preference goes back to its default, saved Wi-Fi passwords
            included. Only with the customer's agreement.
            """),
        false,
        true,
        List.of());
  }

  private static PlaybookStep iosUpdate() {
    return new PlaybookStep(
        "ios-update",
        9,
        1,
        "Update iOS",
        text(
            """
            A bug in the installed iOS version can stop backups; Apple fixes such bugs in its
            updates.
            """),
        text(
            """
            Have the customer open Settings > General > Software Update and tell you whether an
            update is offered.
            """),
        new StepInstructions.Common(
            lines(
                """
                Make sure the phone is on Wi-Fi and on the charger.
                Open Settings > General > Software Update.
                If an update is offered, tap Download and Install and enter the passcode when asked.
                Wait for the phone to install the update and restart, then ask for a test backup.
                """)),
        List.of(
            new FixOption(
                "install-update",
                "Install the iOS update",
                text(
                    """
                    With the phone on Wi-Fi and charging, tap Download and Install and enter the
                    passcode when asked. Downloading and installing take a while and the phone
                    restarts on its own; if the customer is calling from it, agree on a call-back.
                    """),
                false,
                false,
                Cost.MEDIUM)),
        Cost.MEDIUM,
        text(
            """
            Takes time, and the phone cannot be used while the update installs. Needs Wi-Fi,
            power and the passcode.
            """),
        false,
        false,
        List.of());
  }

  /** A paragraph: the text block's line breaks are only there to keep the source readable. */
  private static String text(String block) {
    return block.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  /** One instruction per line. */
  private static List<String> lines(String block) {
    return block.strip().lines().map(String::strip).toList();
  }
}
