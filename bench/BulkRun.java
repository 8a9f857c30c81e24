import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.ScanResult;
import dev.genguard.engine.Scanner;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.reporting.Report;

/**
 * The bulk robustness run (bench/bulk.sh): every GenGuard rule and detector (profile {@code all}) over the binary and
 * sources jars of hundreds of popular artifacts, one engine {@link Scanner} run per artifact, PMD over the unpacked
 * sources and SpotBugs over the binary jar, without the artifact's dependencies.
 *
 * <pre>
 * java -cp CP bench/BulkRun.java run PLUGIN_JAR WORK_DIR ARTIFACT_LIST SHARD SHARDS TIMEOUT_SECONDS
 *     analyses the artifacts of one shard (index % SHARDS == SHARD) whose result file WORK_DIR/results/KEY.txt
 *     does not exist yet, writing one result file each; exits 3 after a timeout (the analysis thread cannot be
 *     stopped, and SpotBugs' static state is then unusable), so that the script restarts it for the rest.
 * java -cp CP bench/BulkRun.java summary WORK_DIR ARTIFACT_LIST
 *     aggregates the result files: corpus size, time, peak heap, errors, timeouts, noise map (Markdown).
 * </pre>
 *
 * Errors are split into GenGuard code (a stack frame of dev.genguard raised it, or a GenGuard detector failed) and
 * the engines' own (PMD parse errors, SpotBugs class-reading problems). For a PMD processing error the engine only
 * keeps the message's first line; the file is analysed again with PMD directly to obtain the exception and its stack.
 */
public class BulkRun {

    static final AtomicLong JVM_PEAK = new AtomicLong();
    static final AtomicLong ARTIFACT_PEAK = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("summary")) {
            summary(Path.of(args[1]), readList(Path.of(args[2])));
            return;
        }
        Path plugin = Path.of(args[1]);
        Path work = Path.of(args[2]);
        List<String> gavs = readList(Path.of(args[3]));
        int shard = Integer.parseInt(args[4]);
        int shards = Integer.parseInt(args[5]);
        long timeout = Long.parseLong(args[6]);
        Files.createDirectories(work.resolve("results"));
        Set<String> genguardDetectors = genguardDetectors(plugin);
        startSampler();
        Scanner scanner = new Scanner(Catalog.load());
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulk-scan");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < gavs.size(); i++) {
            if (i % shards != shard) {
                continue;
            }
            String gav = gavs.get(i);
            String key = key(gav);
            Path result = work.resolve("results").resolve(key + ".txt");
            if (Files.exists(result)) {
                continue;
            }
            Path jar = work.resolve("jars").resolve(key + ".jar");
            Path sourcesJar = work.resolve("jars").resolve(key + "-sources.jar");
            StringBuilder out = new StringBuilder();
            out.append("artifact\t").append(gav).append('\n');
            if (!Files.exists(jar)) {
                out.append("missing\tjar\n");
                Files.writeString(result, out);
                System.out.println(gav + ": no binary jar, skipped");
                continue;
            }
            Path src = work.resolve("src").resolve(key);
            if (Files.exists(sourcesJar)) {
                unpack(sourcesJar, src);
            } else {
                out.append("missing\tsources\n");
                Files.createDirectories(src);
            }
            long[] lines = lines(src);
            JarInfo info = jarInfo(jar);
            out.append("lines\t").append(lines[0]).append('\n');
            out.append("javaFiles\t").append(lines[1]).append('\n');
            out.append("kotlinScalaLines\t").append(lines[2]).append('\n');
            out.append("classes\t").append(info.classes).append('\n');
            out.append("versionedClasses\t").append(info.versioned).append('\n');
            out.append("multiRelease\t").append(info.multiRelease).append('\n');
            out.append("maxMajor\t").append(info.maxMajor).append('\n');
            out.append("kotlinClasses\t").append(info.kotlin).append('\n');
            out.append("scalaClasses\t").append(info.scala).append('\n');
            System.gc();
            ARTIFACT_PEAK.set(0);
            long start = System.nanoTime();
            Future<ScanResult> future = executor.submit(() -> scanner.scan(new ScanRequest(src, List.of(src),
                    List.of(jar), List.of(), Profile.ALL, List.of(plugin), StandardCharsets.UTF_8, 1)));
            ScanResult scan = null;
            boolean timedOut = false;
            Throwable failure = null;
            try {
                scan = future.get(timeout, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                timedOut = true;
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.append("millis\t").append(millis).append('\n');
            out.append("peakHeap\t").append(ARTIFACT_PEAK.get()).append('\n');
            out.append("timeout\t").append(timedOut ? 1 : 0).append('\n');
            int gg = 0;
            int own = 0;
            if (failure instanceof OutOfMemoryError) {
                out.append("outOfMemory\t1\n");
            }
            if (failure != null) {
                boolean ours = raisedByGenGuard(failure);
                out.append("error\t").append(ours ? "GENGUARD" : "ENGINE").append("\tscanner\t-\tscan failed: ")
                        .append(oneLine(failure)).append(" | ").append(frames(failure)).append('\n');
                if (ours) {
                    gg++;
                } else {
                    own++;
                }
            }
            if (scan != null) {
                Map<String, Integer> perRule = new TreeMap<>();
                for (Finding f : scan.findings()) {
                    perRule.merge(f.ruleId(), 1, Integer::sum);
                }
                perRule.forEach((rule, n) -> out.append("finding\t").append(rule).append('\t').append(n).append('\n'));
                int reanalysed = 0;
                for (ScanError e : scan.errors()) {
                    String kind;
                    String detail = e.message();
                    if (e.engine() == EngineKind.PMD && !e.file().isEmpty() && !e.message().matches(
                            "^(ParseException|LexException|MalformedSourceException|TokenMgrError).*") && reanalysed++ < 20) {
                        String[] pmd = pmdDetail(src.resolve(e.file()), jar);
                        kind = pmd[0];
                        detail = e.message() + " | " + pmd[1];
                    } else if (e.message().contains(" stopped at its budget (")) {
                        // A GenGuard analysis that kept its budget: one line, by design, not an error.
                        kind = "BUDGET";
                    } else if (e.engine() == EngineKind.SPOTBUGS) {
                        kind = spotbugsGenGuard(e.message(), genguardDetectors) ? "GENGUARD" : "ENGINE";
                    } else {
                        kind = e.message().contains("dev.genguard") ? "GENGUARD" : "ENGINE";
                    }
                    if (kind.equals("GENGUARD")) {
                        gg++;
                    } else if (!kind.equals("BUDGET")) {
                        own++;
                    }
                    out.append("error\t").append(kind).append('\t').append(e.engine().id()).append('\t')
                            .append(e.file().isEmpty() ? "-" : e.file()).append('\t')
                            .append(detail.replaceAll("[\\t\\r\\n]+", " ")).append('\n');
                }
            }
            Files.writeString(result, out);
            System.out.printf("%-70s %8d lines %6d classes %5d findings %3d genguard-errors %4d engine-errors %7d ms %5d MB%s%n",
                    gav, lines[0], info.classes, scan == null ? 0 : scan.findings().size(), gg, own, millis,
                    ARTIFACT_PEAK.get() >> 20, timedOut ? " TIMEOUT" : "");
            if (timedOut) {
                writePeak(work, shard);
                System.exit(3);
            }
        }
        writePeak(work, shard);
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------- memory

    /** Samples used heap every 50 ms; the JVM-wide and the current artifact's maximum. */
    static void startSampler() {
        Thread t = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                long used = memory.getHeapMemoryUsage().getUsed();
                JVM_PEAK.accumulateAndGet(used, Math::max);
                ARTIFACT_PEAK.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
    }

    static void writePeak(Path work, int shard) throws IOException {
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        Files.writeString(work.resolve("results").resolve("jvm-" + shard + "-" + ProcessHandle.current().pid() + ".peak"),
                "sampledPeakHeap\t" + JVM_PEAK.get() + "\npoolPeakSum\t" + pools + "\nmaxHeap\t" + max + "\n");
    }

    // ---------------------------------------------------------------------------------------------- errors

    static Set<String> genguardDetectors(Path plugin) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(plugin.toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("findbugs.xml")).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<Detector\\s+class=\"([^\"]+)\"").matcher(xml);
            while (m.find()) {
                names.add(m.group(1).substring(m.group(1).lastIndexOf('.') + 1));
            }
        }
        return names;
    }

    static final Pattern DETECTOR = Pattern.compile("^detector (\\S+) failed");

    static boolean spotbugsGenGuard(String message, Set<String> detectors) {
        Matcher m = DETECTOR.matcher(message);
        // "GenGuard: cannot analyse ...": a GenGuard detector caught an exception of its own and logged it.
        return message.contains("dev.genguard") || message.startsWith("GenGuard:")
                || (m.find() && detectors.contains(m.group(1)));
    }

    /** True when the frame that threw (first non-JDK frame) or any frame before the first engine frame is ours. */
    static boolean raisedByGenGuard(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (StackTraceElement f : c.getStackTrace()) {
                String cls = f.getClassName();
                if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                    continue;
                }
                if (cls.startsWith("dev.genguard.engine.Scanner") || cls.startsWith("BulkRun")) {
                    break;
                }
                if (cls.startsWith("dev.genguard")) {
                    return true;
                }
                break;
            }
        }
        return false;
    }

    /**
     * Analyses one file again with PMD directly (the engine keeps only the first line of a processing error) and
     * returns {GENGUARD|ENGINE, exception and its dev.genguard frames}.
     */
    static String[] pmdDetail(Path file, Path jar) {
        try {
            PMDConfiguration config = new PMDConfiguration();
            config.setThreads(0);
            config.setSourceEncoding(StandardCharsets.UTF_8);
            config.setRuleSets(List.of(Profile.ALL.pmdRuleset()));
            config.setIgnoreIncrementalAnalysis(true);
            Path jrt = Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar");
            config.prependAuxClasspath(jar + java.io.File.pathSeparator + jrt);
            config.addInputPath(file);
            Report report;
            try (PmdAnalysis analysis = PmdAnalysis.create(config)) {
                report = analysis.performAnalysisAndCollectReport();
            }
            for (Report.ProcessingError e : report.getProcessingErrors()) {
                Throwable t = e.getError();
                boolean ours = false;
                for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                    ours |= Arrays.stream(c.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("dev.genguard"));
                }
                return new String[] {ours ? "GENGUARD" : "ENGINE", oneLine(t) + " | " + frames(t)};
            }
            return new String[] {"ENGINE", "not reproduced when the file is analysed alone"};
        } catch (RuntimeException | Error e) {
            return new String[] {"ENGINE", "re-analysis failed: " + oneLine(e)};
        }
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m != null && m.indexOf('\n') >= 0) {
            m = m.substring(0, m.indexOf('\n'));
        }
        return t.getClass().getName() + (m == null ? "" : ": " + m);
    }

    /** The first frame, the first three dev.genguard frames, and the same for the root cause. */
    static String frames(Throwable t) {
        StringBuilder s = new StringBuilder();
        Throwable root = t;
        for (int d = 0; d < 32 && root.getCause() != null && root.getCause() != root; d++) {
            root = root.getCause();
        }
        for (Throwable c : root == t ? List.of(t) : List.of(t, root)) {
            StackTraceElement[] trace = c.getStackTrace();
            if (c != t) {
                s.append(" caused by ").append(oneLine(c)).append(';');
            }
            if (trace.length > 0) {
                s.append(" at ").append(trace[0]);
            }
            Arrays.stream(trace).filter(f -> f.getClassName().startsWith("dev.genguard")).limit(3)
                    .forEach(f -> s.append(" < ").append(f));
        }
        return s.toString().strip();
    }

    // ---------------------------------------------------------------------------------------------- corpus

    static List<String> readList(Path list) throws IOException {
        return Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static String key(String gav) {
        String[] p = gav.split(":");
        return p[0] + "." + p[1] + "-" + p[2];
    }

    static void unpack(Path jar, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        if (Files.exists(tmp)) {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path target = tmp.resolve(e.getName()).normalize();
                if (!target.startsWith(tmp) || e.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(tmp);
        Files.move(tmp, dir);
    }

    /** {non-blank .java lines, .java files, non-blank .kt/.scala lines}. */
    static long[] lines(Path dir) throws IOException {
        long[] n = new long[3];
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                boolean java = name.endsWith(".java");
                if (java || name.endsWith(".kt") || name.endsWith(".scala")) {
                    long c = Files.readAllLines(p, StandardCharsets.ISO_8859_1).stream().filter(l -> !l.isBlank()).count();
                    n[java ? 0 : 2] += c;
                    if (java) {
                        n[1]++;
                    }
                }
            }
        }
        return n;
    }

    record JarInfo(long classes, long versioned, boolean multiRelease, int maxMajor, long kotlin, long scala) {
    }

    static JarInfo jarInfo(Path jar) throws IOException {
        long classes = 0;
        long versioned = 0;
        int maxMajor = 0;
        long kotlin = 0;
        long scala = 0;
        boolean mr = false;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry manifest = zip.getEntry("META-INF/MANIFEST.MF");
            if (manifest != null) {
                mr = new String(zip.getInputStream(manifest).readAllBytes(), StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT).contains("multi-release: true");
            }
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                if (e.getName().startsWith("META-INF/versions/")) {
                    versioned++;
                }
                byte[] b;
                try (InputStream in = zip.getInputStream(e)) {
                    b = in.readAllBytes();
                }
                if (b.length > 8) {
                    maxMajor = Math.max(maxMajor, ((b[6] & 0xff) << 8) | (b[7] & 0xff));
                }
                String text = new String(b, StandardCharsets.ISO_8859_1);
                if (text.contains("Lkotlin/Metadata;")) {
                    kotlin++;
                }
                if (text.contains("ScalaSignature") || text.contains("ScalaSig") || text.contains("TASTY")
                        || text.contains("Lscala/")) {
                    scala++;
                }
            }
        }
        return new JarInfo(classes, versioned, mr, maxMajor, kotlin, scala);
    }

    // ---------------------------------------------------------------------------------------------- summary

    static void summary(Path work, List<String> gavs) throws IOException {
        Catalog catalog = Catalog.load();
        long lines = 0, javaFiles = 0, ktScala = 0, classes = 0, millis = 0, peak = 0, timeouts = 0;
        int analysed = 0, noSources = 0, noJar = 0;
        Map<String, Long> perRule = new TreeMap<>();
        List<String> ggErrors = new ArrayList<>();
        Map<String, List<String>> ownErrors = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        List<String> kotlin = new ArrayList<>(), scala = new ArrayList<>(), mr = new ArrayList<>();
        Map<Integer, List<String>> byMajor = new TreeMap<>();
        List<double[]> heapPerLines = new ArrayList<>();
        List<String> timeoutList = new ArrayList<>();
        List<String> failedScans = new ArrayList<>();
        List<String> outOfMemory = new ArrayList<>();
        List<String> budgetStops = new ArrayList<>();
        long failedLines = 0, failedClasses = 0;
        for (String gav : gavs) {
            Path f = work.resolve("results").resolve(key(gav) + ".txt");
            if (!Files.exists(f)) {
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            int gg = 0, own = 0;
            long findings = 0;
            for (String line : Files.readAllLines(f)) {
                String[] p = line.split("\t", 6);
                switch (p[0]) {
                    case "finding" -> {
                        perRule.merge(p[1], Long.parseLong(p[2]), Long::sum);
                        findings += Long.parseLong(p[2]);
                    }
                    case "error" -> {
                        if (p[2].equals("scanner")) {
                            v.put("scanFailed", "1");
                        }
                        String where = gav + " | " + p[3] + " | " + p[2] + " | " + p[4];
                        if (p[1].equals("BUDGET")) {
                            budgetStops.add(where);
                        } else if (p[1].equals("GENGUARD")) {
                            ggErrors.add(where);
                            gg++;
                        } else {
                            ownErrors.computeIfAbsent(p[2], k -> new ArrayList<>()).add(gav + " | " + p[3] + " | " + p[4]);
                            own++;
                        }
                    }
                    case "missing" -> v.merge("missing", p[1], (a, b) -> a + "," + b);
                    default -> v.put(p[0], p.length > 1 ? p[1] : "");
                }
            }
            if ("jar".equals(v.get("missing"))) {
                noJar++;
                continue;
            }
            analysed++;
            if (v.getOrDefault("missing", "").contains("sources")) {
                noSources++;
            }
            long l = Long.parseLong(v.get("lines"));
            long c = Long.parseLong(v.get("classes"));
            long ms = Long.parseLong(v.get("millis"));
            long heap = Long.parseLong(v.get("peakHeap"));
            lines += l;
            javaFiles += Long.parseLong(v.get("javaFiles"));
            ktScala += Long.parseLong(v.get("kotlinScalaLines"));
            classes += c;
            millis += ms;
            peak = Math.max(peak, heap);
            if (v.get("timeout").equals("1")) {
                timeouts++;
                timeoutList.add(gav);
            }
            if (v.containsKey("outOfMemory")) {
                outOfMemory.add(gav + " (" + c + " classes, " + l + " lines)");
            }
            if (v.containsKey("scanFailed")) {
                failedScans.add(gav);
                failedLines += l;
                failedClasses += c;
            }
            int major = Integer.parseInt(v.get("maxMajor"));
            byMajor.computeIfAbsent(major, k -> new ArrayList<>()).add(gav);
            if (Long.parseLong(v.get("kotlinClasses")) > 0) {
                kotlin.add(gav + " (" + v.get("kotlinClasses") + ")");
            }
            if (Long.parseLong(v.get("scalaClasses")) > 0 && !gav.contains("jackson")) {
                scala.add(gav + " (" + v.get("scalaClasses") + ")");
            }
            if (v.get("multiRelease").equals("true")) {
                mr.add(gav + " (" + v.get("versionedClasses") + ")");
            }
            if (l >= 10_000) {
                heapPerLines.add(new double[] {heap / 1048576.0 / l * 100_000, l, heap / 1048576.0});
            }
            rows.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %.1f | %d |%s", gav, l, c, major, findings, gg, own,
                    ms / 1000.0, heap >> 20, v.getOrDefault("missing", "").isEmpty() ? "" : " no sources jar"));
        }
        long jvmPeak = 0, poolPeak = 0, maxHeap = 0;
        try (Stream<Path> s = Files.list(work.resolve("results"))) {
            for (Path p : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".peak"))::iterator) {
                for (String line : Files.readAllLines(p)) {
                    String[] kv = line.split("\t");
                    long val = Long.parseLong(kv[1]);
                    switch (kv[0]) {
                        case "sampledPeakHeap" -> jvmPeak = Math.max(jvmPeak, val);
                        case "poolPeakSum" -> poolPeak = Math.max(poolPeak, val);
                        default -> maxHeap = Math.max(maxHeap, val);
                    }
                }
            }
        }
        long ownTotal = ownErrors.values().stream().mapToLong(List::size).sum();
        System.out.printf("## Totals%n%n");
        System.out.printf("| | |%n|---|---|%n");
        System.out.printf("| artifacts analysed | %d of %d listed (%d without a sources jar, %d without a binary jar) |%n",
                analysed, gavs.size(), noSources, noJar);
        System.out.printf("| classes (.class entries of the binary jars) | %,d |%n", classes);
        System.out.printf("| non-blank Java source lines (PMD) | %,d in %,d files |%n", lines, javaFiles);
        System.out.printf("| non-blank Kotlin/Scala source lines (not PMD input; their classes are SpotBugs input) | %,d |%n", ktScala);
        System.out.printf("| analysis time, sum over artifacts | %.1f min |%n", millis / 60000.0);
        System.out.printf("| peak used heap, one artifact (sampled every 50 ms) | %d MB |%n", peak >> 20);
        System.out.printf("| peak used heap, JVM (sampled / sum of heap pool peaks) | %d MB / %d MB of -Xmx %d MB |%n",
                jvmPeak >> 20, poolPeak >> 20, maxHeap >> 20);
        System.out.printf("| errors from GenGuard code | %d |%n", ggErrors.size());
        System.out.printf("| engine-own processing errors | %d (%s) |%n", ownTotal,
                ownErrors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
        System.out.printf("| analysis timeouts | %d %s |%n", timeouts, timeoutList);
        System.out.printf("| out of heap (OutOfMemoryError under this -Xmx) | %d %s |%n", outOfMemory.size(), outOfMemory);
        System.out.printf("| analyses stopped at their budget (one line each; no findings for that method or the rest of that class) | %d |%n",
                budgetStops.size());
        System.out.printf("| scans that threw (artifact not analysed: no findings, SpotBugs not run) | %d %s: %,d lines, %,d classes |%n%n",
                failedScans.size(), failedScans, failedLines, failedClasses);
        heapPerLines.sort((a, b) -> Double.compare(a[0], b[0]));
        if (!heapPerLines.isEmpty()) {
            System.out.printf("Peak heap per 100,000 Java lines (artifacts with >= 10,000 lines, %d): median %.0f MB, max %.0f MB; "
                            + "overall peak / largest artifact: see table.%n%n", heapPerLines.size(),
                    heapPerLines.get(heapPerLines.size() / 2)[0], heapPerLines.get(heapPerLines.size() - 1)[0]);
        }
        System.out.printf("Class file versions (highest major per jar): %s%n%n", byMajor.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().size() + (e.getKey() >= 65 ? " " + e.getValue() : "")).toList());
        System.out.printf("Kotlin-compiled (classes with kotlin.Metadata): %s%n%n", kotlin);
        System.out.printf("Scala-compiled (classes with Scala signatures): %s%n%n", scala);
        System.out.printf("Multi-release jars (classes under META-INF/versions): %s%n%n", mr);

        System.out.printf("## Errors from GenGuard code (%d)%n%n", ggErrors.size());
        ggErrors.forEach(e -> System.out.println("- " + e));
        System.out.println();
        System.out.printf("## Analyses stopped at their budget (%d)%n%n", budgetStops.size());
        budgetStops.forEach(e -> System.out.println("- " + e));
        System.out.println();
        System.out.printf("## Noise map (profile all, %,d non-blank Java lines, %,d classes)%n%n", lines, classes);
        System.out.println("| rule | engine | findings | per 1,000 lines | per 1,000 classes |");
        System.out.println("|---|---|---|---|---|");
        long total = 0;
        List<RuleInfo> all = new ArrayList<>(catalog.rules());
        all.sort((a, b) -> Long.compare(perRule.getOrDefault(b.id(), 0L), perRule.getOrDefault(a.id(), 0L)));
        List<String> silent = new ArrayList<>();
        for (RuleInfo r : all) {
            long n = perRule.getOrDefault(r.id(), 0L);
            total += n;
            if (n == 0) {
                if (r.isIn(Profile.ALL)) {
                    silent.add(r.id());
                }
                continue;
            }
            System.out.printf("| %s | %s | %d | %.3f | %.2f |%n", r.id(), r.engine().id(), n, 1000.0 * n / lines, 1000.0 * n / classes);
        }
        perRule.keySet().stream().filter(id -> catalog.rule(id).isEmpty()).forEach(id -> System.out.println("| " + id + " | ? | " + perRule.get(id) + " | | |"));
        System.out.printf("| all | | %d | %.3f | %.2f |%n%n", total, 1000.0 * total / lines, 1000.0 * total / classes);
        System.out.printf("Rules of profile all with no finding (%d): %s%n%n", silent.size(), String.join(", ", silent));
        System.out.println("## Per artifact");
        System.out.println();
        System.out.println("| artifact | Java lines | classes | max class major | findings | GenGuard errors | engine errors | s | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.printf("## Engine-own processing errors (%d)%n%n", ownTotal);
        ownErrors.forEach((engine, list) -> {
            System.out.printf("### %s (%d)%n%n", engine, list.size());
            list.forEach(e -> System.out.println("- " + e));
            System.out.println();
        });
    }
}
