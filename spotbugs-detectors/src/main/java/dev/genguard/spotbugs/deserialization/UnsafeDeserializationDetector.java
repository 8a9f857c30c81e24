package dev.genguard.spotbugs.deserialization;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.Invocation;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.ConstantUtf8;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Deserialization of data into objects of types the data chooses, without an allowlist:
 * <ul>
 *   <li>{@code ObjectInputStream.readObject}/{@code readUnshared} on a stream created in the method (or by a
 *       helper) without {@code setObjectInputFilter}, whose class does not override {@code resolveClass}, in a
 *       class that sets no JVM-wide filter ({@code ObjectInputFilter.Config.setSerialFilter[Factory]} or the
 *       {@code jdk.serialFilter} property). A stream that reads back bytes the same method just wrote (a deep
 *       copy) is trusted;</li>
 *   <li>{@code XMLDecoder.readObject}, which runs any method the document names;</li>
 *   <li>Jackson default typing: {@code enableDefaultTyping} (always permissive), {@code activateDefaultTyping}
 *       with {@code LaissezFaireSubTypeValidator} or a {@code BasicPolymorphicTypeValidator} allowing
 *       {@code Object} or {@code java.} subtypes; {@code @JsonTypeInfo(use = CLASS | MINIMAL_CLASS)} on a
 *       property of type {@code Object}, {@code Serializable} or {@code Comparable};</li>
 *   <li>XStream {@code fromXML} on an instance opened to every type ({@code addPermission(AnyTypePermission.ANY)},
 *       {@code allowTypesByWildcard("**")}, {@code allowTypesByRegExp(".*")}). Since 1.4.18 XStream's default is
 *       an allowlist, so an XStream left at its defaults is not reported;</li>
 *   <li>SnakeYAML {@code Yaml.load}/{@code loadAs}/{@code loadAll} of non-constant input: on SnakeYAML 1.x
 *       (no {@code org.yaml.snakeyaml.inspector.TagInspector} on the classpath) with the default or a full
 *       {@code Constructor}, which instantiates any class a global tag names; on 2.x, whose default rejects
 *       global tags, only where the class installs a {@code TagInspector} that allows every tag.</li>
 * </ul>
 * Streams, mappers and parsers of unknown origin (parameters, fields, library factories) are silent, except an
 * XStream field of a class that opens an XStream to every type. Test code is skipped.
 */
public class UnsafeDeserializationDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_UNSAFE_DESERIALIZATION";

    private static final String OIS = "java/io/ObjectInputStream";
    private static final String XML_DECODER = "java/beans/XMLDecoder";
    private static final String OBJECT_MAPPER = "com/fasterxml/jackson/databind/ObjectMapper";
    private static final String PTV = "Lcom/fasterxml/jackson/databind/jsontype/PolymorphicTypeValidator;";
    private static final String LAISSEZ_FAIRE = "com/fasterxml/jackson/databind/jsontype/impl/LaissezFaireSubTypeValidator";
    private static final String PTV_BUILDER = "com/fasterxml/jackson/databind/jsontype/BasicPolymorphicTypeValidator$Builder";
    private static final String JSON_TYPE_INFO = "Lcom/fasterxml/jackson/annotation/JsonTypeInfo;";
    private static final String XSTREAM = "com/thoughtworks/xstream/XStream";
    private static final String YAML = "org/yaml/snakeyaml/Yaml";
    private static final String LOADER_OPTIONS = "org/yaml/snakeyaml/LoaderOptions";
    private static final String TAG_INSPECTOR_CLASS = "org/yaml/snakeyaml/inspector/TagInspector.class";
    private static final String SERIAL_FILTER_CONFIG = "java/io/ObjectInputFilter$Config";

    private static final String RESOLVE_CLASS = "resolveClass(Ljava/io/ObjectStreamClass;)Ljava/lang/Class;";
    /** Property types through which {@code @JsonTypeInfo(use = CLASS)} lets the JSON name any class. */
    private static final Set<String> OPEN_TYPES = Set.of(
            "Ljava/lang/Object;", "Ljava/io/Serializable;", "Ljava/lang/Comparable;");
    /** Where an input stream comes from the network or the HTTP request: {@code owner.name}. */
    private static final Set<String> REMOTE_STREAMS = Set.of(
            "java/net/Socket.getInputStream", "java/net/URLConnection.getInputStream",
            "java/net/HttpURLConnection.getInputStream", "java/net/URL.openStream",
            "javax/servlet/ServletRequest.getInputStream", "javax/servlet/http/HttpServletRequest.getInputStream",
            "jakarta/servlet/ServletRequest.getInputStream", "jakarta/servlet/http/HttpServletRequest.getInputStream",
            "javax/servlet/http/Part.getInputStream", "jakarta/servlet/http/Part.getInputStream",
            "org/springframework/web/multipart/MultipartFile.getInputStream");
    private static final Set<String> XSTREAM_CATCH_ALL = Set.of("**", ".*", ".+", "^.*$", ".*$");

    /** Whether the analysed classpath has SnakeYAML 2.x; null until a class uses SnakeYAML. Per run, as the detector. */
    private Boolean snakeYaml2;

    public UnsafeDeserializationDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return (deserializes(javaClass) || mentions(javaClass, JSON_TYPE_INFO))
                && !libraryItself(javaClass.getClassName()) && !isTestClass(javaClass);
    }

    @Override
    protected void visitClass(ClassContext classContext, ClassNode cls) {
        JavaClass javaClass = classContext.getJavaClass();
        try {
            if (deserializes(javaClass)) {
                visitCalls(classContext, cls);
            }
            if (mentions(javaClass, JSON_TYPE_INFO)) {
                visitAnnotations(classContext, cls);
            }
        } catch (RuntimeException e) {
            bugReporter.logError("GenGuard: cannot analyse " + cls.name, e);
        }
    }

    /**
     * The deserializers' own code: their convenience methods delegate to the permissive variants they offer
     * ({@code ObjectMapper.enableDefaultTyping()} calls {@code activateDefaultTyping(LaissezFaire...)}).
     */
    private static boolean libraryItself(String className) {
        return className.startsWith("com.fasterxml.jackson.") || className.startsWith("com.thoughtworks.xstream.")
                || className.startsWith("org.yaml.snakeyaml.");
    }

    /** A class whose constant pool names a deserializer this detector follows. */
    private static boolean deserializes(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, OIS, XML_DECODER, OBJECT_MAPPER,
                "com/fasterxml/jackson/databind/json/JsonMapper", "com/fasterxml/jackson/databind/cfg/MapperBuilder",
                "com/fasterxml/jackson/databind/json/JsonMapper$Builder", XSTREAM, YAML)
                || referencesOisSubclass(javaClass);
    }

    /** A class whose constant pool names a readObject call on some class: a subclass of ObjectInputStream maybe. */
    private static boolean referencesOisSubclass(JavaClass cls) {
        return mentions(cls, "readObject") || mentions(cls, "readUnshared");
    }

    private static boolean mentions(JavaClass cls, String utf8) {
        ConstantPool cp = cls.getConstantPool();
        for (Constant c : cp.getConstantPool()) {
            if (c instanceof ConstantUtf8 && utf8.equals(((ConstantUtf8) c).getBytes())) {
                return true;
            }
        }
        return false;
    }

    // ---- calls ----

    /** What the whole class does, which decides the findings of each of its methods. */
    private static final class ClassFacts {
        boolean jvmWideFilter;
        /** Names of the XStream calls by which the class opens an XStream to every type. */
        final Set<String> xstreamOpenedBy = new java.util.TreeSet<>();
        boolean xstreamClosed;
        boolean allowAllTagInspector;
    }

    private void visitCalls(ClassContext classContext, ClassNode cls) {
        Map<MethodNode, MethodValues> analysed = new LinkedHashMap<>();
        ClassFacts facts = new ClassFacts();
        for (MethodNode method : cls.methods) {
            scanInstructions(cls, method, facts);
            if (relevant(method)) {
                MethodValues methodValues = analyze(cls, method);
                if (methodValues != null) {
                    analysed.put(method, methodValues);
                }
            }
        }
        for (MethodValues methodValues : analysed.values()) {
            for (CallSite call : methodValues.calls()) {
                collectXStreamPermissions(call, facts);
            }
        }
        for (Map.Entry<MethodNode, MethodValues> entry : analysed.entrySet()) {
            Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, entry.getKey());
            if (bcelMethod != null) {
                visitMethod(classContext, cls, entry.getKey(), bcelMethod, entry.getValue(), facts);
            }
        }
    }

    private static boolean relevant(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode) {
                String name = ((MethodInsnNode) insn).name;
                switch (name) {
                case "readObject": case "readUnshared": case "enableDefaultTyping": case "enableDefaultTypingAsProperty":
                case "activateDefaultTyping": case "activateDefaultTypingAsProperty": case "fromXML":
                case "addPermission": case "allowTypesByWildcard": case "allowTypesByRegExp":
                case "load": case "loadAs": case "loadAll":
                    return true;
                default:
                    break;
                }
            }
        }
        return false;
    }

    /** Bytecode shapes the value analysis does not carry: JVM-wide filters, permission constants, lambdas. */
    private void scanInstructions(ClassNode cls, MethodNode method, ClassFacts facts) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode)) {
                continue;
            }
            MethodInsnNode call = (MethodInsnNode) insn;
            if (SERIAL_FILTER_CONFIG.equals(call.owner)
                    && ("setSerialFilter".equals(call.name) || "setSerialFilterFactory".equals(call.name))) {
                facts.jvmWideFilter = true;
            } else if ("java/lang/System".equals(call.owner) && "setProperty".equals(call.name)
                    && isLdc(previous(previous(call)), "jdk.serialFilter")) {
                facts.jvmWideFilter = true;
            } else if (XSTREAM.equals(call.owner) && "addPermission".equals(call.name)) {
                AbstractInsnNode argument = previous(call);
                if (isGetStatic(argument, "com/thoughtworks/xstream/security/AnyTypePermission", "ANY")) {
                    facts.xstreamOpenedBy.add("addPermission");
                } else if (isGetStatic(argument, "com/thoughtworks/xstream/security/NoTypePermission", "NONE")) {
                    facts.xstreamClosed = true;
                }
            } else if (LOADER_OPTIONS.equals(call.owner) && "setTagInspector".equals(call.name)
                    && allowsEveryTag(cls, previous(call))) {
                facts.allowAllTagInspector = true;
            }
        }
    }

    /** XStream calls whose argument, known to the value analysis, opens it to every type. */
    private static void collectXStreamPermissions(CallSite call, ClassFacts facts) {
        if (!XSTREAM.equals(call.owner())) {
            return;
        }
        if ("addPermission".equals(call.name()) && call.argumentCount() == 1 && call.argument(0).type() != null
                && "com/thoughtworks/xstream/security/AnyTypePermission".equals(call.argument(0).type().getInternalName())) {
            facts.xstreamOpenedBy.add("addPermission");
        }
        if (("allowTypesByWildcard".equals(call.name()) || "allowTypesByRegExp".equals(call.name()))
                && "([Ljava/lang/String;)V".equals(call.desc()) && hasElement(call.argument(0), XSTREAM_CATCH_ALL)) {
            facts.xstreamOpenedBy.add(call.name());
        }
    }

    private static boolean hasElement(AbstractValue array, Set<String> wanted) {
        List<AbstractValue> elements = array.elements();
        if (elements != null) {
            for (AbstractValue element : elements) {
                // An element may be unknown or an unset slot (null): only a known constant can be the catch-all.
                String constant = element == null ? null : element.constantString();
                if (constant != null && wanted.contains(constant)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, Method bcelMethod,
                             MethodValues methodValues, ClassFacts facts) {
        boolean deepCopy = deepCopy(methodValues);
        boolean permissiveBuilder = false;
        for (CallSite call : methodValues.calls()) {
            if (PTV_BUILDER.equals(call.owner()) && permissiveAllow(call.name(), call.desc(),
                    call.argumentCount() == 1 ? call.argument(0) : null)) {
                permissiveBuilder = true;
            }
        }
        for (CallSite call : methodValues.calls()) {
            Finding finding = null;
            if (("readObject".equals(call.name()) || "readUnshared".equals(call.name()))
                    && "()Ljava/lang/Object;".equals(call.desc())) {
                finding = XML_DECODER.equals(call.owner()) ? xmlDecoder(methodValues)
                        : !deepCopy && !facts.jvmWideFilter && ("java/io/ObjectInput".equals(call.owner()) || isObjectInputStream(call.owner()))
                        ? objectInputStream(call.receiver(), methodValues) : null;
            } else if (("enableDefaultTyping".equals(call.name()) || "enableDefaultTypingAsProperty".equals(call.name()))
                    && call.desc().endsWith(")L" + OBJECT_MAPPER + ";")) {
                finding = new Finding(Priorities.HIGH_PRIORITY, "ObjectMapper." + call.name() + "()",
                        "use activateDefaultTyping with a BasicPolymorphicTypeValidator that allows only your own packages,"
                                + " or @JsonTypeInfo(use = NAME) with @JsonSubTypes");
            } else if (("activateDefaultTyping".equals(call.name()) || "activateDefaultTypingAsProperty".equals(call.name()))
                    && call.desc().startsWith("(" + PTV) && call.argumentCount() > 0) {
                finding = defaultTyping(call, permissiveBuilder);
            } else if (XSTREAM.equals(call.owner()) && "fromXML".equals(call.name())) {
                finding = xstream(call.receiver(), facts);
            } else if (YAML.equals(call.owner()) && call.name().startsWith("load") && call.argumentCount() > 0) {
                finding = yaml(call, facts);
            }
            if (finding != null) {
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, finding.priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(finding.what)
                        .addString(finding.fix),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    private static final class Finding {
        final int priority;
        final String what;
        final String fix;

        Finding(int priority, String what, String fix) {
            this.priority = priority;
            this.what = what;
            this.fix = fix;
        }
    }

    private Finding objectInputStream(AbstractValue stream, MethodValues methodValues) {
        if (stream == null || !stream.isTracked() || stream.escaped() || stream.creation() == null
                || !"<init>".equals(stream.creation().name()) || stream.hasFact("setObjectInputFilter")) {
            return null;
        }
        String constructed = stream.creation().owner();
        if (!lacksResolveClass(constructed)) {
            return null;
        }
        boolean remote = remoteSource(methodValues, constructed);
        return new Finding(remote ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY,
                "ObjectInputStream.readObject()" + (remote ? " of network or request data" : ""),
                "call setObjectInputFilter with an allowlist of the expected classes"
                        + " (ObjectInputFilter.Config.createFilter(\"com.example.dto.*;!*\")) before reading");
    }

    private Finding xmlDecoder(MethodValues methodValues) {
        boolean remote = remoteSource(methodValues, XML_DECODER);
        return new Finding(remote ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY,
                "XMLDecoder.readObject()" + (remote ? " of network or request data" : ""),
                "parse the XML into a DTO with a data binder (JAXB, Jackson) instead of XMLDecoder, which runs"
                        + " any method the document names");
    }

    /**
     * Whether the reads of a method come from the network or the request: the stream passed to a constructor of
     * the given class in the method was opened by one of {@link #REMOTE_STREAMS}.
     */
    private static boolean remoteSource(MethodValues methodValues, String constructed) {
        for (CallSite init : methodValues.calls(constructed, "<init>")) {
            if (init.argumentCount() == 0) {
                continue;
            }
            AbstractValue source = init.argument(0);
            Invocation creation = source.creation();
            if (creation != null && REMOTE_STREAMS.contains(creation.owner() + '.' + creation.name())
                    || source.type() != null && source.type().getInternalName().endsWith("servlet/ServletInputStream")) {
                return true;
            }
        }
        return false;
    }

    /** A method that writes objects to a byte array and reads them back is a deep copy of trusted objects. */
    private static boolean deepCopy(MethodValues methodValues) {
        return !methodValues.calls("java/io/ObjectOutputStream", "<init>").isEmpty()
                && !methodValues.calls("java/io/ByteArrayOutputStream", "toByteArray").isEmpty();
    }

    private boolean isObjectInputStream(String owner) {
        String cls = owner;
        for (int depth = 0; cls != null && depth < 16; depth++) {
            if (OIS.equals(cls)) {
                return true;
            }
            ClassNode node = classes.lookupClass(cls);
            cls = node == null ? null : node.superName;
        }
        return false;
    }

    /**
     * Whether a stream class is {@code ObjectInputStream} or a subclass none of whose classes overrides
     * {@code resolveClass} (where subclasses put their allowlist). A class that cannot be read is unknown: false.
     */
    private boolean lacksResolveClass(String constructed) {
        String cls = constructed;
        for (int depth = 0; depth < 16; depth++) {
            if (OIS.equals(cls)) {
                return true;
            }
            ClassNode node = classes.lookupClass(cls);
            if (node == null || node.superName == null) {
                return false;
            }
            for (MethodNode method : node.methods) {
                if (RESOLVE_CLASS.equals(method.name + method.desc)) {
                    return false;
                }
            }
            cls = node.superName;
        }
        return false;
    }

    private Finding defaultTyping(CallSite call, boolean permissiveBuilder) {
        AbstractValue validator = call.argument(0);
        String permissive = null;
        if (validator.type() != null && LAISSEZ_FAIRE.equals(validator.type().getInternalName())) {
            permissive = "LaissezFaireSubTypeValidator";
        } else if (validator.creation() != null && PTV_BUILDER.equals(validator.creation().owner())
                && "build".equals(validator.creation().name())
                && (permissiveBuilder || permissiveBuilder(validator.creation().receiver()))) {
            permissive = "a BasicPolymorphicTypeValidator that allows Object or java.* subtypes";
        }
        return permissive == null ? null : new Finding(Priorities.HIGH_PRIORITY, call.name() + " with " + permissive,
                "allow only your own packages: BasicPolymorphicTypeValidator.builder().allowIfSubType(\"com.example.dto.\")");
    }

    /** A validator builder, as {@code build()} saw it: made or configured by a permissive allow call. */
    private static boolean permissiveBuilder(AbstractValue builder) {
        if (builder == null) {
            return false;
        }
        Invocation creation = builder.creation();
        if (creation != null && permissiveAllow(creation.name(), creation.desc(),
                creation.argumentCount() == 1 ? creation.argument(0) : null)) {
            return true;
        }
        for (Invocation fact : builder.facts()) {
            if (permissiveAllow(fact.name(), fact.desc(), fact.argumentCount() == 1 ? fact.argument(0) : null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code allowIfBaseType(Object.class)}, {@code allowIfSubType(Object.class)}, a base-type prefix that
     * {@code java.lang.Object} starts with, or a subtype prefix that every {@code java.} class starts with.
     */
    static boolean permissiveAllow(String name, String desc, AbstractValue argument) {
        if (argument == null || !("allowIfBaseType".equals(name) || "allowIfSubType".equals(name))) {
            return false;
        }
        if (("(Ljava/lang/Class;)L" + PTV_BUILDER + ";").equals(desc)) {
            return argument.constant() instanceof Type
                    && OPEN_TYPES.contains(((Type) argument.constant()).getDescriptor());
        }
        if (("(Ljava/lang/String;)L" + PTV_BUILDER + ";").equals(desc) && argument.constantString() != null) {
            String prefix = argument.constantString();
            return "allowIfBaseType".equals(name) ? "java.lang.Object".startsWith(prefix) : "java.".startsWith(prefix);
        }
        return false;
    }

    private static Finding xstream(AbstractValue xstream, ClassFacts facts) {
        if (facts.xstreamOpenedBy.isEmpty() || facts.xstreamClosed || xstream == null) {
            return null;
        }
        String fix = "replace " + String.join("/", facts.xstreamOpenedBy)
                + " with addPermission(NoTypePermission.NONE) and allowTypes(...) for your own classes";
        if (!xstream.isTracked()) {
            // An XStream from a field: the class opens one to every type, most likely this one.
            return new Finding(Priorities.NORMAL_PRIORITY, "XStream.fromXML on an XStream open to every type", fix);
        }
        for (String opener : facts.xstreamOpenedBy) {
            if (xstream.hasFact(opener)) {
                return new Finding(Priorities.HIGH_PRIORITY, "XStream.fromXML on an XStream open to every type", fix);
            }
        }
        return null;
    }

    private Finding yaml(CallSite call, ClassFacts facts) {
        AbstractValue input = call.argument(0);
        AbstractValue yaml = call.receiver();
        if (input.isConstant() || yaml == null || yaml.creation() == null || !"<init>".equals(yaml.creation().name())
                || !YAML.equals(yaml.creation().owner())) {
            return null;
        }
        if (isSnakeYaml2()) {
            return facts.allowAllTagInspector ? new Finding(Priorities.HIGH_PRIORITY,
                    "Yaml." + call.name() + " with a TagInspector that allows every global tag",
                    "let the TagInspector allow only the tags of your own classes, or keep the default (no global tags)")
                    : null;
        }
        Invocation creation = yaml.creation();
        for (int i = 0; i < creation.argumentCount(); i++) {
            Type type = creation.argument(i).type();
            if (type != null && type.getSort() == Type.OBJECT && !fullConstructor(type.getInternalName())) {
                return null;
            }
        }
        return new Finding(Priorities.HIGH_PRIORITY, "Yaml." + call.name() + " with SnakeYAML 1.x's full Constructor",
                "use new Yaml(new SafeConstructor(new LoaderOptions())) or upgrade to SnakeYAML 2.x");
    }

    /**
     * For SnakeYAML 1.x: whether a {@code Yaml} constructor argument of this class leaves the full
     * {@code Constructor} in place (any argument that is not a constructor, or {@code Constructor} and its
     * subclasses); false for {@code SafeConstructor}, other constructors and classes that cannot be read.
     */
    private boolean fullConstructor(String internalName) {
        String cls = internalName;
        boolean isConstructor = false;
        for (int depth = 0; cls != null && depth < 16; depth++) {
            if ("org/yaml/snakeyaml/constructor/Constructor".equals(cls)) {
                return true;
            }
            if ("org/yaml/snakeyaml/constructor/BaseConstructor".equals(cls)) {
                isConstructor = true;
                break;
            }
            ClassNode node = classes.lookupClass(cls);
            if (node == null) {
                return false;
            }
            cls = node.superName;
        }
        return !isConstructor && cls == null;
    }

    private boolean isSnakeYaml2() {
        if (snakeYaml2 == null) {
            try (InputStream in = classes.openResource(TAG_INSPECTOR_CLASS)) {
                snakeYaml2 = in != null;
            } catch (IOException | RuntimeException e) {
                // Unknown version: assume the safe default of 2.x rather than report every load.
                snakeYaml2 = Boolean.TRUE;
            }
        }
        return snakeYaml2;
    }

    /**
     * Whether the instruction that produced a {@code TagInspector} argument makes one that allows every tag: a
     * lambda of this class, or an instance of a class, whose {@code isGlobalTagAllowed} is {@code return true}.
     */
    private boolean allowsEveryTag(ClassNode cls, AbstractInsnNode producer) {
        if (producer instanceof InvokeDynamicInsnNode) {
            InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) producer;
            if (indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle) {
                Handle target = (Handle) indy.bsmArgs[1];
                ClassNode owner = target.getOwner().equals(cls.name) ? cls : classes.lookupClass(target.getOwner());
                return owner != null && returnsTrue(owner, target.getName(), target.getDesc());
            }
            return false;
        }
        if (producer instanceof MethodInsnNode && "<init>".equals(((MethodInsnNode) producer).name)) {
            String type = ((MethodInsnNode) producer).owner;
            ClassNode owner = type.equals(cls.name) ? cls : classes.lookupClass(type);
            return owner != null && returnsTrue(owner, "isGlobalTagAllowed", "(Lorg/yaml/snakeyaml/nodes/Tag;)Z");
        }
        return false;
    }

    private static boolean returnsTrue(ClassNode cls, String name, String desc) {
        for (MethodNode method : cls.methods) {
            if (method.name.equals(name) && method.desc.equals(desc)) {
                List<Integer> opcodes = new ArrayList<>();
                for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (insn.getOpcode() >= 0) {
                        opcodes.add(insn.getOpcode());
                    }
                }
                return opcodes.equals(List.of(Opcodes.ICONST_1, Opcodes.IRETURN));
            }
        }
        return false;
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn == null ? null : insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static boolean isGetStatic(AbstractInsnNode insn, String owner, String name) {
        return insn instanceof FieldInsnNode && insn.getOpcode() == Opcodes.GETSTATIC
                && ((FieldInsnNode) insn).owner.equals(owner) && ((FieldInsnNode) insn).name.equals(name);
    }

    private static boolean isLdc(AbstractInsnNode insn, String value) {
        return insn instanceof org.objectweb.asm.tree.LdcInsnNode && value.equals(((org.objectweb.asm.tree.LdcInsnNode) insn).cst);
    }

    // ---- annotations ----

    /**
     * {@code @JsonTypeInfo(use = CLASS | MINIMAL_CLASS)} on a field, getter or setter of an open type. A field has
     * no line of its own: the finding goes to the line that stores it (its setter or constructor), else the
     * line that reads it.
     */
    private void visitAnnotations(ClassContext classContext, ClassNode cls) {
        for (FieldNode field : cls.fields) {
            if (classNameTyping(field.visibleAnnotations) && openType(field.desc, field.signature)) {
                reportField(classContext, cls, field);
            }
        }
        for (MethodNode method : cls.methods) {
            if (!classNameTyping(method.visibleAnnotations)) {
                continue;
            }
            Type[] parameters = Type.getArgumentTypes(method.desc);
            Type returned = Type.getReturnType(method.desc);
            boolean open = parameters.length == 1 && OPEN_TYPES.contains(parameters[0].getDescriptor())
                    || parameters.length == 0 && OPEN_TYPES.contains(returned.getDescriptor());
            AbstractInsnNode first = firstInstruction(method);
            Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
            if (open && first != null && bcelMethod != null) {
                bugAccumulator.accumulateBug(annotationBug(classContext, bcelMethod, method.name + "()"),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, first));
            }
        }
    }

    private void reportField(ClassContext classContext, ClassNode cls, FieldNode field) {
        MethodNode where = null;
        AbstractInsnNode access = null;
        // Rank: a store outside the constructor (the setter), a store in it, a read.
        int best = Integer.MAX_VALUE;
        for (MethodNode method : cls.methods) {
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if ((insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.GETFIELD)
                        && ((FieldInsnNode) insn).owner.equals(cls.name) && ((FieldInsnNode) insn).name.equals(field.name)) {
                    int rank = insn.getOpcode() == Opcodes.GETFIELD ? 2 : "<init>".equals(method.name) ? 1 : 0;
                    if (rank < best) {
                        best = rank;
                        where = method;
                        access = insn;
                    }
                }
            }
        }
        Method bcelMethod = where == null ? null : SpotBugsClassSource.bcelMethod(classContext, where);
        if (bcelMethod != null) {
            bugAccumulator.accumulateBug(annotationBug(classContext, bcelMethod, "field " + field.name),
                    SpotBugsClassSource.sourceLine(classContext, bcelMethod, where, access));
        }
    }

    private BugInstance annotationBug(ClassContext classContext, Method method, String property) {
        return new BugInstance(this, TYPE, Priorities.NORMAL_PRIORITY)
                .addClassAndMethod(classContext.getJavaClass(), method)
                .addString("@JsonTypeInfo(use = CLASS) on " + property + " of an open type")
                .addString("use @JsonTypeInfo(use = Id.NAME) with @JsonSubTypes listing the allowed classes,"
                        + " on a property of your own base type");
    }

    private static boolean classNameTyping(List<AnnotationNode> annotations) {
        if (annotations == null) {
            return false;
        }
        for (AnnotationNode annotation : annotations) {
            if (JSON_TYPE_INFO.equals(annotation.desc) && annotation.values != null) {
                for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
                    Object value = annotation.values.get(i + 1);
                    if ("use".equals(annotation.values.get(i)) && value instanceof String[]
                            && ((String[]) value).length == 2
                            && ("CLASS".equals(((String[]) value)[1]) || "MINIMAL_CLASS".equals(((String[]) value)[1]))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Object, Serializable or Comparable, or a collection or map whose elements or values are. */
    private static boolean openType(String desc, String signature) {
        if (OPEN_TYPES.contains(desc)) {
            return true;
        }
        if (signature == null) {
            return false;
        }
        for (String open : OPEN_TYPES) {
            if (signature.endsWith(open + ">;")) {
                return true;
            }
        }
        return false;
    }

    private static AbstractInsnNode firstInstruction(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() >= 0) {
                return insn;
            }
        }
        return null;
    }
}
