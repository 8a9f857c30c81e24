package dev.genguard.spotbugs.injection;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.classfile.JavaClass;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * XML parsed by a JAXP parser that still resolves external entities (XXE): a {@code DocumentBuilder},
 * {@code SAXParser}, {@code XMLReader}, {@code XMLInputFactory}, {@code TransformerFactory}/{@code Transformer},
 * {@code SchemaFactory} or {@code Validator} whose factory, followed through the value analysis, lacks on every
 * path the settings that make that API safe (OWASP XXE Prevention Cheat Sheet):
 * <ul>
 *   <li>DOM and SAX: {@code disallow-doctype-decl} true, or {@code FEATURE_SECURE_PROCESSING} true, or
 *       {@code ACCESS_EXTERNAL_DTD} empty, or external general and parameter entities and external DTD loading
 *       all off. Settings count on the factory, the parser and the {@code XMLReader} alike.</li>
 *   <li>StAX: {@code SUPPORT_DTD} false, or {@code IS_SUPPORTING_EXTERNAL_ENTITIES} false, or
 *       {@code ACCESS_EXTERNAL_DTD} empty.</li>
 *   <li>Transformers: {@code ACCESS_EXTERNAL_DTD} and {@code ACCESS_EXTERNAL_STYLESHEET} empty, or secure
 *       processing.</li>
 *   <li>Schemas and validators: {@code ACCESS_EXTERNAL_DTD} and {@code ACCESS_EXTERNAL_SCHEMA} empty, or secure
 *       processing; on the schema factory (the JDK hands them on to its schemas' validators) or the validator.</li>
 * </ul>
 * Secure processing counts because the JDK's own implementations clear the external access properties when it is
 * set explicitly; a Xerces or Woodstox jar on the class path would not, which is a miss we accept for precision.
 *
 * <p>The finding is at the call that parses: {@code parse}, {@code createXMLStreamReader}/{@code createXMLEventReader},
 * {@code newTransformer}/{@code newTemplates} of a stylesheet, {@code transform}/{@code validate} of a stream or
 * SAX source, {@code newSchema} of a file, URL or stream source. A factory used only to build documents
 * ({@code newDocument}), to serialize a DOM, or to read the analysed code's own classpath resources is not
 * reported. Silent when the answer is unknown: a factory, builder or schema from a parameter, a field or a
 * helper the analysis cannot summarise (configured elsewhere, typically hardened once and shared); an object that
 * escaped to other code before the parse; a setting whose name or value is not a constant; an entity or resource
 * resolver (which may refuse external entities); a protective setting made in the method on some path only.
 * Confidence: high when nothing at all was set on the parser's objects (the default configuration), normal when
 * settings were made but none of them suffices.
 */
public class XxeDetector extends ValueAnalysisDetector {

    static final String TYPE = "GENGUARD_XXE";

    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    static final String SECURE_PROCESSING = "http://javax.xml.XMLConstants/feature/secure-processing";
    static final String ACCESS_EXTERNAL_DTD = "http://javax.xml.XMLConstants/property/accessExternalDTD";
    static final String ACCESS_EXTERNAL_SCHEMA = "http://javax.xml.XMLConstants/property/accessExternalSchema";
    static final String ACCESS_EXTERNAL_STYLESHEET = "http://javax.xml.XMLConstants/property/accessExternalStylesheet";
    static final String SUPPORT_DTD = "javax.xml.stream.supportDTD";
    static final String EXTERNAL_ENTITIES = "javax.xml.stream.isSupportingExternalEntities";

    /** Each setting that helps, with the value that helps: {@code Boolean} for features, {@code ""} for access. */
    private static final Map<String, Object> PROTECTIVE = Map.of(
            DISALLOW_DOCTYPE, Boolean.TRUE, EXTERNAL_GENERAL, Boolean.FALSE, EXTERNAL_PARAMETER, Boolean.FALSE,
            LOAD_EXTERNAL_DTD, Boolean.FALSE, SECURE_PROCESSING, Boolean.TRUE, ACCESS_EXTERNAL_DTD, "",
            ACCESS_EXTERNAL_SCHEMA, "", ACCESS_EXTERNAL_STYLESHEET, "", SUPPORT_DTD, Boolean.FALSE,
            EXTERNAL_ENTITIES, Boolean.FALSE);

    /** Calls that set a named feature, attribute or property. */
    private static final Set<String> SETTERS = Set.of("setFeature", "setAttribute", "setProperty");
    /** Calls that install a resolver, which may refuse external entities: the outcome is unknown. */
    private static final Set<String> RESOLVERS = Set.of("setEntityResolver", "setXMLResolver", "setResourceResolver");
    /** Other security-minded settings: not sufficient, but they make a finding of normal confidence. */
    private static final Set<String> OTHER_SETTINGS = Set.of("setXIncludeAware", "setExpandEntityReferences");

    private static final String DBF = "javax/xml/parsers/DocumentBuilderFactory";
    private static final String SPF = "javax/xml/parsers/SAXParserFactory";
    private static final String XIF = "javax/xml/stream/XMLInputFactory";
    private static final String TF = "javax/xml/transform/TransformerFactory";
    private static final String STF = "javax/xml/transform/sax/SAXTransformerFactory";
    private static final String SF = "javax/xml/validation/SchemaFactory";
    private static final String XML_READER_FACTORY = "org/xml/sax/helpers/XMLReaderFactory";
    private static final String DOCUMENT_BUILDER = "javax/xml/parsers/DocumentBuilder";
    private static final String SAX_PARSER = "javax/xml/parsers/SAXParser";
    private static final String XML_READER = "org/xml/sax/XMLReader";
    private static final String TRANSFORMER = "javax/xml/transform/Transformer";
    private static final String SCHEMA = "javax/xml/validation/Schema";
    private static final String VALIDATOR = "javax/xml/validation/Validator";

    /** The sources whose XML the consumer parses; {@code DOMSource} and {@code StAXSource} are parsed already. */
    private static final Set<String> PARSED_SOURCES = Set.of(
            "javax/xml/transform/stream/StreamSource", "javax/xml/transform/sax/SAXSource");
    private static final Set<String> STREAM_WRAPPERS = Set.of(
            "org/xml/sax/InputSource", "javax/xml/transform/stream/StreamSource", "java/io/InputStreamReader",
            "java/io/BufferedInputStream", "java/io/BufferedReader");

    /** The parser families, each with what makes it safe and the fix the message names. */
    enum Api {
        DOM("setFeature(\"" + DISALLOW_DOCTYPE + "\", true)"),
        SAX("setFeature(\"" + DISALLOW_DOCTYPE + "\", true)"),
        STAX("setProperty(XMLInputFactory.SUPPORT_DTD, false)"),
        TRANSFORM("setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, \"\") and "
                + "setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, \"\")"),
        /** A document (not a stylesheet) read by a transformer: only DTDs and entities can reach out. */
        TRANSFORM_INPUT("setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, \"\")"),
        SCHEMA("setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, \"\") and "
                + "setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, \"\")");

        final String fix;

        Api(String fix) {
            this.fix = fix;
        }

        /** The keys that matter to this family. */
        Set<String> keys() {
            switch (this) {
            case DOM:
            case SAX:
                return Set.of(DISALLOW_DOCTYPE, SECURE_PROCESSING, ACCESS_EXTERNAL_DTD, EXTERNAL_GENERAL,
                        EXTERNAL_PARAMETER, LOAD_EXTERNAL_DTD);
            case STAX:
                return Set.of(SUPPORT_DTD, EXTERNAL_ENTITIES, ACCESS_EXTERNAL_DTD);
            case TRANSFORM:
                return Set.of(SECURE_PROCESSING, ACCESS_EXTERNAL_DTD, ACCESS_EXTERNAL_STYLESHEET);
            case TRANSFORM_INPUT:
                return Set.of(SECURE_PROCESSING, ACCESS_EXTERNAL_DTD);
            default:
                return Set.of(SECURE_PROCESSING, ACCESS_EXTERNAL_DTD, ACCESS_EXTERNAL_SCHEMA);
            }
        }

        /** Whether settings (key to the last constant value set) make the parser safe. */
        boolean safe(Map<String, Object> set) {
            switch (this) {
            case DOM:
            case SAX:
                return is(set, DISALLOW_DOCTYPE) || is(set, SECURE_PROCESSING) || is(set, ACCESS_EXTERNAL_DTD)
                        || is(set, EXTERNAL_GENERAL) && is(set, EXTERNAL_PARAMETER) && is(set, LOAD_EXTERNAL_DTD);
            case STAX:
                return is(set, SUPPORT_DTD) || is(set, EXTERNAL_ENTITIES) || is(set, ACCESS_EXTERNAL_DTD);
            case TRANSFORM:
                return is(set, SECURE_PROCESSING) || is(set, ACCESS_EXTERNAL_DTD) && is(set, ACCESS_EXTERNAL_STYLESHEET);
            case TRANSFORM_INPUT:
                return is(set, SECURE_PROCESSING) || is(set, ACCESS_EXTERNAL_DTD);
            default:
                return is(set, SECURE_PROCESSING) || is(set, ACCESS_EXTERNAL_DTD) && is(set, ACCESS_EXTERNAL_SCHEMA);
            }
        }

        private static boolean is(Map<String, Object> set, String key) {
            return PROTECTIVE.get(key).equals(set.get(key));
        }
    }

    /** What the analysis can say about one parse. */
    enum Verdict { SAFE, UNKNOWN, UNSAFE_UNCONFIGURED, UNSAFE_CONFIGURED }

    /** A call that parses XML, by owner and name. */
    private static final Map<String, Api> CONSUMERS = Map.of(
            DOCUMENT_BUILDER + ".parse", Api.DOM,
            SAX_PARSER + ".parse", Api.SAX,
            XML_READER + ".parse", Api.SAX,
            XIF + ".createXMLStreamReader", Api.STAX,
            XIF + ".createXMLEventReader", Api.STAX,
            TF + ".newTransformer", Api.TRANSFORM,
            TF + ".newTemplates", Api.TRANSFORM,
            TRANSFORMER + ".transform", Api.TRANSFORM_INPUT,
            SF + ".newSchema", Api.SCHEMA,
            VALIDATOR + ".validate", Api.SCHEMA);
    private static final Map<String, Api> MORE_CONSUMERS = Map.of(
            STF + ".newTransformer", Api.TRANSFORM,
            STF + ".newTemplates", Api.TRANSFORM);

    /** Calls that make a parser object from another object whose settings it inherits. */
    private static final Set<String> DERIVATIONS = Set.of(
            DBF + ".newDocumentBuilder", SPF + ".newSAXParser", SAX_PARSER + ".getXMLReader",
            TF + ".newTransformer", STF + ".newTransformer", SF + ".newSchema", SCHEMA + ".newValidator");

    /** The static factory methods that make a parser factory with the implementation's defaults. */
    private static final Map<String, Api> ROOTS = rootTable();

    private static Map<String, Api> rootTable() {
        Map<String, Api> roots = new HashMap<>();
        for (String name : List.of("newInstance", "newDefaultInstance", "newNSInstance", "newDefaultNSInstance")) {
            roots.put(DBF + '.' + name, Api.DOM);
            roots.put(SPF + '.' + name, Api.SAX);
        }
        for (String name : List.of("newInstance", "newFactory", "newDefaultFactory")) {
            roots.put(XIF + '.' + name, Api.STAX);
        }
        for (String name : List.of("newInstance", "newDefaultInstance")) {
            roots.put(TF + '.' + name, Api.TRANSFORM);
            roots.put(STF + '.' + name, Api.TRANSFORM);
            roots.put(SF + '.' + name, Api.SCHEMA);
        }
        roots.put(XML_READER_FACTORY + ".createXMLReader", Api.SAX);
        return Map.copyOf(roots);
    }

    /** How far a consumer's receiver is followed back to its factory (validator, schema, factory). */
    private static final int MAX_CHAIN = 4;

    public XxeDetector(BugReporter bugReporter) {
        super(bugReporter);
    }

    @Override
    protected boolean mayReport(JavaClass javaClass) {
        return ClassReferences.referencesAny(javaClass, DOCUMENT_BUILDER, SAX_PARSER, XML_READER, XIF, TF, STF,
                TRANSFORMER, SF, VALIDATOR);
    }

    @Override
    protected boolean mayReport(ClassNode cls, MethodNode method) {
        return anyCall(method, call -> consumer(call) != null);
    }

    private static Api consumer(MethodInsnNode insn) {
        String key = insn.owner + '.' + insn.name;
        Api api = CONSUMERS.get(key);
        return api != null ? api : MORE_CONSUMERS.get(key);
    }

    @Override
    protected void visitMethod(ClassContext classContext, ClassNode cls, MethodNode method, MethodValues methodValues) {
        Method bcelMethod = SpotBugsClassSource.bcelMethod(classContext, method);
        if (bcelMethod == null) {
            return;
        }
        for (Parse parse : parses(methodValues)) {
            if (parse.verdict() == Verdict.UNSAFE_UNCONFIGURED || parse.verdict() == Verdict.UNSAFE_CONFIGURED) {
                int priority = parse.verdict() == Verdict.UNSAFE_UNCONFIGURED
                        ? Priorities.HIGH_PRIORITY : Priorities.NORMAL_PRIORITY;
                CallSite call = parse.call();
                bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                        .addClassAndMethod(classContext.getJavaClass(), bcelMethod)
                        .addString(simpleName(root(call.receiver())))
                        .addString(parse.api().fix),
                        SpotBugsClassSource.sourceLine(classContext, bcelMethod, method, call.insn()));
            }
        }
    }

    /** A call that parses XML from outside the analysed code, with what the analysis concludes about its parser. */
    record Parse(CallSite call, Api api, Verdict verdict) {
    }

    /** Every call of the method that parses XML from outside the analysed code, in bytecode order. */
    static List<Parse> parses(MethodValues methodValues) {
        List<Parse> parses = new ArrayList<>();
        for (CallSite call : methodValues.calls()) {
            Api api = consumer(call.insn());
            if (api != null && call.receiver() != null && parsesUntrustedInput(call)) {
                parses.add(new Parse(call, api, verdict(api, call.receiver(), methodValues)));
            }
        }
        return parses;
    }

    // ---- what is parsed ----

    /**
     * Whether the call parses XML that may come from outside: not a source that is parsed already (a DOM
     * being serialized or validated), not a resource of the analysed code's own class path.
     */
    static boolean parsesUntrustedInput(CallSite call) {
        Type[] parameters = Type.getArgumentTypes(call.desc());
        if (parameters.length == 0) {
            return false; // newTransformer(), newSchema(): nothing parsed yet
        }
        boolean parses = false;
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i].getInternalName();
            AbstractValue argument = call.argument(i);
            if (fromClasspath(argument, 0)) {
                return false;
            }
            switch (parameter) {
            case "javax/xml/transform/Source":
                // Only a stream or SAX source is parsed; a declared Source of unknown kind stays silent.
                parses |= argument.type() != null && PARSED_SOURCES.contains(argument.type().getInternalName());
                break;
            case "java/io/InputStream":
            case "java/io/Reader":
            case "java/io/File":
            case "java/net/URL":
            case "org/xml/sax/InputSource":
                parses = true;
                break;
            case "java/lang/String":
                // parse(uri) reads the URI; StAX's leading String is the system id of the stream that follows.
                parses |= !"createXMLStreamReader".equals(call.name()) && !"createXMLEventReader".equals(call.name());
                break;
            default:
                break;
            }
        }
        return parses;
    }

    /** A stream, URL or source over a classpath resource of the analysed code (its own schema, stylesheet, config). */
    private static boolean fromClasspath(AbstractValue value, int depth) {
        if (value == null || depth > 2) {
            return false;
        }
        if (value.resource() != null) {
            return true;
        }
        Invocation creation = value.creation();
        if (creation == null) {
            return false;
        }
        boolean classOrLoader = "java/lang/Class".equals(creation.owner()) || "java/lang/ClassLoader".equals(creation.owner());
        if (classOrLoader && creation.name().startsWith("get") && creation.name().contains("Resource")) {
            return true;
        }
        if ("java/net/URL".equals(creation.owner()) && "openStream".equals(creation.name())) {
            return fromClasspath(creation.receiver(), depth + 1);
        }
        if ("<init>".equals(creation.name()) && STREAM_WRAPPERS.contains(creation.owner())
                && creation.argumentCount() > 0) {
            return fromClasspath(creation.argument(0), depth + 1);
        }
        return false;
    }

    // ---- the parser's configuration ----

    /**
     * The verdict over every way the analysis finds from the consumer's receiver back to its factory; where an
     * intermediate object (a {@code SAXParser}, a {@code Schema}) was recorded without its own origin, the call
     * sites in the method that derived from it supply it. All ways must agree.
     */
    private static Verdict verdict(Api api, AbstractValue receiver, MethodValues methodValues) {
        List<List<AbstractValue>> chains = new ArrayList<>();
        if (!chains(receiver, new ArrayList<>(), methodValues, chains)) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = null;
        for (List<AbstractValue> chain : chains) {
            Verdict one = verdict(api, chain, methodValues);
            if (verdict != null && one != verdict) {
                return Verdict.UNKNOWN;
            }
            verdict = one;
        }
        return verdict == null ? Verdict.UNKNOWN : verdict;
    }

    /**
     * Collects the chains of objects from {@code value} to a factory made by a known factory method. False when
     * some object on the way is unknown (a parameter, a field, an unsummarised helper's result).
     */
    private static boolean chains(AbstractValue value, List<AbstractValue> prefix, MethodValues methodValues,
                                  List<List<AbstractValue>> out) {
        if (value == null || !value.isTracked() || value.creation() == null || prefix.size() >= MAX_CHAIN) {
            return false;
        }
        List<AbstractValue> chain = new ArrayList<>(prefix);
        chain.add(value);
        Invocation creation = value.creation();
        String key = creation.owner() + '.' + creation.name();
        if (ROOTS.containsKey(key)) {
            out.add(chain);
            return true;
        }
        if (!DERIVATIONS.contains(key) || creation.receiver() == null) {
            return false;
        }
        AbstractValue from = creation.receiver();
        Invocation fromCreation = from.creation();
        if (fromCreation != null && fromCreation.receiver() == null
                && DERIVATIONS.contains(fromCreation.owner() + '.' + fromCreation.name())) {
            // Recorded one level deep only: find the full object at the calls that derived from it.
            List<AbstractValue> candidates = derivedAt(creation, from, methodValues);
            if (candidates.isEmpty()) {
                return false;
            }
            for (AbstractValue candidate : candidates) {
                if (!chains(candidate, chain, methodValues, out)) {
                    return false;
                }
            }
            return true;
        }
        return chains(from, chain, methodValues, out);
    }

    /** The receivers, as the call sites saw them, of the calls like {@code creation} made on an object like {@code from}. */
    private static List<AbstractValue> derivedAt(Invocation creation, AbstractValue from, MethodValues methodValues) {
        List<AbstractValue> found = new ArrayList<>();
        for (CallSite call : methodValues.calls(creation.owner(), creation.name())) {
            AbstractValue receiver = call.receiver();
            if (call.desc().equals(creation.desc()) && receiver != null && receiver.isTracked()
                    && receiver.facts().equals(from.facts()) && receiver.escaped() == from.escaped()
                    && sameCall(receiver.creation(), from.creation())) {
                found.add(receiver);
            }
        }
        return found;
    }

    private static boolean sameCall(Invocation a, Invocation b) {
        if (a == null || b == null || !a.owner().equals(b.owner()) || !a.name().equals(b.name())
                || !a.desc().equals(b.desc())) {
            return false;
        }
        for (int i = 0; i < a.argumentCount(); i++) {
            if (!Objects.equals(a.argument(i).constant(), b.argument(i).constant())) {
                return false;
            }
        }
        return true;
    }

    private static Verdict verdict(Api api, List<AbstractValue> chain, MethodValues methodValues) {
        AbstractValue root = chain.get(chain.size() - 1);
        Api family = ROOTS.get(root.creation().owner() + '.' + root.creation().name());
        if (family != (api == Api.TRANSFORM_INPUT ? Api.TRANSFORM : api)) {
            return Verdict.UNKNOWN;
        }
        Map<String, Object> set = new HashMap<>();
        boolean configured = false;
        boolean unknown = false;
        // From the factory down to the parser: a later object's setting overrides what it inherited.
        for (int i = chain.size() - 1; i >= 0; i--) {
            AbstractValue object = chain.get(i);
            unknown |= object.escaped();
            for (Invocation fact : object.facts()) {
                if (RESOLVERS.contains(fact.name())) {
                    configured = true;
                    unknown = true;
                } else if (OTHER_SETTINGS.contains(fact.name())) {
                    configured = true;
                } else if (SETTERS.contains(fact.name()) && fact.argumentCount() == 2) {
                    configured = true;
                    String key = fact.argument(0).constantString();
                    Object value = settingValue(fact.desc(), fact.argument(1));
                    if (key == null || api.keys().contains(key) && value == null) {
                        unknown = true;
                    } else if (value != null) {
                        set.put(key, value);
                    }
                }
            }
        }
        if (api.safe(set)) {
            return Verdict.SAFE;
        }
        if (unknown || protectedOnSomePath(api, chain, methodValues)) {
            return Verdict.UNKNOWN;
        }
        return configured ? Verdict.UNSAFE_CONFIGURED : Verdict.UNSAFE_UNCONFIGURED;
    }

    /**
     * The value a setter sets: a boolean (a {@code boolean} parameter, or a {@code Boolean} passed as an
     * {@code Object}) as {@code Boolean}, a string as itself; null when not a constant of either kind.
     */
    private static Object settingValue(String desc, AbstractValue value) {
        Type[] parameters = Type.getArgumentTypes(desc);
        Type parameter = parameters[parameters.length - 1];
        Type type = value.type();
        boolean booleanValue = parameter.getSort() == Type.BOOLEAN
                || type != null && "java/lang/Boolean".equals(type.getInternalName());
        if (booleanValue && value.constantInt() != null) {
            return value.constantInt() != 0;
        }
        return value.constantString();
    }

    /**
     * Whether the method sets a protection (or an unknown setting) on an object made like one of the chain's,
     * but not on every path to the parse: a branch, a loop over feature names, a setting after a check. The
     * must-analysis drops such calls at the join; we stay silent rather than guess which path runs.
     */
    private static boolean protectedOnSomePath(Api api, List<AbstractValue> chain, MethodValues methodValues) {
        for (CallSite call : methodValues.calls()) {
            AbstractValue receiver = call.receiver();
            if (receiver == null || !receiver.isTracked() || !(SETTERS.contains(call.name())
                    || RESOLVERS.contains(call.name())) || !madeLikeOneOf(receiver, chain) || counted(call, chain)) {
                continue;
            }
            if (RESOLVERS.contains(call.name()) || call.argumentCount() != 2) {
                return true;
            }
            String key = call.argument(0).constantString();
            Object value = settingValue(call.desc(), call.argument(1));
            if (key == null || api.keys().contains(key) && (value == null || PROTECTIVE.get(key).equals(value))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the call is one of the facts the verdict already weighed (made on every path). */
    private static boolean counted(CallSite call, List<AbstractValue> chain) {
        for (AbstractValue object : chain) {
            for (Invocation fact : object.facts()) {
                if (fact.name().equals(call.name()) && fact.desc().equals(call.desc())
                        && sameArguments(fact, call)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameArguments(Invocation fact, CallSite call) {
        for (int i = 0; i < fact.argumentCount(); i++) {
            Object constant = fact.argument(i).constant();
            if (constant == null || !constant.equals(call.argument(i).constant())) {
                return false;
            }
        }
        return true;
    }

    private static boolean madeLikeOneOf(AbstractValue receiver, List<AbstractValue> chain) {
        for (AbstractValue object : chain) {
            if (sameCall(receiver.creation(), object.creation())) {
                return true;
            }
        }
        return false;
    }

    // ---- naming ----

    /** The object at the end of the receiver's known chain: the factory the message names. */
    private static AbstractValue root(AbstractValue value) {
        AbstractValue current = value;
        for (int i = 0; i < MAX_CHAIN && current.creation() != null && current.creation().receiver() != null; i++) {
            current = current.creation().receiver();
        }
        return current;
    }

    private static String simpleName(AbstractValue value) {
        Invocation creation = value.creation();
        String owner = creation == null ? value.type().getInternalName() : creation.owner();
        if (XML_READER_FACTORY.equals(owner)) {
            return "XMLReader";
        }
        return owner.substring(owner.lastIndexOf('/') + 1);
    }
}
