package dev.thefactory.internal.output.testrun;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a generated Python project's tests with {@code python3}: pytest when the project uses it, otherwise unittest
 * discovery of {@code test*.py} files (see {@code python_runner.py} next to this class). The project root and its
 * {@code src} directory are on the import path. When the installed {@code python3} is older than the project's
 * {@code requires-python}, the tests are not run (unchecked, with the reason). The data segment (heap) is capped with
 * {@code RLIMIT_DATA}. Tests are named {@code tests.test_x.ClassName#test_method}.
 *
 * <p>Thread-safe and stateless.
 */
final class PythonTests implements LanguageRunner {

    /** Why the tests are unchecked without Python. */
    static final String NO_PYTHON = "python3 was not found on the PATH; install Python 3 to run the generated Python "
            + "tests";

    @Override
    public String language() {
        return "Python";
    }

    @Override
    public boolean appliesTo(Set<String> files) {
        return files.stream().anyMatch(PythonTests::isTestFile);
    }

    static boolean isTestFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".py") && (name.startsWith("test") || name.endsWith("_test.py"))
                && Scripts.isProjectSource(path);
    }

    @Override
    public Result run(Workspace work) throws IOException, InterruptedException {
        Optional<Path> python = work.environment().find("python3");
        if (python.isEmpty()) {
            return Result.unchecked(NO_PYTHON);
        }
        String said = LanguageVersion.ask(List.of(python.get().toString(), "--version"), work);
        Optional<LanguageVersion> installed = LanguageVersion.installedPython(said);
        Optional<String> tooOld = LanguageVersion.tooOld(language(), installed, LanguageVersion.read(work.project(),
                "pyproject.toml").flatMap(LanguageVersion::requiredPython), said);
        if (tooOld.isPresent()) {
            return Result.unchecked(tooOld.get());
        }
        Path script = Scripts.copy("python_runner.py", work.scratch());
        Path results = work.scratch().resolve("results.txt");
        Path tmp = Scripts.tmp(work);
        String pythonPath = work.project().resolve("src") + File.pathSeparator + work.project();
        Map<String, String> environment = work.environment().with(Map.of("PYTHONDONTWRITEBYTECODE", "1",
                "PYTHONIOENCODING", "utf-8", "PYTHONPATH", pythonPath, "TMPDIR", tmp.toString()));
        ChildProcess.Outcome process = ChildProcess.run(List.of(python.get().toString(), "-B", script.toString(),
                results.toString(), work.project().toString(), Long.toString(work.settings().maxHeapBytes())),
                work.project(), environment, work.settings().timeout(), null);
        ResultLines lines = ResultLines.read(results);
        if (lines.unchecked() != null) {
            return Result.unchecked(lines.unchecked());
        }
        return Judgement.of(language(), process, lines.outcomes(), lines.running(), lines.done(), work.settings(),
                List.of()).withToolchain(installed.map(v -> "Python " + v).orElse(null));
    }
}
