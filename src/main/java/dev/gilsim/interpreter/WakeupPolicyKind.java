package dev.gilsim.interpreter;

import java.util.function.Supplier;

/** The closed set of wake-up policies a scenario can name; adding one is adding a constant. */
public enum WakeupPolicyKind {
    RANDOM(RandomWakeup::new),
    FIFO(FifoWakeup::new),
    LIFO(LifoWakeup::new),
    LOOP_FIRST(PreferredFirstWakeup::new);

    private final Supplier<WakeupPolicy> factory;

    WakeupPolicyKind(Supplier<WakeupPolicy> factory) {
        this.factory = factory;
    }

    public WakeupPolicy create() {
        return factory.get();
    }
}
