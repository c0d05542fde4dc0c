package ru.otklik.analysis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "otklik.analysis")
public interface AnalysisConfig {

    /** Directory with the trained models, rules, routing table and gazetteer. */
    @WithDefault("nlp-models")
    Path modelsDir();

    /**
     * A region's own models ({@code import-im --out} or {@code train --out}): each categoriser found there
     * replaces the shipped one of its task, as {@code analyze --models DIR} does; the rest comes from
     * {@link #modelsDir()}.
     */
    Optional<Path> ownModelsDir();

    /** Threads analysing posts; analysis is CPU-bound, so about the number of cores. */
    @WithDefault("2")
    int workers();

    /**
     * Texts analysed at start, before the service is ready, so the JIT compiles the analysis then and not
     * during the first posts after a start (AnalysisWarmUp); 0 turns the warm-up off.
     */
    @WithDefault("2000")
    int warmUpPosts();

    /** The warm-up's time limit: on a busy machine it stops here, with fewer texts analysed. */
    @WithDefault("60s")
    Duration warmUp();

    /** The warm-up's texts: a TSV file with a {@code text} column; absent, there is no warm-up. */
    @WithDefault("labelled/written-posts.tsv")
    Path warmUpTexts();

    /** How often the queue is polled when idle ("2s", "0.5s" or an ISO-8601 duration). */
    @WithDefault("2s")
    String pollInterval();

    /**
     * Moves the line from which a post counts as an incident on the models' word alone (rules decide unless the
     * models rule the post out; see {@code nlp.IncidentDecider}): the learned decision's probability when the models
     * directory has one ({@code blend/stack.tsv}, shipped: 0.89), else the blended score of the complaint and
     * incident models (0.95). Unset, each decides at the threshold chosen with it by {@code crossval --task incident}
     * (the most cross-validated recall at ≤ 2 % false alarms that keeps the real appeals and tweets within their
     * limits, nlp-models/INCIDENT-CV.md); lower values buy recall with false alarms (docs/nlp.md).
     */
    OptionalDouble complaintThreshold();

    /**
     * Posts claimed per round. A batch's stages cost much per batch, not per post (grouping reads the candidate
     * incidents of all its complaints with their latest posts; each of its ≈ 16 statements costs the event loop and
     * PostgreSQL a fixed part): 256 instead of 64 cut a warm drain's CPU a post by 12–22 % (docs/performance.md,
     * 2026-12-05 perf-queue9 and 2026-12-06). It was 64 from 2026-12-06 01:00 to 11:00: a larger batch's analyses
     * outlive more young collections and are promoted into the capped heap (bin/otklik: 208 MB), whose old generation
     * then sat almost full of live data, so 128 and 256 made 16–19 full collections per 10,000-post drain and drained
     * no faster in the full benchmark. Since grouping's stems are interned the service keeps 102–126 MB live instead
     * of 137–146, and the full benchmark at 256 read 0.793 × `analyze` against 0.553–0.698 at 64 (36 full collections
     * in that run, GC 1.9 % of the time). A trickle of posts makes small batches anyway: a round claims what is
     * pending, up to this.
     */
    @WithDefault("256")
    int batchSize();

    /**
     * Another node's claim older than this is taken to belong to a crashed node and is released; a node takes
     * back its own claims at once (see {@link ClaimOwner}).
     */
    @WithDefault("PT10M")
    Duration claimTimeout();

    /** Analyses of a post that failed this often mark it {@code failed} instead of queueing it again. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * This node's name on its claims; must stay the same across restarts and differ between nodes sharing a
     * database. Unset: a random id kept in {@code <data-dir>/node.id}.
     */
    Optional<String> nodeId();
}
