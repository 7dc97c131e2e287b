package io.backupdesk.tools.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Who opens each ticket: exactly the requested number of distinct customers, the other tickets
 * being repeat contacts, mostly within 30 days of the customer's earlier ticket and about the same
 * phone. Remembers only a window of recent tickets (a bit over 30 days' worth).
 */
final class Customers {

  record Contact(long customerId, Phones.Phone phone) {}

  private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

  private final GeneratorSettings settings;
  private final Phones phones;
  private final Rows rows;
  private final SplittableRandom random;
  private final int withTickets;
  private int created;

  // Ring buffer of recent tickets, oldest at `head`.
  private final long[] times;
  private final long[] customerIds;
  private final int[] models;
  private final int[] majors;
  private final String[] versions;
  private int head;
  private int size;

  Customers(GeneratorSettings settings, Phones phones, Rows rows, SplittableRandom random) {
    this.settings = settings;
    this.phones = phones;
    this.rows = rows;
    this.random = random;
    this.withTickets = Math.min(settings.customers(), settings.tickets());
    double rangeSeconds = Math.max(1, Duration.between(settings.from(), settings.to()).toSeconds());
    long window = (long) Math.ceil(settings.tickets() * (31 * 86_400 / rangeSeconds) * 1.3);
    int capacity = (int) Math.max(1, Math.min(settings.tickets(), Math.max(1024, window)));
    times = new long[capacity];
    customerIds = new long[capacity];
    models = new int[capacity];
    majors = new int[capacity];
    versions = new String[capacity];
  }

  /** The customer and phone of ticket {@code index}, opened at {@code at}. */
  Contact contact(int index, Instant at, SplittableRandom ticketRandom) {
    int remaining = settings.tickets() - index;
    int needed = withTickets - created;
    boolean fresh =
        needed >= remaining
            || size == 0
            || (needed > 0 && random.nextDouble() < (double) needed / remaining);
    Contact contact;
    if (fresh) {
      contact = new Contact(newCustomer(at, ticketRandom), phones.pick(ticketRandom));
    } else {
      int earlier = earlierTicket(at.getEpochSecond());
      Phones.Phone phone;
      double u = ticketRandom.nextDouble();
      if (u < 0.75) {
        phone = phones.restore(models[earlier], majors[earlier], versions[earlier]);
      } else if (u < 0.9) {
        phone = phones.onModel(models[earlier], ticketRandom);
      } else {
        phone = phones.pick(ticketRandom);
      }
      contact = new Contact(customerIds[earlier], phone);
    }
    remember(at.getEpochSecond(), contact);
    return contact;
  }

  int created() {
    return created;
  }

  /** Customers who never opened a ticket (when more customers than tickets were asked for). */
  void withoutTickets(int count) {
    long from = settings.from().getEpochSecond();
    long span = Math.max(1, settings.to().getEpochSecond() - from);
    for (int i = 0; i < count; i++) {
      newCustomer(Instant.ofEpochSecond(from + random.nextLong(span)), random);
    }
  }

  private long newCustomer(Instant at, SplittableRandom r) {
    String first = Texts.pick(Texts.FIRST_NAMES, r);
    String last = Texts.pick(Texts.LAST_NAMES, r);
    String phone =
        r.nextDouble() < 0.7
            ? "+1 555 01" + (char) ('0' + r.nextInt(10)) + (char) ('0' + r.nextInt(10))
            : null;
    created++;
    long id = rows.nextCustomerId();
    // The id keeps generated e-mail addresses unique.
    String email =
        (first + "." + last).toLowerCase(Locale.ROOT)
            + "."
            + id
            + "@"
            + Texts.EMAIL_DOMAINS.get((int) (id % Texts.EMAIL_DOMAINS.size()));
    rows.customer(id, first + " " + last, email, phone, at);
    return id;
  }

  /** A ticket of the window, typically a week or so before {@code at}, at most 30 days. */
  private int earlierTicket(long at) {
    double gapDays = Math.min(30, Math.max(0.1, Weights.exponential(random, 8)));
    long target = at - (long) (gapDays * 86_400);
    // Binary search for the newest remembered ticket at or before the target time.
    int low = 0;
    int high = size - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (times[slot(mid)] <= target) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) {
      // Nothing that old remembered: the oldest one, if still within 30 days, else the newest.
      found = at - times[slot(0)] <= THIRTY_DAYS ? 0 : size - 1;
    }
    return slot(found);
  }

  private void remember(long at, Contact contact) {
    int slot;
    if (size < times.length) {
      slot = slot(size);
      size++;
    } else {
      slot = head;
      head = (head + 1) % times.length;
    }
    times[slot] = at;
    customerIds[slot] = contact.customerId();
    models[slot] = contact.phone().model();
    majors[slot] = contact.phone().majorIndex();
    versions[slot] = contact.phone().ios();
  }

  private int slot(int logical) {
    return (head + logical) % times.length;
  }
}
