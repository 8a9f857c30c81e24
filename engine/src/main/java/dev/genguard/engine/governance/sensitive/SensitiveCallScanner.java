package dev.genguard.engine.governance.sensitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the calls compiled classes make to {@link SensitiveApis}, with the source line of each, so that the approval
 * gate can tell which AI-written lines touch a sensitive area. Bytecode rather than source because the compiler has
 * already resolved every name: imports, {@code var}, chained builders and static imports need no guessing.
 *
 * <p>It reads class files with ASM and never loads or runs them. Counted as calls: method and constructor
 * invocations, and method references ({@code ObjectInputStream::readObject}, {@code ProcessBuilder::new}), whose
 * target sits in an invokedynamic argument instead of an invoke instruction. The compiler names the static type of
 * the receiver as a call's owner; when that is one of the scanned classes, its superclasses and interfaces are
 * searched too, so {@code readObject()} on a project subclass of {@code ObjectInputStream} counts, unless a scanned
 * class on the way declares the method itself (then the project's own code runs, and its calls are scanned where
 * they are written).
 */
public final class SensitiveCallScanner {

    private static final int API = Opcodes.ASM9;

    /**
     * @param calls  distinct calls, sorted by {@link SensitiveCall#ORDER}
     * @param errors one message per class file that could not be read (the scan went on without it) or that holds
     *               sensitive calls without line numbers (compiled with {@code -g:none}), which no region can claim
     */
    public record Result(List<SensitiveCall> calls, List<String> errors) {

        public Result {
            calls = List.copyOf(calls);
            errors = List.copyOf(errors);
        }
    }

    private SensitiveCallScanner() {
    }

    /**
     * Scans every {@code .class} file under {@code classDirs} (except {@code module-info.class}); a directory that
     * does not exist is skipped, as a module without sources has no classes directory.
     */
    public static Result scan(List<Path> classDirs, SensitiveApis apis) {
        List<String> errors = new ArrayList<>();
        List<ClassFile> files = new ArrayList<>();
        for (Path dir : classDirs) {
            files.addAll(classFiles(dir, errors));
        }

        // First pass: the shape of every readable class, to follow calls through the project's own hierarchy.
        Map<String, Shape> shapes = new HashMap<>();
        List<ClassFile> readable = new ArrayList<>();
        for (ClassFile file : files) {
            try {
                ShapeReader shape = new ShapeReader();
                reader(file).accept(shape, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                shapes.putIfAbsent(shape.name, shape.shape());
                readable.add(file);
            } catch (IOException | RuntimeException e) {
                errors.add(cannotRead(file, e));
            }
        }

        // Second pass: the calls, with the line tables this time.
        Resolver resolver = new Resolver(apis, shapes);
        Set<SensitiveCall> calls = new HashSet<>();
        for (ClassFile file : readable) {
            try {
                CallReader visitor = new CallReader(resolver);
                reader(file).accept(visitor, ClassReader.SKIP_FRAMES);
                calls.addAll(visitor.calls);
                if (visitor.unlocated > 0) {
                    errors.add(file.relative() + ": " + visitor.unlocated + " sensitive call(s) without a line number"
                            + " (compiled with -g:none?) cannot be attributed to a source line");
                }
            } catch (IOException | RuntimeException e) {
                errors.add(cannotRead(file, e));
            }
        }
        return new Result(calls.stream().sorted(SensitiveCall.ORDER).toList(), errors);
    }

    /** A class file and its path relative to the classes directory, '/'-separated, for messages. */
    private record ClassFile(Path path, String relative) {
    }

    private static List<ClassFile> classFiles(Path dir, List<String> errors) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // Sorted so that output, errors included, does not depend on the file system's listing order.
            return walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.class"))
                    .filter(Files::isRegularFile)
                    .map(p -> new ClassFile(p, dir.relativize(p).toString().replace('\\', '/')))
                    .sorted(Comparator.comparing(ClassFile::relative))
                    .toList();
        } catch (IOException | RuntimeException e) {
            errors.add(dir + ": cannot list class files: " + describe(e));
            return List.of();
        }
    }

    private static ClassReader reader(ClassFile file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        // ASM checks the version but not the magic number: without this, some garbage parses as a class.
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe || (bytes[2] & 0xff) != 0xba
                || (bytes[3] & 0xff) != 0xbe) {
            throw new IllegalArgumentException("not a class file (no CAFEBABE header)");
        }
        return new ClassReader(bytes);
    }

    private static String cannotRead(ClassFile file, Exception e) {
        return file.relative() + ": cannot read class file: " + describe(e);
    }

    private static String describe(Exception e) {
        // ASM reports a truncated file as an index out of bounds: the type says more than the bare index.
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e instanceof IndexOutOfBoundsException ? "truncated or corrupt (" + e.getMessage() + ")"
                : e.getMessage();
    }

    /** What the hierarchy walk needs of a scanned class. */
    private record Shape(String superName, List<String> interfaces, Set<String> methods) {

        boolean declares(String name, String descriptor) {
            return methods.contains(name + descriptor);
        }
    }

    private static final class ShapeReader extends ClassVisitor {
        private String name;
        private String superName;
        private List<String> interfaces = List.of();
        private final Set<String> methods = new HashSet<>();

        ShapeReader() {
            super(API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            methods.add(name + descriptor);
            return null;
        }

        Shape shape() {
            return new Shape(superName, interfaces, Set.copyOf(methods));
        }
    }

    /** A match: the area and the type that made it, which for an inherited method is a supertype of the owner. */
    private record Match(String area, String owner) {
    }

    /** Decides whether a call target is sensitive, following the scanned classes' supertypes. */
    private record Resolver(SensitiveApis apis, Map<String, Shape> shapes) {

        Optional<Match> resolve(String owner, String name, String descriptor) {
            Optional<String> direct = apis.area(owner, name);
            if (direct.isPresent()) {
                return Optional.of(new Match(direct.get(), owner));
            }
            // Constructors are not inherited: new Sub() runs Sub's constructor, whose super(...) call is scanned.
            if (name.equals("<init>")) {
                return Optional.empty();
            }
            // Breadth-first, superclass before interfaces, as javac resolves; visited guards against odd inputs.
            Deque<String> queue = new ArrayDeque<>();
            Set<String> visited = new HashSet<>();
            visited.add(owner);
            enqueueSupertypes(owner, name, descriptor, queue);
            while (!queue.isEmpty()) {
                String type = queue.removeFirst();
                if (!visited.add(type)) {
                    continue;
                }
                Optional<String> area = apis.area(type, name);
                if (area.isPresent()) {
                    return Optional.of(new Match(area.get(), type));
                }
                enqueueSupertypes(type, name, descriptor, queue);
            }
            return Optional.empty();
        }

        /** Only for a scanned class that does not itself declare the method: beyond that, nothing is known. */
        private void enqueueSupertypes(String type, String name, String descriptor, Deque<String> queue) {
            Shape shape = shapes.get(type);
            if (shape == null || shape.declares(name, descriptor)) {
                return;
            }
            if (shape.superName() != null) {
                queue.addLast(shape.superName());
            }
            queue.addAll(shape.interfaces());
        }
    }

    private static final class CallReader extends ClassVisitor {
        private final Resolver resolver;
        private final List<SensitiveCall> calls = new ArrayList<>();
        private int unlocated;
        private String className;
        private String sourcePath;

        CallReader(Resolver resolver) {
            super(API);
            this.resolver = resolver;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
            sourcePath = packagePath(name) + outerName(name) + ".java"; // until visitSource says better
        }

        @Override
        public void visitSource(String source, String debug) {
            if (source != null && !source.isBlank()) {
                sourcePath = packagePath(className) + source;
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new CallsInMethod(name);
        }

        private static String packagePath(String internalName) {
            int slash = internalName.lastIndexOf('/');
            return slash < 0 ? "" : internalName.substring(0, slash + 1);
        }

        /** {@code Foo} for {@code com/acme/Foo$Inner$1}: javac names nested classes after the top-level one. */
        private static String outerName(String internalName) {
            String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
            int dollar = simple.indexOf('$');
            return dollar > 0 ? simple.substring(0, dollar) : simple;
        }

        private final class CallsInMethod extends MethodVisitor {
            private final String methodName;
            private int line;
            private int firstLine = Integer.MAX_VALUE;
            /** Calls met before any line number; they get the method's first line at the end, if it has one. */
            private final List<SensitiveCall> beforeAnyLine = new ArrayList<>();

            CallsInMethod(String methodName) {
                super(API);
                this.methodName = methodName;
            }

            // ASM visits a label's line numbers before the instruction at that label, so `line` is always the
            // line of the instruction visited next.
            @Override
            public void visitLineNumber(int line, Label start) {
                this.line = line;
                firstLine = Math.min(firstLine, line);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                        boolean isInterface) {
                check(owner, name, descriptor);
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                // A method reference's target is a Handle argument of the bootstrap (LambdaMetafactory); a lambda's
                // is its own synthetic lambda$ method, whose body is scanned as a method of this class.
                for (Object argument : arguments) {
                    if (argument instanceof Handle handle && !handle.getName().startsWith("lambda$")) {
                        check(handle.getOwner(), handle.getName(), handle.getDesc());
                    }
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Handle handle) {
                    check(handle.getOwner(), handle.getName(), handle.getDesc());
                }
            }

            private void check(String owner, String name, String descriptor) {
                resolver.resolve(owner, name, descriptor).ifPresent(match -> {
                    SensitiveCall call = new SensitiveCall(sourcePath, line, match.area(),
                            match.owner().replace('/', '.').replace('$', '.') + "." + name,
                            className.replace('/', '.'), methodName);
                    (line > 0 ? calls : beforeAnyLine).add(call);
                });
            }

            @Override
            public void visitEnd() {
                for (SensitiveCall call : beforeAnyLine) {
                    if (firstLine == Integer.MAX_VALUE) {
                        unlocated++;
                    } else {
                        calls.add(new SensitiveCall(call.sourcePath(), firstLine, call.area(), call.api(),
                                call.className(), call.methodName()));
                    }
                }
            }
        }
    }
}
