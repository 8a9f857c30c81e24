package dev.genguard.engine.governance.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Scans the compiled classes of the {@code samples} package, copied alone into a temporary directory. The expected
 * calls come from the samples' source: each line that calls a sensitive API ends with {@code // sensitive: AREA}.
 */
class SensitiveCallScannerTest {

    private static final String SAMPLES = "dev/genguard/engine/governance/sensitive/samples";
    private static final String SAMPLE = SAMPLES + "/SensitiveSample.java";
    private static final String SAMPLE_CLASS = SAMPLES.replace('/', '.') + ".SensitiveSample";
    private static final Pattern MARKER = Pattern.compile("//\\s*sensitive:\\s*([a-z-]+)\\s*$");
    private static final SensitiveApis APIS = SensitiveApis.load();

    @TempDir
    Path classes;

    @BeforeEach
    void copyCompiledSamples() throws Exception {
        Path compiled = Path.of(SensitiveCallScannerTest.class.getResource("samples").toURI());
        Path target = Files.createDirectories(classes.resolve(SAMPLES));
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void reportsExactlyTheMarkedLinesWithTheirAreas() throws IOException {
        Set<String> expected = markedLines();
        assertThat(expected).as("markers in the samples").hasSizeGreaterThan(10)
                .anyMatch(s -> s.startsWith(SAMPLES + "/ObjectStreams.java:"));
        assertThat(expected.stream().map(s -> s.substring(s.indexOf(' ') + 1)).distinct())
                .containsExactlyInAnyOrder("crypto", "sql", "process", "deserialization");

        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(classes), APIS);

        assertThat(result.errors()).isEmpty();
        assertThat(located(result.calls())).isEqualTo(expected);
    }

    @Test
    void namesTheApiTheCallerAndTheOuterSourceFile() {
        List<SensitiveCall> calls = SensitiveCallScanner.scan(List.of(classes), APIS).calls();

        assertThat(calls).filteredOn(c -> c.methodName().startsWith("lambda$")).singleElement().satisfies(c -> {
            assertThat(c.sourcePath()).isEqualTo(SAMPLE);
            assertThat(c.className()).isEqualTo(SAMPLE_CLASS);
            assertThat(c.api()).isEqualTo("java.lang.Runtime.exec");
            assertThat(c.area()).isEqualTo("process");
        });
        assertThat(calls).filteredOn(c -> c.className().equals(SAMPLE_CLASS + "$Inner")).singleElement()
                .satisfies(c -> {
                    assertThat(c.sourcePath()).isEqualTo(SAMPLE);
                    assertThat(c.api()).isEqualTo("java.security.KeyStore.getInstance");
                    assertThat(c.methodName()).isEqualTo("keys");
                });
        assertThat(calls).filteredOn(c -> c.className().matches(Pattern.quote(SAMPLE_CLASS) + "\\$\\d+"))
                .singleElement().satisfies(c -> {
                    assertThat(c.sourcePath()).isEqualTo(SAMPLE);
                    assertThat(c.api()).isEqualTo("java.security.MessageDigest.getInstance");
                });
        assertThat(calls).filteredOn(c -> c.methodName().equals("read")).extracting(SensitiveCall::api)
                .containsExactlyInAnyOrder("java.io.ObjectInputStream.<init>", "java.io.ObjectInputStream.readObject");
    }

    @Test
    void methodReferencesCount() {
        List<SensitiveCall> calls = SensitiveCallScanner.scan(List.of(classes), APIS).calls();

        assertThat(calls).filteredOn(c -> c.methodName().equals("methodReference")).extracting(SensitiveCall::api)
                .containsExactly("java.io.ObjectInputStream.readObject");
        assertThat(calls).filteredOn(c -> c.methodName().equals("constructorReference"))
                .extracting(SensitiveCall::api).containsExactly("java.lang.ProcessBuilder.<init>");
    }

    @Test
    void inheritedMethodsOfProjectClassesResolveToTheSupertype() {
        List<SensitiveCall> calls = SensitiveCallScanner.scan(List.of(classes), APIS).calls();

        // stream.readObject() names SampleObjectStream as owner; the API is ObjectInputStream's.
        assertThat(calls).filteredOn(c -> c.methodName().equals("viaSubclass")).extracting(SensitiveCall::api)
                .containsExactly("java.io.ObjectInputStream.readObject");
        // FilteringObjectStream declares readUnshared: the caller runs project code, not the JDK's.
        assertThat(calls).filteredOn(c -> c.methodName().equals("overridden")).isEmpty();
        assertThat(calls).filteredOn(c -> c.className().endsWith(".FilteringObjectStream"))
                .extracting(SensitiveCall::sourcePath, SensitiveCall::methodName, SensitiveCall::api)
                .containsExactlyInAnyOrder(
                        tuple(SAMPLES + "/ObjectStreams.java", "<init>",
                                "java.io.ObjectInputStream.<init>"),
                        tuple(SAMPLES + "/ObjectStreams.java", "readUnshared",
                                "java.io.ObjectInputStream.readUnshared"));
    }

    @Test
    void classWithoutSensitiveCallsYieldsNone() {
        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(classes), APIS);

        assertThat(result.calls()).extracting(SensitiveCall::sourcePath).doesNotContain(SAMPLES + "/Plain.java");
        assertThat(result.calls()).filteredOn(c -> c.methodName().equals("plain")).isEmpty();
        assertThat(Files.exists(classes.resolve(SAMPLES + "/Plain.class"))).as("Plain was scanned").isTrue();
    }

    @Test
    void callsAreSortedByFileLineAndApi() {
        List<SensitiveCall> calls = SensitiveCallScanner.scan(List.of(classes), APIS).calls();

        assertThat(calls).hasSizeGreaterThan(10).isSortedAccordingTo(Comparator.comparing(SensitiveCall::sourcePath)
                .thenComparingInt(SensitiveCall::line).thenComparing(SensitiveCall::api));
        assertThat(calls).doesNotHaveDuplicates();
    }

    @Test
    void corruptClassFileIsOneErrorAndTheRestIsScanned() throws IOException {
        byte[] sample = Files.readAllBytes(classes.resolve(SAMPLES + "/SensitiveSample.class"));
        Files.write(classes.resolve(SAMPLES + "/Broken.class"), Arrays.copyOf(sample, 200));
        // Skipped unread: a module descriptor has no code.
        Files.writeString(classes.resolve("module-info.class"), "not a class");

        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(classes), APIS);

        assertThat(result.errors()).singleElement(STRING)
                .startsWith(SAMPLES + "/Broken.class: cannot read class file: ");
        assertThat(located(result.calls())).isEqualTo(markedLines());
    }

    @Test
    void fileThatIsNoClassAtAllIsAnError() throws IOException {
        byte[] noise = new byte[512];
        new Random(42).nextBytes(noise);
        Files.write(classes.resolve(SAMPLES + "/Noise.class"), noise);

        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(classes), APIS);

        assertThat(result.errors()).containsExactly(
                SAMPLES + "/Noise.class: cannot read class file: not a class file (no CAFEBABE header)");
        assertThat(result.calls()).isNotEmpty();
    }

    @Test
    void callsWithoutLineNumbersTakeTheMethodsFirstLineOrAreCounted(@TempDir Path generated) throws IOException {
        ClassWriter noLines = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        noLines.visit(V17, ACC_PUBLIC, "gen/Outer$NoDebug", null, "java/lang/Object", null);
        MethodVisitor unlocated = noLines.visitMethod(ACC_STATIC, "unlocated", "()V", null, null);
        getInstance(unlocated, "javax/crypto/Cipher");
        getInstance(unlocated, "java/security/MessageDigest");
        end(unlocated);
        MethodVisitor late = noLines.visitMethod(ACC_STATIC, "late", "()V", null, null);
        getInstance(late, "javax/crypto/Cipher"); // before any line number
        line(late, 42);
        getInstance(late, "java/security/MessageDigest");
        line(late, 40);
        getInstance(late, "java/security/Signature");
        end(late);
        write(generated, "gen/Outer$NoDebug", noLines);

        ClassWriter kotlin = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        kotlin.visit(V17, ACC_PUBLIC, "gen/VaultKt", null, "java/lang/Object", null);
        kotlin.visitSource("Vault.kt", null);
        MethodVisitor open = kotlin.visitMethod(ACC_STATIC, "open", "()V", null, null);
        line(open, 7);
        getInstance(open, "java/security/KeyStore");
        end(open);
        write(generated, "gen/VaultKt", kotlin);

        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(generated), APIS);

        // Without a SourceFile attribute the file is named after the outermost class.
        assertThat(result.calls()).extracting(SensitiveCall::sourcePath, SensitiveCall::line, SensitiveCall::api,
                        SensitiveCall::methodName)
                .containsExactly(
                        tuple("gen/Outer.java", 40, "java.security.Signature.getInstance",
                                "late"),
                        tuple("gen/Outer.java", 40, "javax.crypto.Cipher.getInstance",
                                "late"),
                        tuple("gen/Outer.java", 42,
                                "java.security.MessageDigest.getInstance", "late"),
                        tuple("gen/Vault.kt", 7, "java.security.KeyStore.getInstance",
                                "open"));
        assertThat(result.errors()).containsExactly("gen/Outer$NoDebug.class: 2 sensitive call(s) without a line"
                + " number (compiled with -g:none?) cannot be attributed to a source line");
    }

    @Test
    void missingDirectoryIsSkipped() {
        SensitiveCallScanner.Result result = SensitiveCallScanner.scan(List.of(classes.resolve("absent")), APIS);

        assertThat(result.calls()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    /** "sourcePath:line area" for every marked line of the samples' source. */
    private static Set<String> markedLines() throws IOException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/test/java", SAMPLES);
        Set<String> lines = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    Matcher marker = MARKER.matcher(text.get(i));
                    if (marker.find()) {
                        lines.add(SAMPLES + "/" + file.getFileName() + ":" + (i + 1) + " " + marker.group(1));
                    }
                }
            }
        }
        return lines;
    }

    private static Set<String> located(List<SensitiveCall> calls) {
        return calls.stream().map(c -> c.sourcePath() + ":" + c.line() + " " + c.area())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void getInstance(MethodVisitor method, String owner) {
        method.visitLdcInsn("X");
        method.visitMethodInsn(INVOKESTATIC, owner, "getInstance", "(Ljava/lang/String;)L" + owner + ";", false);
        method.visitInsn(POP);
    }

    private static void line(MethodVisitor method, int line) {
        Label label = new Label();
        method.visitLabel(label);
        method.visitLineNumber(line, label);
    }

    private static void end(MethodVisitor method) {
        method.visitInsn(RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    private static void write(Path root, String internalName, ClassWriter writer) throws IOException {
        writer.visitEnd();
        Path file = root.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }
}
