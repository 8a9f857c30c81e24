package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.MethodValues;
import dev.genguard.spotbugs.dataflow.Origin;
import dev.genguard.spotbugs.dataflow.SpotBugsClassSource;
import dev.genguard.spotbugs.dataflow.ValueAnalysisDetector;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.ConstantString;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * TLS set up to accept what TLS 1.2+ with certificate validation rejects:
 * <ul>
 *   <li>{@code SSLContext.getInstance} with SSL, SSLv2, SSLv3, TLSv1 or TLSv1.1;</li>
 *   <li>an enabled-protocol list ({@code setEnabledProtocols} of {@code SSLSocket}, {@code SSLServerSocket},
 *       {@code SSLEngine}; {@code SSLParameters.setProtocols} or its constructor; the supported protocols of
 *       Apache HttpClient's {@code SSLConnectionSocketFactory} and its 5.x TLS builders; the {@code https.protocols} and
 *       {@code jdk.tls.*.protocols} system properties) that names one of those;</li>
 *   <li>{@code SSLContext.init} with a trust manager whose {@code checkServerTrusted} accepts every certificate:
 *       no throw, and no call other than logging.</li>
 * </ul>
 * Values resolve through the value analysis (constants of any class, concatenation, helpers, properties
 * resources), array elements made in the method, and {@code static final} arrays; an unknown value stays silent.
 * The trust-all check is the bytecode view of PMD's {@code TrustAllCertificates} (CWE-295, reported on the
 * check method): this detector reports the {@code init} call that installs such a manager, under CWE-327, so the
 * two never share a line and a CWE and a SpotBugs-only user still sees it. Test classes ({@code *Test},
 * {@code *Tests}, {@code *IT}, {@code *TestCase}) talk to local servers with throw-away certificates and are skipped.
 */
public class InsecureTlsDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_INSECURE_TLS";

    private static final String SSL_CONTEXT = "javax/net/ssl/SSLContext";
    private static final String SSL_PARAMETERS = "javax/net/ssl/SSLParameters";
    private static final String HC4_FACTORY = "org/apache/http/conn/ssl/SSLConnectionSocketFactory";
    private static final String HC5_FACTORY = "org/apache/hc/client5/http/ssl/SSLConnectionSocketFactory";
    private static final String STRING_ARRAY = "[Ljava/lang/String;";
    private static final String INIT_DESC =
            "([Ljavax/net/ssl/KeyManager;[Ljavax/net/ssl/TrustManager;Ljava/security/SecureRandom;)V";
    private static final String CHECK_SERVER_TRUSTED = "checkServerTrusted";

    /** Owner to method name of the calls whose first {@code String[]} argument lists the protocols to enable. */
    private static final Map<String, String> PROTOCOL_LISTS = Map.of(
            "javax/net/ssl/SSLSocket", "setEnabledProtocols",
            "javax/net/ssl/SSLServerSocket", "setEnabledProtocols",
            "javax/net/ssl/SSLEngine", "setEnabledProtocols",
            SSL_PARAMETERS, "setProtocols",
            HC4_FACTORY, "<init>",
            HC5_FACTORY, "<init>",
            "org/apache/hc/client5/http/ssl/SSLConnectionSocketFactoryBuilder", "setTlsVersions",
            "org/apache/hc/client5/http/ssl/ClientTlsStrategyBuilder", "setTlsVersions");
    /** System properties that set the JDK's (or HttpsURLConnection's) protocols, as a comma-separated list. */
    private static final Set<String> PROTOCOL_PROPERTIES = Set.of(
            "https.protocols", "jdk.tls.client.protocols", "jdk.tls.server.protocols");
    /** Protocols with known attacks (POODLE, BEAST) and without modern cipher suites; RFC 8996 deprecates TLS 1.0/1.1. */
    private static final Set<String> WEAK_PROTOCOLS = Set.of("SSL", "SSLV2", "SSLV3", "TLSV1", "TLSV1.1");
    /** Receivers of calls that only log: a check method that does nothing else cannot reject a certificate. */
    private static final Set<String> LOGGING = Set.of(
            "java/io/PrintStream", "java/util/logging/Logger", "java/lang/System$Logger", "org/slf4j/Logger",
            "org/apache/logging/log4j/Logger", "org/apache/commons/logging/Log", "java/lang/StringBuilder",
            "java/lang/String", "java/util/Arrays", "java/lang/Object");

    public InsecureTlsDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return !isTestClass(javaClass) && (ClassReferences.referencesAny(javaClass, SSL_CONTEXT,
                "javax/net/ssl/SSLSocket", "javax/net/ssl/SSLServerSocket", "javax/net/ssl/SSLEngine",
                SSL_PARAMETERS, HC4_FACTORY, HC5_FACTORY, "org/apache/hc/client5/http/ssl/SSLConnectionSocketFactoryBuilder",
                "org/apache/hc/client5/http/ssl/ClientTlsStrategyBuilder") || namesProtocolProperty(javaClass));
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return anyCall(method, call -> call.owner.equals(SSL_CONTEXT)
                        && (call.name.equals("getInstance") || call.name.equals("init"))
                || call.name.equals(PROTOCOL_LISTS.get(call.owner))
                || call.owner.equals(SSL_PARAMETERS) && call.name.equals("<init>")
                || call.owner.equals("java/lang/System") && call.name.equals("setProperty"));
    }

    private static boolean namesProtocolProperty(JavaClass javaClass) {
        ConstantPool cp = javaClass.getConstantPool();
        for (Constant c : cp.getConstantPool()) {
            if (c instanceof ConstantString
                    && PROTOCOL_PROPERTIES.contains(((ConstantString) c).getBytes(cp))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        Sources sources = new Sources(cls, method);
        for (CallSite call : methodValues.calls()) {
            Finding finding = check(call, sources);
            if (finding != null) {
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, finding.priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(finding.what)
                        .addString(finding.fix),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    private Finding check(CallSite call, Sources sources) {
        String owner = call.owner();
        String name = call.name();
        if (owner.equals(SSL_CONTEXT) && name.equals("getInstance") && call.desc().startsWith("(Ljava/lang/String;")) {
            AbstractValue protocol = call.argument(0);
            String value = protocol.constantString();
            if (value == null || !isWeak(value)) {
                return null;
            }
            // On current JDKs "SSL" selects the same default protocols as "TLS"; it states the wrong intent only.
            boolean proven = protocol.origin() == Origin.CODE && !"SSL".equalsIgnoreCase(value.trim());
            return new Finding(proven ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY,
                    "SSLContext.getInstance(\"" + value + "\")", "Request \"TLSv1.3\" or \"TLS\"");
        }
        if (owner.equals(SSL_CONTEXT) && name.equals("init") && call.desc().equals(INIT_DESC)) {
            return trustAll(call, sources);
        }
        if (owner.equals("java/lang/System") && name.equals("setProperty") && call.argumentCount() == 2
                && call.argument(0).constantString() != null
                && PROTOCOL_PROPERTIES.contains(call.argument(0).constantString())) {
            AbstractValue list = call.argument(1);
            String value = list.constantString();
            List<String> weak = value == null ? List.of() : weakOf(List.of(value.split(",")));
            return weak.isEmpty() ? null : new Finding(priority(list.origin()),
                    call.argument(0).constantString() + "=" + value, "List only TLSv1.2 and TLSv1.3");
        }
        int index = protocolListArgument(call);
        if (index < 0) {
            return null;
        }
        Elements elements = elements(call, index, sources);
        if (elements == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (AbstractValue element : elements.values) {
            if (element.constantString() != null) {
                names.add(element.constantString());
            }
        }
        List<String> weak = weakOf(names);
        return weak.isEmpty() ? null : new Finding(elements.priority,
                "enabled protocols " + String.join(", ", weak), "Enable only TLSv1.2 and TLSv1.3");
    }

    /** The argument holding the protocol list, or -1 when the call takes none. */
    private static int protocolListArgument(CallSite call) {
        boolean listing = call.name().equals(PROTOCOL_LISTS.get(call.owner()))
                || call.owner().equals(SSL_PARAMETERS) && call.name().equals("<init>");
        if (!listing) {
            return -1;
        }
        Type[] types = Type.getArgumentTypes(call.desc());
        // SSLParameters(cipherSuites, protocols): the second array; elsewhere the first array lists protocols.
        int wanted = call.owner().equals(SSL_PARAMETERS) && call.name().equals("<init>") ? 2 : 1;
        for (int i = 0; i < types.length; i++) {
            if (types[i].getDescriptor().equals(STRING_ARRAY) && --wanted == 0) {
                return i;
            }
        }
        return -1;
    }

    private Finding trustAll(CallSite call, Sources sources) {
        Elements managers = elements(call, 1, sources);
        if (managers == null) {
            return null;
        }
        for (AbstractValue manager : managers.values) {
            Type type = manager.type();
            if (type != null && type.getSort() == Type.OBJECT && acceptsEveryServer(type.getInternalName())) {
                return new Finding(managers.priority,
                        "trust manager " + type.getClassName() + ", whose checkServerTrusted accepts every certificate",
                        "Use the trust managers of a TrustManagerFactory initialised with your trust store");
            }
        }
        return null;
    }

    /**
     * Whether the class (or the nearest superclass outside the JDK that defines them) has {@code checkServerTrusted}
     * methods, and every one of them returns without throwing or calling anything but logging.
     */
    private boolean acceptsEveryServer(String internalName) {
        ClassNode cls = classes.lookupClass(internalName);
        for (int depth = 0; cls != null && depth < 8 && !isPlatform(cls.name); depth++) {
            if ((cls.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) != 0 && depth == 0) {
                return false;
            }
            boolean found = false;
            for (MethodNode method : cls.methods) {
                if (method.name.equals(CHECK_SERVER_TRUSTED) && method.desc.startsWith("([Ljava/security/cert/X509Certificate;Ljava/lang/String;")
                        && (method.access & Opcodes.ACC_SYNTHETIC) == 0) {
                    if (!acceptsAll(method)) {
                        return false;
                    }
                    found = true;
                }
            }
            if (found) {
                return true;
            }
            cls = cls.superName == null ? null : classes.lookupClass(cls.superName);
        }
        return false;
    }

    private static boolean isPlatform(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/")
                || internalName.startsWith("sun/") || internalName.startsWith("jdk/");
    }

    /** A check body that cannot reject: no throw, and no call but logging and string building. */
    private static boolean acceptsAll(MethodNode method) {
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return false;
        }
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.ATHROW) {
                return false;
            }
            if (insn instanceof MethodInsnNode && !LOGGING.contains(((MethodInsnNode) insn).owner)) {
                return false;
            }
            if (insn instanceof InvokeDynamicInsnNode
                    && !"java/lang/invoke/StringConcatFactory".equals(((InvokeDynamicInsnNode) insn).bsm.getOwner())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The elements of an array argument: followed in the method (confidence by their constants), or read from a
     * {@code static final} array field (normal confidence: arrays are mutable). Null when unknown.
     */
    private Elements elements(CallSite call, int index, Sources sources) {
        AbstractValue array = call.argument(index);
        List<AbstractValue> elements = array.elements();
        if (elements != null) {
            return new Elements(elements, Priorities.HIGH_PRIORITY);
        }
        FieldInsnNode field = sources.staticField(call, index);
        List<AbstractValue> stored = field == null ? null : values.staticFinalArray(field.owner, field.name, field.desc);
        return stored == null ? null : new Elements(stored, Priorities.NORMAL_PRIORITY);
    }

    private static int priority(Origin origin) {
        return origin == Origin.CODE ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY;
    }

    static boolean isWeak(String protocol) {
        return WEAK_PROTOCOLS.contains(protocol.trim().toUpperCase(Locale.ROOT));
    }

    private static List<String> weakOf(List<String> protocols) {
        Set<String> weak = new TreeSet<>();
        for (String protocol : protocols) {
            if (isWeak(protocol)) {
                weak.add(protocol.trim());
            }
        }
        return List.copyOf(weak);
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

    private static final class Elements {
        final List<AbstractValue> values;
        final int priority;

        Elements(List<AbstractValue> values, int priority) {
            this.values = values;
            this.priority = priority;
        }
    }

    /**
     * Which instruction produced each stack value, computed on first use: to tell an argument read straight from
     * a static field, whose array the value analysis does not follow.
     */
    private static final class Sources {
        private final ClassNode owner;
        private final MethodNode method;
        private Frame<SourceValue>[] frames;

        Sources(ClassNode owner, MethodNode method) {
            this.owner = owner;
            this.method = method;
        }

        FieldInsnNode staticField(CallSite call, int index) {
            if (frames == null) {
                try {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
                } catch (AnalyzerException | RuntimeException e) {
                    return null;
                }
            }
            Frame<SourceValue> frame = frames[method.instructions.indexOf(call.insn())];
            int count = Type.getArgumentTypes(call.desc()).length;
            if (frame == null || frame.getStackSize() < count) {
                return null;
            }
            SourceValue value = frame.getStack(frame.getStackSize() - count + index);
            if (value.insns.size() != 1) {
                return null;
            }
            AbstractInsnNode producer = value.insns.iterator().next();
            return producer.getOpcode() == Opcodes.GETSTATIC ? (FieldInsnNode) producer : null;
        }
    }
}
