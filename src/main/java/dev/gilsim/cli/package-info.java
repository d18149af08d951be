/**
 * The {@code gilsim} command line: the only package that uses picocli. One class per command
 * ({@code run}, {@code check}, {@code chart}, {@code sweep}, {@code merge}, {@code bench},
 * {@code validate}, {@code calibrate}), the options they share ({@code ScenarioOptions}), progress
 * on stderr, and {@link dev.gilsim.cli.Cli}'s one mapping of failures to exit codes: 0 success,
 * 2 bad input (one located line), 1 anything else, never a stack trace unless
 * {@code GILSIM_DEBUG} is set.
 */
package dev.gilsim.cli;
