/**
 * What {@code gilsim} leaves on disk: a run's folder and a sweep's files. It puts the lower floors
 * together (the run model from {@code results}, the file formats of {@code report}, the charts of
 * {@code chart}, the points of {@code sweep}) and is the only package that decides where a file
 * goes and writes it.
 *
 * <p>A worked example: {@code gilsim run scenarios/sleeper-beside-cpu.yaml} claims
 * {@code output/sleeper-beside-cpu/} ({@link dev.gilsim.output.RunFolder}: a lock, and a hidden
 * sibling to stage into), then {@link dev.gilsim.output.OutputFolder} writes into the staging
 * folder {@code summary.json}, {@code percentiles.csv}, {@code threads.csv}, {@code trace.json},
 * the charts under {@code charts/} and {@code report.html} last ({@code run --gil-events} adds
 * {@code gil-events.csv} after them), and the folder is renamed into place whole. The charts are painted on a pool of one thread per processor
 * ({@code ParallelWrites}) while the data files are written; their names, the
 * report's order and the error reported do not depend on which thread finishes first. {@code gilsim sweep} saves its plan as {@code plan.json} and
 * keeps each finished point in {@code sweep/points/} ({@link dev.gilsim.output.SweepFolder},
 * {@link dev.gilsim.output.PointStore}: a stopped sweep resumes, shards merge), and writes
 * {@code sweep.csv}, {@code sweep.json}, a chart per metric and {@code sweep.html}
 * ({@link dev.gilsim.output.SweepOutputs}).
 *
 * <p>Rules it keeps: every file is written whole ({@link dev.gilsim.output.AtomicFiles}: a
 * temporary file, then a rename), so a killed run leaves old files or new ones, never half of one;
 * a run's folder holds one run (charts of an earlier run that are no longer drawn are removed);
 * equal runs give byte-identical files. It implements no rule of the model.
 */
package dev.gilsim.output;
