package dev.thefactory.internal.output;

import dev.thefactory.api.GeneratedTestSettings;
import dev.thefactory.api.UnsafePathException;
import dev.thefactory.api.ValidationSummary;
import dev.thefactory.internal.output.testrun.GeneratedTestRun;
import dev.thefactory.internal.util.Sha256;
import dev.thefactory.spi.OutputValidator;
import dev.thefactory.spi.ValidationOutcome;
import dev.thefactory.spi.ValidationOutcome.Status;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a staged project before it is published. Every file under the root is checked for confinement (no
 * symbolic link anywhere, no special file, a safe portable name, its real path under the root), every text file for
 * valid UTF-8, every planned file for existence and content, and each file's content by the first validator that
 * supports it. A file no validator supports counts as unchecked, never as passed.
 *
 * <p>Validators, in the order they are asked: the built-ins — Java (compiled in-process, see
 * {@link JavaSourceValidator}), JSON and YAML (Jackson, with nesting, size and alias limits), XML (the JDK parser with
 * DOCTYPEs and external entities refused) and {@code .properties} (malformed {@code \\u} escapes refused) — then the
 * extra validators given to the constructor, then those registered in
 * {@code META-INF/services/dev.thefactory.spi.OutputValidator}. Each registered validator is loaded in its own
 * try/catch: one that fails to load is logged and skipped and never hides the others. Built-ins come first so a
 * plugin can add checks for new file types but cannot weaken the built-in ones.
 *
 * <p>Once every file passed, {@link #validate(Path, Collection, GeneratedTestSettings)} runs the project's own
 * generated tests ({@link GeneratedTestRun}): the only time generated code is executed, always in a separate process
 * with a time limit and a heap cap, in a throw-away copy of the project.
 *
 * <pre>{@code
 * ValidationReport report = OutputValidation.withBuiltIns().validate(staging.root(), plannedFiles,
 *         GeneratedTestSettings.defaults());
 * if (!report.passed()) {
 *     throw new OutputValidationException(report.problems(), context);
 * }
 * }</pre>
 *
 * <p>Thread-safe if the extra and registered validators are (the SPI requires it). No argument may be null.
 */
public final class OutputValidation {

    /** The largest file read for validation (larger files fail); matches the default total quota. */
    static final int MAX_VALIDATED_BYTES = 64 * 1024 * 1024;
    /** The validator id of files that failed confinement checks. */
    static final String CONFINEMENT = "confinement";
    /** The validator id of text files that are not valid UTF-8. */
    static final String UTF_8 = "utf-8";
    /** The validator id of files no validator supports. */
    static final String NONE = "none";
    /** Why a file no validator supports is unchecked. */
    static final String NO_VALIDATOR = "no validator for this file type";

    private static final Logger LOG = LoggerFactory.getLogger(OutputValidation.class);

    /** Why the generated tests did not run when the project failed an earlier check. */
    static final String TESTS_NOT_REACHED = "the project failed validation before its tests could run";
    /** Why the generated tests of a build stopped (cancelled, interrupted) before they ran were not run. */
    public static final String TESTS_INTERRUPTED = "the build was interrupted before its tests could run";

    private final JavaSourceValidator java;
    private final List<OutputValidator> validators;
    private final GeneratedTestRun testRun;

    /**
     * The built-in validators, then {@code extraValidators}, then those registered with {@link ServiceLoader} (found
     * through the thread's context class loader).
     *
     * @param extraValidators validators to ask after the built-ins; their ids must be unique
     * @throws IllegalArgumentException when an extra validator's id is blank or already used
     */
    public OutputValidation(List<OutputValidator> extraValidators) {
        this(new JavaSourceValidator(), extraValidators, discover(contextClassLoader()), new GeneratedTestRun());
    }

    /**
     * @param java            the Java validator
     * @param extraValidators validators given by the caller
     * @param discovered      validators registered as services; duplicates of earlier ids are skipped
     */
    OutputValidation(JavaSourceValidator java, List<OutputValidator> extraValidators, List<OutputValidator> discovered) {
        this(java, extraValidators, discovered, new GeneratedTestRun());
    }

    /**
     * @param java            the Java validator
     * @param extraValidators validators given by the caller
     * @param discovered      validators registered as services; duplicates of earlier ids are skipped
     * @param testRun         runs the generated tests
     */
    OutputValidation(JavaSourceValidator java, List<OutputValidator> extraValidators, List<OutputValidator> discovered,
            GeneratedTestRun testRun) {
        Objects.requireNonNull(extraValidators, "extraValidators");
        this.testRun = Objects.requireNonNull(testRun, "testRun");
        this.java = Objects.requireNonNull(java, "java");
        List<OutputValidator> all = new ArrayList<>(List.of(java, new JsonOutputValidator(), new YamlOutputValidator(),
                new XmlOutputValidator(), new PropertiesOutputValidator()));
        Set<String> ids = new HashSet<>();
        all.forEach(v -> ids.add(v.id()));
        for (OutputValidator extra : extraValidators) {
            Objects.requireNonNull(extra, "extraValidators contains null");
            String id = extra.id();
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("extraValidators: " + extra.getClass().getName()
                        + " has a blank id; give it a short id such as 'toml'");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("extraValidators: the id '" + id + "' of " + extra.getClass().getName()
                        + " is already used; give each validator a unique id");
            }
            all.add(extra);
        }
        for (OutputValidator registered : discovered) {
            if (ids.add(registered.id())) {
                all.add(registered);
            } else {
                LOG.warn("skipping the registered output validator {} ({}): its id is already used",
                        registered.id(), registered.getClass().getName());
            }
        }
        this.validators = List.copyOf(all);
    }

    /** @return the built-in validators plus those registered with {@link ServiceLoader} */
    public static OutputValidation withBuiltIns() {
        return new OutputValidation(List.of());
    }

    /** @return the ids of the validators, in the order they are asked */
    public List<String> validatorIds() {
        return validators.stream().map(OutputValidator::id).toList();
    }

    /**
     * Validates a staged project, then, when it passed and {@code tests} say so, runs its generated tests (see
     * {@link GeneratedTestRun}: in separate processes, in a throw-away copy, with a time limit and a heap cap). A
     * failed test, a crash or the time limit adds a problem, so the project fails validation as it would for a
     * compile error. The report's {@link ValidationReport#tests()} holds every test's outcome and its summary's
     * {@link ValidationSummary#tests()} the counts, or why the tests were not run.
     *
     * @param projectRoot  the project's root directory (must not itself be a link)
     * @param plannedFiles paths the project must contain, each non-empty
     * @param tests        whether and how to run the generated tests
     * @return the report; {@link ValidationReport#passed()} says whether it may be published
     */
    public ValidationReport validate(Path projectRoot, Collection<String> plannedFiles, GeneratedTestSettings tests) {
        return validate(projectRoot, plannedFiles, tests, null);
    }

    /**
     * Validates a staged project as {@link #validate(Path, Collection, GeneratedTestSettings)} does, compiling its
     * Java sources and copying it for its tests in a work directory of the caller's: a build passes its own, which it
     * removes when it ends and which a later build removes when the build was killed (see {@link StagingArea}).
     *
     * @param projectRoot  the project's root directory (must not itself be a link)
     * @param plannedFiles paths the project must contain, each non-empty
     * @param tests        whether and how to run the generated tests
     * @param workIn       where the temporary directories are made (outside the project); null for
     *                     {@code java.io.tmpdir}
     * @return the report; {@link ValidationReport#passed()} says whether it may be published
     */
    public ValidationReport validate(Path projectRoot, Collection<String> plannedFiles, GeneratedTestSettings tests,
            Path workIn) {
        Objects.requireNonNull(tests, "tests");
        ValidationReport files = validateFiles(projectRoot, plannedFiles, workIn);
        if (!tests.enabled()) {
            return withTests(files, GeneratedTestRun.Result.unchecked(GeneratedTestRun.TURNED_OFF));
        }
        if (Thread.currentThread().isInterrupted()) {
            // the build was stopped while its files were checked: its tests are not started
            return withTests(files, GeneratedTestRun.Result.unchecked(TESTS_INTERRUPTED));
        }
        if (!files.passed()) {
            return withTests(files, GeneratedTestRun.Result.unchecked(TESTS_NOT_REACHED));
        }
        GeneratedTestRun.Result ran = testRun.run(projectRoot, tests, workIn);
        LOG.debug("generated tests of {}: {}", projectRoot, ran.summary());
        return withTests(files, ran);
    }

    private static ValidationReport withTests(ValidationReport files, GeneratedTestRun.Result tests) {
        List<String> problems = new ArrayList<>(files.problems());
        problems.addAll(tests.problems());
        return new ValidationReport(files.files(), files.summary().withTests(tests.summary()), problems,
                tests.tests(), tests.notes().stream().filter(n -> !n.isBlank()).toList());
    }

    /**
     * Validates a staged project's files without running anything (its generated tests are not run; see
     * {@link #validate(Path, Collection, GeneratedTestSettings)}).
     *
     * @param projectRoot  the project's root directory (must not itself be a link)
     * @param plannedFiles paths the project must contain, each non-empty
     * @return the report; {@link ValidationReport#passed()} says whether it may be published
     */
    public ValidationReport validate(Path projectRoot, Collection<String> plannedFiles) {
        return validateFiles(projectRoot, plannedFiles, null);
    }

    private ValidationReport validateFiles(Path projectRoot, Collection<String> plannedFiles, Path workIn) {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(plannedFiles, "plannedFiles");
        List<String> problems = new ArrayList<>();
        if (Files.isSymbolicLink(projectRoot) || !Files.isDirectory(projectRoot, LinkOption.NOFOLLOW_LINKS)) {
            problems.add(projectRoot + ": the project root is a symbolic link or not a directory");
            return new ValidationReport(List.of(), ValidationSummary.EMPTY, problems);
        }
        Path root;
        try {
            root = projectRoot.toRealPath();
        } catch (IOException e) {
            problems.add(projectRoot + ": the project root cannot be resolved: " + e);
            return new ValidationReport(List.of(), ValidationSummary.EMPTY, problems);
        }
        Map<String, FileReport> reports = new TreeMap<>();
        Map<String, Long> regularFiles = new TreeMap<>();
        walk(root, reports, regularFiles, problems);
        checkPlanned(plannedFiles, regularFiles, reports, problems);

        Map<String, Long> sizes = new TreeMap<>();
        Map<String, String> hashes = new TreeMap<>();
        List<String> javaFiles = new ArrayList<>();
        for (String path : regularFiles.keySet()) {
            FileReport early = precheck(root, path, sizes, hashes);
            if (early != null) {
                reports.put(path, early);
                continue;
            }
            OutputValidator validator = validators.stream().filter(v -> supports(v, path)).findFirst().orElse(null);
            if (validator == null) {
                reports.put(path, report(path, sizes, hashes, NONE, Verdict.unchecked(NO_VALIDATOR)));
            } else if (validator == java) {
                javaFiles.add(path);
            } else {
                reports.put(path, report(path, sizes, hashes, validator.id(), run(validator, root, path)));
            }
        }
        JavaSourceValidator.Results javaResults = java.validateAll(root, javaFiles, workIn);
        for (String path : javaFiles) {
            reports.put(path, report(path, sizes, hashes, java.id(), javaResults.files().get(path)));
        }
        problems.addAll(javaResults.projectProblems());

        List<String> allProblems = new ArrayList<>();
        int passed = 0;
        int unchecked = 0;
        int failed = 0;
        for (FileReport report : reports.values()) {
            allProblems.addAll(report.problems());
            switch (report.status()) {
                case PASSED -> passed++;
                case UNCHECKED -> unchecked++;
                case FAILED -> failed++;
            }
        }
        allProblems.addAll(problems);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(allProblems));
        ValidationReport report = new ValidationReport(List.copyOf(reports.values()),
                new ValidationSummary(passed, unchecked, failed), distinct);
        LOG.debug("validated {}: {} passed, {} unchecked, {} failed, {} problem(s)", root, passed, unchecked, failed,
                distinct.size());
        return report;
    }

    /** Collects regular files; links and special files become failed reports. Never follows a link. */
    private static void walk(Path root, Map<String, FileReport> reports, Map<String, Long> regularFiles,
            List<String> problems) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = relative(root, file);
                    if (attrs.isRegularFile()) {
                        regularFiles.put(path, attrs.size());
                    } else {
                        String what = attrs.isSymbolicLink() ? "is a symbolic link" : "is not a regular file";
                        reports.put(path, new FileReport(path, 0, "", Status.FAILED, CONFINEMENT,
                                List.of(ProjectFiles.problem(path, 0, what + "; generated output may hold only "
                                        + "regular files and directories"))));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String path = relative(root, file);
                    reports.put(path, new FileReport(path, 0, "", Status.FAILED, CONFINEMENT,
                            List.of(ProjectFiles.problem(path, 0, "cannot be read: " + e))));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(root + ": the project cannot be listed: " + e);
        }
    }

    private static void checkPlanned(Collection<String> plannedFiles, Map<String, Long> regularFiles,
            Map<String, FileReport> reports, List<String> problems) {
        for (String planned : new java.util.TreeSet<>(plannedFiles)) {
            String path;
            try {
                path = SafePaths.normalize(planned);
            } catch (UnsafePathException e) {
                problems.add(ProjectFiles.problem(planned, 0, "planned path refused: " + e.getMessage()));
                continue;
            }
            Long size = regularFiles.get(path);
            if (size == null) {
                problems.add(ProjectFiles.problem(path, 0, reports.containsKey(path)
                        ? "planned file is not a regular file" : "planned file is missing; generate it"));
            } else if (size == 0) {
                problems.add(ProjectFiles.problem(path, 0, "planned file is empty; generate its content"));
            }
        }
    }

    /** Confinement, size and encoding checks; returns a failed report, or null when content checks may run. */
    private static FileReport precheck(Path root, String path, Map<String, Long> sizes, Map<String, String> hashes) {
        Path file = root.resolve(path.replace("/", root.getFileSystem().getSeparator()));
        try {
            String normalized = SafePaths.normalize(path);
            if (!normalized.equals(path)) {
                throw new UnsafePathException(path, "it is not in normalized form ('" + normalized + "')");
            }
        } catch (UnsafePathException e) {
            return new FileReport(path, 0, "", Status.FAILED, CONFINEMENT,
                    List.of(ProjectFiles.problem(path, 0, "unsafe name: " + e.getMessage())));
        }
        byte[] content;
        try {
            Path real = file.toRealPath();
            if (!SafePaths.isWithin(root, real)) {
                return new FileReport(path, 0, "", Status.FAILED, CONFINEMENT,
                        List.of(ProjectFiles.problem(path, 0, "resolves to '" + real + "', outside the project root")));
            }
            if (Files.size(file) > MAX_VALIDATED_BYTES) {
                return new FileReport(path, Files.size(file), "", Status.FAILED, CONFINEMENT,
                        List.of(ProjectFiles.problem(path, 0, "is larger than " + MAX_VALIDATED_BYTES
                                + " bytes, too large to validate")));
            }
            content = ProjectFiles.read(file);
        } catch (IOException e) {
            return new FileReport(path, 0, "", Status.FAILED, CONFINEMENT,
                    List.of(ProjectFiles.problem(path, 0, "cannot be read: " + e)));
        }
        sizes.put(path, (long) content.length);
        hashes.put(path, Sha256.hex(content));
        int invalid = ProjectFiles.isText(path) ? ProjectFiles.firstInvalidUtf8(content) : -1;
        if (invalid >= 0) {
            return new FileReport(path, content.length, hashes.get(path), Status.FAILED, UTF_8,
                    List.of(ProjectFiles.problem(path, 0, "is not valid UTF-8 (first bad byte at offset " + invalid
                            + "); write text files as UTF-8")));
        }
        return null;
    }

    private static boolean supports(OutputValidator validator, String path) {
        try {
            return validator.supports(path);
        } catch (RuntimeException e) {
            LOG.warn("output validator {} failed in supports({}); treating it as not supporting the file",
                    validator.id(), path, e);
            return false;
        }
    }

    /** Runs a per-file validator; a validator that throws or returns null fails the file (it was not verified). */
    private static Verdict run(OutputValidator validator, Path root, String path) {
        ValidationOutcome outcome;
        try {
            outcome = validator.validate(root, path);
        } catch (RuntimeException e) {
            LOG.warn("output validator {} threw while checking {}", validator.id(), path, e);
            return Verdict.failed(List.of(ProjectFiles.problem(path, 0, "validator '" + validator.id() + "' threw "
                    + e + "; fix or remove the validator")));
        }
        if (outcome == null) {
            return Verdict.failed(List.of(ProjectFiles.problem(path, 0, "validator '" + validator.id()
                    + "' returned no outcome; fix or remove the validator")));
        }
        return switch (outcome.status()) {
            case PASSED -> Verdict.passed();
            case UNCHECKED -> Verdict.unchecked("validator '" + validator.id() + "' could not check it");
            case FAILED -> Verdict.failed(outcome.problems().isEmpty()
                    ? List.of(ProjectFiles.problem(path, 0, "failed validator '" + validator.id() + "'"))
                    : outcome.problems().stream().map(p -> p.startsWith(path) ? p : ProjectFiles.problem(path, 0, p))
                            .toList());
        };
    }

    private static FileReport report(String path, Map<String, Long> sizes, Map<String, String> hashes, String validator,
            Verdict verdict) {
        return new FileReport(path, sizes.get(path), hashes.get(path), verdict.status(), validator, verdict.problems(),
                verdict.detail());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
    }

    /**
     * Loads the validators registered as services, each in its own try/catch: one that fails to load (a bad service
     * file, a missing class, a throwing constructor or id) is logged at WARN and skipped.
     *
     * @param loader where to look
     * @return the validators that loaded, in discovery order
     */
    static List<OutputValidator> discover(ClassLoader loader) {
        List<OutputValidator> found = new ArrayList<>();
        Iterator<OutputValidator> iterator = ServiceLoader.load(OutputValidator.class, loader).iterator();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                OutputValidator validator = iterator.next();
                String id = Objects.requireNonNull(validator.id(), "id()");
                found.add(validator);
                LOG.debug("found output validator {} ({}) in {}", id, validator.getClass().getName(),
                        validator.getClass().getProtectionDomain().getCodeSource());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.warn("skipping an output validator that failed to load: {}", e.toString(), e);
            }
        }
        return found;
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : OutputValidation.class.getClassLoader();
    }
}
