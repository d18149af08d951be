package dev.gilsim.interpreter;

/**
 * G11: how often a requested drop's signal goes to the thread that asked for it rather than to
 * the waiter the wake-up policy picks, by the age of the longest other waiter. Traced on CPython
 * (docs/model.md section 9): the asker wins a few percent against a waiter that began waiting
 * within the last 200 us, and 40 to 60 % against one that has waited longer.
 *
 * @param share the probability against a longest other waiter that has waited {@code youngWaitNanos}
 *              or longer
 * @param shareAgainstYoung the probability against one that began waiting less than that ago
 * @param youngWaitNanos the age under which a waiter counts as young; 0: one share for all
 */
public record RequesterWins(double share, double shareAgainstYoung, long youngWaitNanos) {
    public RequesterWins {
        if (!(share >= 0 && share <= 1) || !(shareAgainstYoung >= 0 && shareAgainstYoung <= 1)) {
            throw new IllegalArgumentException("requester_wins must be between 0 and 1");
        }
        if (youngWaitNanos < 0) {
            throw new IllegalArgumentException("young_wait must not be negative");
        }
    }

    /** One share whatever the other waiters' age. */
    public static RequesterWins flat(double share) {
        return new RequesterWins(share, share, 0);
    }

    /** The share against a longest other waiter that began waiting {@code ageNanos} ago. */
    public double against(long ageNanos) {
        return ageNanos < youngWaitNanos ? shareAgainstYoung : share;
    }

    /** Whether the asker can win at all. */
    public boolean any() {
        return share > 0 || shareAgainstYoung > 0;
    }
}
