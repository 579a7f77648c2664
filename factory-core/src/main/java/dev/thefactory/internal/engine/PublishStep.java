package dev.thefactory.internal.engine;

import dev.thefactory.api.BuildStatus;
import dev.thefactory.api.Coverage;
import dev.thefactory.api.FallbackRecord;
import dev.thefactory.api.Mode;
import dev.thefactory.api.PhaseResult;
import dev.thefactory.api.ProjectSpec;
import dev.thefactory.api.RepairRecord;
import dev.thefactory.api.Usage;
import dev.thefactory.api.ValidationSummary;
import dev.thefactory.internal.output.FileReport;
import dev.thefactory.internal.output.PublishedOutput;
import dev.thefactory.internal.output.RequirementsReport;
import dev.thefactory.internal.output.Publisher;
import dev.thefactory.internal.output.StagingArea;
import dev.thefactory.internal.output.ValidationReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code PUBLISH} step every engine takes once a backend's output passed validation and met the feature
 * requirement: the manifest ({@code .factory/metadata.json}) is assembled and written into the staged project, and the
 * staged project is published atomically with the publisher's rules (a directory that changed since the build looked
 * at it is never replaced). The local engine and the Temporal workflow's publish activity both call these.
 *
 * <p>Stateless and thread-safe.
 */
public final class PublishStep {

    /** Where the manifest lives inside the published project. */
    public static final String METADATA_PATH = BuildMetadata.PATH;

    private PublishStep() {
    }

    /**
     * What the manifest records of a build that publishes.
     *
     * @param buildId  the build
     * @param specHash SHA-256 of the spec
     * @param spec     the validated spec
     * @param mode     the mode asked for
     * @param started  when the build started
     * @param backends the backend of every phase started, in phase order (the phase running now included)
     * @param phases   every phase that ended (ran or was skipped), in order
     * @param agents   agents spawned, on every backend tried
     * @param retries  retry attempts made
     * @param report   the report of the validated output
     * @param coverage the verified ledger of the published output
     * @param backend  the id of the backend whose output is published (the ledger's)
     * @param fallbacks every fallback
     * @param notes    the build's notes
     * @param usage    model usage summed over the build
     * @param repairs  every repair round
     */
    public record Manifest(String buildId, String specHash, ProjectSpec spec, Mode mode, Instant started,
            Map<String, String> backends, List<PhaseResult> phases, int agents, int retries, ValidationReport report, Coverage coverage,
            String backend, List<FallbackRecord> fallbacks, List<String> notes, Usage usage, List<RepairRecord> repairs) {
    }

    /**
     * Writes what the published project says of its requirements, from the verified ledger
     * ({@code REQUIREMENTS.md} and the sections of the generated README and usage docs, see
     * {@link RequirementsReport}), then the manifest, which records the rewritten documents as they are staged.
     *
     * @param staging  the staging area of the validated project
     * @param manifest what to record
     * @throws dev.thefactory.api.FactoryException when a file cannot be written
     * @throws java.io.UncheckedIOException        when a staged document cannot be read
     */
    public static void writeDocsAndMetadata(StagingArea staging, Manifest manifest) {
        List<String> rewritten = RequirementsReport.apply(staging, manifest.backend(), manifest.coverage());
        Map<String, StagingArea.FileInfo> staged = rewritten.isEmpty() ? Map.of() : staging.files();
        Map<String, StagingArea.FileInfo> now = new LinkedHashMap<>();
        for (String path : rewritten) {
            StagingArea.FileInfo info = staged.get(path);
            if (info != null) {
                now.put(path, info);
            }
        }
        staging.write(BuildMetadata.PATH, metadata(manifest, now));
    }

    /**
     * @param manifest  what to record
     * @param rewritten documents rewritten after validation, with their staged size and hash
     * @return the manifest's JSON as UTF-8, as written into the project
     */
    static byte[] metadata(Manifest manifest, Map<String, StagingArea.FileInfo> rewritten) {
        String slug = slug(manifest.spec());
        ProjectSpec spec = manifest.spec();
        Map<String, String> backends = new LinkedHashMap<>(manifest.backends());
        List<BuildMetadata.PhaseEntry> phaseEntries = new ArrayList<>();
        for (PhaseResult phase : manifest.phases()) {
            phaseEntries.add(new BuildMetadata.PhaseEntry(phase.phase().name(), phase.status().name(),
                    phase.backend(), phase.durationMillis(), phase.usage()));
        }
        List<BuildMetadata.FileEntry> files = new ArrayList<>();
        ValidationReport report = manifest.report();
        // the documents rewritten from the verified ledger after validation are recorded as staged, so that the next
        // build recognises the published tree as this build's
        for (FileReport file : report.files()) {
            StagingArea.FileInfo now = rewritten.get(file.path());
            files.add(new BuildMetadata.FileEntry(file.path(), now == null ? file.size() : now.size(),
                    now == null ? file.sha256() : now.sha256(), file.status().name(),
                    file.validator() == null ? "" : file.validator()));
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        report.files().forEach(file -> reported.add(file.path()));
        rewritten.forEach((path, now) -> {
            if (!reported.contains(path)) {
                files.add(new BuildMetadata.FileEntry(path, now.size(), now.sha256(), "UNCHECKED", ""));
            }
        });
        ValidationSummary summary = report.summary();
        return BuildMetadata.toJson(new BuildMetadata.Metadata(manifest.buildId(), manifest.specHash(),
                new BuildMetadata.Project(spec.name(), slug, spec.type() == null ? "" : spec.type().id(),
                        spec.complexity().id()),
                manifest.mode().name(), BuildStatus.SUCCEEDED.name(), ToolVersion.get(), manifest.started().toString(),
                backends, manifest.agents(), manifest.retries(), phaseEntries, files,
                new BuildMetadata.Validation(summary.checked(), summary.unchecked(), summary.failed(),
                        BuildMetadata.Tests.of(summary.tests(), report.tests())),
                BuildMetadata.CoverageEntry.of(manifest.coverage()), manifest.fallbacks(), List.copyOf(manifest.notes()),
                manifest.usage()).withRepairs(manifest.repairs()));
    }

    /**
     * @param staging the staging area of a project ready to publish
     * @return how many files of the project are staged: everything but what the core keeps under {@code .factory/}
     */
    public static int projectFiles(StagingArea staging) {
        return (int) staging.files().keySet().stream().filter(path -> !path.startsWith(".factory/")).count();
    }

    /**
     * @param spec the spec
     * @return the directory name of its project under the output directory
     */
    public static String slug(ProjectSpec spec) {
        return dev.thefactory.internal.output.SafePaths.slug(spec.name());
    }

    /**
     * Publishes the staged project atomically.
     *
     * @param staging   the staging area (its project is moved away)
     * @param slug      the project's directory name
     * @param seen      what the project's output directory held when the build started
     * @param overwrite whether a directory holding files no earlier build published may be replaced (kept aside)
     * @return the publication: where, and the notes to record
     * @throws dev.thefactory.api.OutputConflictException when the directory changed since the build looked at it
     * @throws dev.thefactory.api.FactoryException        when it could not be published
     */
    public static Publisher.Publication publish(StagingArea staging, String slug, PublishedOutput seen,
            boolean overwrite) {
        Path outputRoot = outputRoot(staging);
        return Publisher.publish(staging.root(), outputRoot, slug, staging.buildId(), seen, overwrite);
    }

    /**
     * @param staging a staging area
     * @return the output directory it lives in
     */
    public static Path outputRoot(StagingArea staging) {
        return staging.root().getParent().getParent();
    }
}
