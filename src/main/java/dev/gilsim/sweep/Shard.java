package dev.gilsim.sweep;

/**
 * A deterministic slice of a sweep's points: shard {@code index} of {@code count} runs the points
 * whose number modulo {@code count} is {@code index} (0-based, as Kubernetes indexed Jobs and
 * GNU parallel's {%} minus one count). Striping keeps slow and fast points spread over shards.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n");
        }
    }

    /** Parses {@code i/n}; throws IllegalArgumentException with a reason otherwise. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not i/n (e.g. 0/4)");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not i/n (e.g. 0/4)");
        }
    }

    public boolean includes(int point) {
        return point % count == index;
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
