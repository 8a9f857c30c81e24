package dev.genguard.engine.pmd;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.ReportedPaths;
import dev.genguard.engine.RawFinding;
import dev.genguard.engine.ScanError;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * Runs PMD in-process over source roots with GenGuard rulesets, as maven-pmd-plugin's PmdExecutor does,
 * and maps violations and processing errors to engine-neutral results.
 */
public final class PmdRunner {

    /**
     * @param sourceRoots  Java source files, or directories of them
     * @param baseDir      the directory file names are reported relative to
     * @param auxClasspath compiled classes and libraries of the analysed code, for type resolution
     * @param rulesets     ruleset references (classpath resources such as {@code genguard/pmd/default.xml} or files)
     * @param threads      PMD worker threads; 0 analyses in the calling thread
     * @param encoding     the source encoding
     * @param cacheFile    PMD's incremental analysis cache, or null for none
     */
    public record Request(List<Path> sourceRoots, Path baseDir, List<Path> auxClasspath, List<String> rulesets,
                          int threads, Charset encoding, Path cacheFile) {
        public Request {
            sourceRoots = List.copyOf(sourceRoots);
            auxClasspath = List.copyOf(auxClasspath);
            rulesets = List.copyOf(rulesets);
            Objects.requireNonNull(baseDir, "baseDir");
            Objects.requireNonNull(encoding, "encoding");
        }
    }

    private PmdRunner() {
    }

    /**
     * PMD's parser and rules recurse over the syntax tree, so a deeply nested expression in a generated source
     * overflows a default 512 KiB-1 MiB thread stack. Single-threaded runs therefore analyse in a thread of their
     * own with this much stack (reserved, committed only as used).
     */
    static final long STACK_BYTES = 256L * 1024 * 1024;

    public static EngineResult run(Request request) {
        try {
            return analyseWithStack(request, request.sourceRoots());
        } catch (StackOverflowError e) {
            // Deeper than even the big stack: analyse file by file, so one pathological file costs only itself.
            return fileByFile(request);
        }
    }

    private static EngineResult fileByFile(Request request) {
        List<RawFinding> findings = new ArrayList<>();
        List<ScanError> errors = new ArrayList<>();
        for (Path file : javaFiles(request.sourceRoots())) {
            try {
                EngineResult one = analyseWithStack(request, List.of(file));
                findings.addAll(one.findings());
                one.errors().stream().filter(e -> !errors.contains(e)).forEach(errors::add);
            } catch (StackOverflowError e) {
                errors.add(new ScanError(EngineKind.PMD, ReportedPaths.relative(request.baseDir(), file),
                        "nested too deeply to analyse (stack overflow); the file was skipped"));
            }
        }
        return new EngineResult(findings, errors);
    }

    private static List<Path> javaFiles(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (var walk = Files.walk(input)) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else if (Files.exists(input)) {
                files.add(input);
            }
        }
        return files;
    }

    /** Runs the analysis of {@code inputs}; single-threaded runs in a thread with {@link #STACK_BYTES} of stack. */
    private static EngineResult analyseWithStack(Request request, List<Path> inputs) {
        if (request.threads() > 1) {
            return analyse(request, inputs);
        }
        EngineResult[] result = new EngineResult[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = analyse(request, inputs);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "genguard-pmd", STACK_BYTES);
        // PMD finds GenGuard's rulesets through the caller's context class loader (the Maven plugin realm).
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("PMD analysis interrupted", e);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        } else if (failure[0] instanceof Error err) {
            throw err;
        } else if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return result[0];
    }

    private static EngineResult analyse(Request request, List<Path> inputs) {
        PMDConfiguration config = new PMDConfiguration();
        // In its own big-stack thread a single-threaded analysis runs in that thread (0), not in a pool thread.
        config.setThreads(request.threads() > 1 ? request.threads() : 0);
        config.setSourceEncoding(request.encoding());
        config.setRuleSets(request.rulesets());
        config.setIgnoreIncrementalAnalysis(request.cacheFile() == null);
        if (request.cacheFile() != null) {
            config.setAnalysisCacheLocation(request.cacheFile().toString());
        }
        // PMD refuses setClassLoader together with an aux classpath ("Can't mix ..."). Without it, rulesets are
        // loaded through the aux classpath loader, whose parent is the loader of PMD itself: the Maven plugin realm
        // or the test classpath, where the GenGuard jars live.
        String aux = request.auxClasspath().stream().filter(Files::exists).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        if (!aux.isEmpty()) {
            // PMD resolves JDK types from a jrt-fs.jar on the aux classpath; name the running JDK's explicitly
            // (PMD adds it anyway, with a warning on every run).
            Path jrt = Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar");
            config.prependAuxClasspath(Files.exists(jrt) ? aux + File.pathSeparator + jrt : aux);
        }
        boolean any = false;
        for (Path root : inputs) {
            if (Files.exists(root)) {
                config.addInputPath(root);
                any = true;
            }
        }
        if (!any) {
            return new EngineResult(List.of(), List.of());
        }

        Report report;
        try (PmdAnalysis analysis = PmdAnalysis.create(config)) {
            report = analysis.performAnalysisAndCollectReport();
        }
        List<RawFinding> findings = new ArrayList<>();
        for (RuleViolation v : report.getViolations()) {
            String file = ReportedPaths.relative(request.baseDir(), Path.of(v.getFileId().getAbsolutePath()));
            findings.add(new RawFinding(v.getRule().getName(), file, v.getBeginLine(), v.getEndLine(), v.getDescription(), 1));
        }
        List<ScanError> errors = new ArrayList<>();
        for (Report.ProcessingError e : report.getProcessingErrors()) {
            String absolute = e.getFileId().getAbsolutePath();
            String file = ReportedPaths.relative(request.baseDir(), Path.of(absolute));
            // PMD names the file by its absolute path in the message too: reports carry no machine's paths.
            errors.add(new ScanError(EngineKind.PMD, file, firstLine(e.getMsg()).replace(absolute, file)));
        }
        for (Report.ConfigurationError e : report.getConfigurationErrors()) {
            errors.add(new ScanError(EngineKind.PMD, "", "rule " + e.rule().getName() + " is misconfigured: " + e.issue()));
        }
        return new EngineResult(findings, errors);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
