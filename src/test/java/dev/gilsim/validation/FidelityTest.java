package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The model against the committed measurements of real CPython (probes/data): the share of
 * figures in band may only go up. The thresholds are a ratchet: raise them when the model
 * improves, and never lower them without a commit that says which measurement forced it.
 */
class FidelityTest {
    static final Path DATA = Path.of("probes/data/linux-kvm-2core");
    static final String[] VERSIONS = {"3.8.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"};

    /**
     * Simulated seeds per experiment, as {@code gilsim validate} by default: with 3, a change of
     * random draws alone moved the score by 3 points (p50s on the step between one and two
     * intervals fall either side by seed), with 5 by 1.
     */
    static final int SEEDS = 5;
    /** Lowest share of figures in band, over all versions together. */
    static final double MIN_SCORE = 0.723;
    /** Lowest share of figures in band of any one version. */
    static final double MIN_VERSION_SCORE = 0.678;
    /**
     * Most figures whose seeds spread wider than the real runs (by more than 15 %): a headline that
     * hangs on the seed is one no real run shows. 142 before C14: the host's interruptions, measured,
     * are random, and the contended figures' seeds spread wider with them.
     */
    static final int MAX_SEED_SENSITIVE_FIGURES = 161;
    /**
     * Highest geometric mean of sim/real (or real/sim), over all figures: 1.2231 with C14 over these
     * 5 seeds (1.2223 before; over 10, 1.217 against 1.225).
     */
    static final double MAX_GEOMETRIC_MEAN_RATIO = 1.224;

    @Test
    void theCommittedDatasetHoldsEveryVersionAndExperimentThreeTimes() {
        assertTrue(Files.isDirectory(DATA), DATA + " is missing");
        Dataset d = Dataset.read(DATA);
        Suite suite = Suite.builtin();
        for (String version : VERSIONS) {
            for (Suite.Experiment e : suite.experiments()) {
                assertTrue(d.runs(version, e.id()).size() >= 2,
                        "CPython " + version + " " + e.id() + ": fewer than 2 quiet runs");
            }
        }
    }

    @Test
    void theModelMatchesTheRealMeasurementsAtLeastAsWellAsTheRatchetSays() {
        Validation v = new Validator(Suite.builtin(), SEEDS, 2, List.of()).validate(Dataset.read(DATA), s -> { });
        String scores = String.format(Locale.ROOT, "score %.3f, geometric mean ratio %.3f", v.score(),
                v.geometricMeanRatio());
        assertTrue(v.score() >= MIN_SCORE, scores + ": below the ratchet " + MIN_SCORE);
        assertTrue(v.worstVersionScore() >= MIN_VERSION_SCORE,
                scores + ", worst version " + v.worstVersionScore() + ": below the ratchet " + MIN_VERSION_SCORE);
        assertTrue(v.geometricMeanRatio() <= MAX_GEOMETRIC_MEAN_RATIO,
                scores + ": above the ratchet " + MAX_GEOMETRIC_MEAN_RATIO);
        assertTrue(v.seedSensitive().size() <= MAX_SEED_SENSITIVE_FIGURES, v.seedSensitive().size()
                + " figures vary more between seeds than between real runs: above the ratchet "
                + MAX_SEED_SENSITIVE_FIGURES);
    }

    @Test
    void validationIsDeterministic() {
        Suite suite = Suite.builtin().only("^heartbeat-5ms-[24]cpu$");
        Dataset d = Dataset.read(DATA);
        Validation a = new Validator(suite, 2, 1, List.of()).validate(d, s -> { });
        Validation b = new Validator(suite, 2, 2, List.of()).validate(d, s -> { });
        assertEquals(new ValidationReport(a).csv(), new ValidationReport(b).csv());
    }
}
