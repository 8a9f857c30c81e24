package dev.genguard.spotbugs.dataflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The transfer functions of the value analysis: how each instruction maps the values it consumes to the value
 * it produces, and (through the {@link ValueFrame} it runs in) how it changes the state of tracked objects.
 * One instance analyses one method once.
 */
final class ValueInterpreter extends Interpreter<AbstractValue> {

    /** Objects beyond this many per frame are not tracked (generated code with thousands of allocations). */
    static final int MAX_OBJECTS = 256;
    /** Arrays longer than this do not have their elements followed. */
    static final int MAX_ARRAY = 64;

    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    private static final Type INPUT_STREAM = Type.getObjectType("java/io/InputStream");
    private static final String PROPERTIES = "java/util/Properties";
    private static final Set<String> BUILDERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");
    /** Builder methods that leave the contents as they are. */
    private static final Set<String> BUILDER_READS = Set.of(
            "length", "charAt", "toString", "indexOf", "lastIndexOf", "isEmpty", "capacity", "codePointAt",
            "substring", "subSequence", "chars", "compareTo", "equals", "hashCode", "getChars");
    /** Properties methods that leave the contents as they are. */
    private static final Set<String> PROPERTIES_READS = Set.of(
            "getProperty", "get", "getOrDefault", "containsKey", "containsValue", "isEmpty", "size",
            "stringPropertyNames", "propertyNames", "keySet", "keys", "values", "entrySet", "elements", "toString",
            "hashCode", "equals", "forEach", "list", "store", "storeToXML");
    /** Readers and streams that read what the stream they wrap reads. */
    private static final Set<String> STREAM_WRAPPERS = Set.of(
            "java/io/InputStreamReader", "java/io/BufferedInputStream", "java/io/BufferedReader");
    /** Classes whose methods use their arguments without keeping or changing them. */
    private static final Set<String> NON_CAPTURING = Set.of(
            "java/lang/String", "java/lang/StringBuilder", "java/lang/StringBuffer", "java/util/Objects",
            "java/lang/Integer", "java/lang/Long", "java/lang/Boolean", "java/lang/Class", "java/lang/ClassLoader",
            "java/util/Properties");
    /** Types whose values are constants or nothing: never tracked as objects. */
    private static final Set<String> VALUE_TYPES = Set.of(
            "java/lang/String", "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte",
            "java/lang/Character", "java/lang/Boolean", "java/lang/Float", "java/lang/Double", "java/lang/Class");

    private final ValueAnalysis analysis;
    private final MethodNode method;
    /** Values of parameters inferred from the call sites, by local variable index; null entries are unknown. */
    private final AbstractValue[] parameters;
    /** How many more method boundaries summaries may cross. */
    private final int budget;
    private ValueFrame current;
    private int index;
    /** Instructions executed in this method's fixpoint, and the most it may take ({@link AnalysisBudget#visits}). */
    private long visits;
    private final long maxVisits;

    ValueInterpreter(ValueAnalysis analysis, MethodNode method, List<AbstractValue> arguments, int budget, long maxVisits) {
        super(Opcodes.ASM9);
        this.analysis = analysis;
        this.method = method;
        this.budget = budget;
        this.maxVisits = maxVisits;
        this.parameters = arguments == null ? null : parametersByLocal(method, arguments);
    }

    private static AbstractValue[] parametersByLocal(MethodNode method, List<AbstractValue> arguments) {
        AbstractValue[] byLocal = new AbstractValue[Math.max(method.maxLocals, 1)];
        int local = (method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
        Type[] types = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < types.length && local < byLocal.length; i++) {
            byLocal[local] = arguments.get(i);
            local += types[i].getSize();
        }
        return byLocal;
    }

    /** Called by the frame before each instruction it executes: one visit, counted against both budgets. */
    void enter(ValueFrame frame, AbstractInsnNode insn) {
        if (++visits > maxVisits) {
            throw new ValueAnalysis.VisitsExceeded(false);
        }
        analysis.countVisit();
        current = frame;
        index = method.instructions.indexOf(insn);
    }

    // ---- values from nowhere ----

    @Override
    public AbstractValue newValue(Type type) {
        if (type == null) {
            return AbstractValue.UNINITIALIZED;
        }
        return type.getSort() == Type.VOID ? null : AbstractValue.unknown(type);
    }

    @Override
    public AbstractValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        AbstractValue inferred = parameters == null || local >= parameters.length ? null : parameters[local];
        return inferred == null ? newValue(type) : inferred.withType(type);
    }

    @Override
    public AbstractValue newOperation(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        switch (opcode) {
        case Opcodes.ACONST_NULL:
            return AbstractValue.unknown(OBJECT);
        case Opcodes.ICONST_M1:
        case Opcodes.ICONST_0:
        case Opcodes.ICONST_1:
        case Opcodes.ICONST_2:
        case Opcodes.ICONST_3:
        case Opcodes.ICONST_4:
        case Opcodes.ICONST_5:
            return AbstractValue.constant(Type.INT_TYPE, opcode - Opcodes.ICONST_0, Origin.CODE);
        case Opcodes.LCONST_0:
        case Opcodes.LCONST_1:
            return AbstractValue.constant(Type.LONG_TYPE, (long) (opcode - Opcodes.LCONST_0), Origin.CODE);
        case Opcodes.FCONST_0:
        case Opcodes.FCONST_1:
        case Opcodes.FCONST_2:
            return AbstractValue.unknown(Type.FLOAT_TYPE);
        case Opcodes.DCONST_0:
        case Opcodes.DCONST_1:
            return AbstractValue.unknown(Type.DOUBLE_TYPE);
        case Opcodes.BIPUSH:
        case Opcodes.SIPUSH:
            return AbstractValue.constant(Type.INT_TYPE, ((IntInsnNode) insn).operand, Origin.CODE);
        case Opcodes.LDC:
            return ldc(((LdcInsnNode) insn).cst);
        case Opcodes.JSR:
            return AbstractValue.unknown(OBJECT);
        case Opcodes.GETSTATIC:
            FieldInsnNode field = (FieldInsnNode) insn;
            AbstractValue bool = booleanConstant(field);
            if (bool != null) {
                return bool;
            }
            AbstractValue constant = analysis.staticFinal(field.owner, field.name, field.desc);
            return constant != null ? constant : AbstractValue.unknown(Type.getType(field.desc));
        case Opcodes.NEW:
            return track(Type.getObjectType(((TypeInsnNode) insn).desc), ObjectState.fresh());
        default:
            throw new IllegalArgumentException("opcode " + opcode);
        }
    }

    /**
     * {@code Boolean.TRUE} and {@code Boolean.FALSE}, as {@code Boolean.valueOf} of a constant folds: setters that
     * take an {@code Object} ({@code XMLInputFactory.setProperty(SUPPORT_DTD, Boolean.FALSE)}) are written both ways.
     */
    private static AbstractValue booleanConstant(FieldInsnNode field) {
        if (!"java/lang/Boolean".equals(field.owner) || !"Ljava/lang/Boolean;".equals(field.desc)) {
            return null;
        }
        int value = "TRUE".equals(field.name) ? 1 : "FALSE".equals(field.name) ? 0 : -1;
        return value < 0 ? null : AbstractValue.constant(Type.getType(field.desc), value, Origin.CODE);
    }

    private static AbstractValue ldc(Object cst) {
        if (cst instanceof Integer) {
            return AbstractValue.constant(Type.INT_TYPE, cst, Origin.CODE);
        }
        if (cst instanceof Long) {
            return AbstractValue.constant(Type.LONG_TYPE, cst, Origin.CODE);
        }
        if (cst instanceof Float) {
            return AbstractValue.unknown(Type.FLOAT_TYPE);
        }
        if (cst instanceof Double) {
            return AbstractValue.unknown(Type.DOUBLE_TYPE);
        }
        if (cst instanceof String) {
            return AbstractValue.constant(Folding.STRING, cst, Origin.CODE);
        }
        if (cst instanceof Type) {
            Type type = (Type) cst;
            return type.getSort() == Type.METHOD ? AbstractValue.unknown(Type.getObjectType("java/lang/invoke/MethodType"))
                    : AbstractValue.constant(Type.getObjectType("java/lang/Class"), type, Origin.CODE);
        }
        if (cst instanceof Handle) {
            return AbstractValue.unknown(Type.getObjectType("java/lang/invoke/MethodHandle"));
        }
        return AbstractValue.unknown(Type.getType(((ConstantDynamic) cst).getDescriptor()));
    }

    // ---- one operand ----

    @Override
    public AbstractValue copyOperation(AbstractInsnNode insn, AbstractValue value) {
        return value;
    }

    @Override
    public AbstractValue unaryOperation(AbstractInsnNode insn, AbstractValue value) {
        int opcode = insn.getOpcode();
        switch (opcode) {
        case Opcodes.INEG:
        case Opcodes.I2B:
        case Opcodes.I2C:
        case Opcodes.I2S:
        case Opcodes.L2I:
            return folded(Type.INT_TYPE, Folding.arithmetic(opcode, value.constant(), null), value);
        case Opcodes.LNEG:
        case Opcodes.I2L:
            return folded(Type.LONG_TYPE, Folding.arithmetic(opcode, value.constant(), null), value);
        case Opcodes.IINC:
            Integer before = value.constantInt();
            return folded(Type.INT_TYPE, before == null ? null : before + ((IincInsnNode) insn).incr, value);
        case Opcodes.FNEG:
        case Opcodes.I2F:
        case Opcodes.L2F:
        case Opcodes.D2F:
            return AbstractValue.unknown(Type.FLOAT_TYPE);
        case Opcodes.DNEG:
        case Opcodes.I2D:
        case Opcodes.L2D:
        case Opcodes.F2D:
            return AbstractValue.unknown(Type.DOUBLE_TYPE);
        case Opcodes.F2I:
        case Opcodes.D2I:
        case Opcodes.INSTANCEOF:
            return AbstractValue.unknown(Type.INT_TYPE);
        case Opcodes.F2L:
        case Opcodes.D2L:
            return AbstractValue.unknown(Type.LONG_TYPE);
        case Opcodes.GETFIELD:
            return AbstractValue.unknown(Type.getType(((FieldInsnNode) insn).desc));
        case Opcodes.NEWARRAY:
            return newArray(primitiveArray(((IntInsnNode) insn).operand), value);
        case Opcodes.ANEWARRAY:
            return newArray(Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()), value);
        case Opcodes.ARRAYLENGTH:
            ObjectState array = current.state(value);
            return array == null || array.elements() == null ? AbstractValue.unknown(Type.INT_TYPE)
                    : AbstractValue.constant(Type.INT_TYPE, array.elements().size(), Origin.CODE);
        case Opcodes.CHECKCAST:
            return value.withType(Type.getObjectType(((TypeInsnNode) insn).desc));
        case Opcodes.PUTSTATIC:
            escape(value);
            return null;
        default:
            // Branches, switches, returns, athrow, monitors: no value.
            return null;
        }
    }

    private static Type primitiveArray(int typeCode) {
        switch (typeCode) {
        case Opcodes.T_BOOLEAN: return Type.getType("[Z");
        case Opcodes.T_CHAR: return Type.getType("[C");
        case Opcodes.T_BYTE: return Type.getType("[B");
        case Opcodes.T_SHORT: return Type.getType("[S");
        case Opcodes.T_INT: return Type.getType("[I");
        case Opcodes.T_FLOAT: return Type.getType("[F");
        case Opcodes.T_DOUBLE: return Type.getType("[D");
        default: return Type.getType("[J");
        }
    }

    /** A new array; with a small constant length its elements are followed, starting from their defaults. */
    private AbstractValue newArray(Type type, AbstractValue length) {
        Integer size = length.constantInt();
        List<AbstractValue> elements = null;
        if (size != null && size >= 0 && size <= MAX_ARRAY) {
            elements = Collections.nCopies(size, defaultValue(type.getElementType(), type.getDimensions()));
        }
        return track(type, ObjectState.fresh().withElements(elements));
    }

    private static AbstractValue defaultValue(Type element, int dimensions) {
        if (dimensions > 1) {
            return AbstractValue.unknown(OBJECT);
        }
        switch (element.getSort()) {
        case Type.BOOLEAN:
        case Type.CHAR:
        case Type.BYTE:
        case Type.SHORT:
        case Type.INT:
            return AbstractValue.constant(element, 0, Origin.CODE);
        case Type.LONG:
            return AbstractValue.constant(element, 0L, Origin.CODE);
        default:
            // Floating point zeros are not followed; an object element starts as null, which is no constant either.
            return AbstractValue.unknown(element);
        }
    }

    // ---- two and three operands ----

    @Override
    public AbstractValue binaryOperation(AbstractInsnNode insn, AbstractValue a, AbstractValue b) {
        int opcode = insn.getOpcode();
        if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD) {
            return arrayElement(opcode, a, b);
        }
        if (opcode >= Opcodes.IADD && opcode <= Opcodes.DREM) {
            switch ((opcode - Opcodes.IADD) % 4) {
            case 0: return folded(Type.INT_TYPE, Folding.arithmetic(opcode, a.constant(), b.constant()), a, b);
            case 1: return folded(Type.LONG_TYPE, Folding.arithmetic(opcode, a.constant(), b.constant()), a, b);
            case 2: return AbstractValue.unknown(Type.FLOAT_TYPE);
            default: return AbstractValue.unknown(Type.DOUBLE_TYPE);
            }
        }
        if (opcode >= Opcodes.ISHL && opcode <= Opcodes.LXOR) {
            Type type = (opcode - Opcodes.ISHL) % 2 == 0 ? Type.INT_TYPE : Type.LONG_TYPE;
            return folded(type, Folding.arithmetic(opcode, a.constant(), b.constant()), a, b);
        }
        if (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG) {
            return AbstractValue.unknown(Type.INT_TYPE);
        }
        if (opcode == Opcodes.PUTFIELD) {
            escape(b);
        }
        // Conditional branches and PUTFIELD: no value.
        return null;
    }

    private AbstractValue arrayElement(int opcode, AbstractValue array, AbstractValue index) {
        ObjectState state = current.state(array);
        Integer i = index.constantInt();
        if (state != null && state.elements() != null && i != null && i >= 0 && i < state.elements().size()) {
            return state.elements().get(i);
        }
        if (array.type() != null && array.type().getSort() == Type.ARRAY) {
            return AbstractValue.unknown(Type.getType(array.type().getDescriptor().substring(1)));
        }
        switch (opcode) {
        case Opcodes.LALOAD: return AbstractValue.unknown(Type.LONG_TYPE);
        case Opcodes.FALOAD: return AbstractValue.unknown(Type.FLOAT_TYPE);
        case Opcodes.DALOAD: return AbstractValue.unknown(Type.DOUBLE_TYPE);
        case Opcodes.AALOAD: return AbstractValue.unknown(OBJECT);
        default: return AbstractValue.unknown(Type.INT_TYPE);
        }
    }

    @Override
    public AbstractValue ternaryOperation(AbstractInsnNode insn, AbstractValue array, AbstractValue index,
                                          AbstractValue value) {
        if (value.objectId() != array.objectId()) {
            escape(value);
        }
        ObjectState state = current.state(array);
        if (state != null && state.elements() != null) {
            Integer i = index.constantInt();
            List<AbstractValue> elements = null;
            if (i != null && i >= 0 && i < state.elements().size()) {
                elements = new ArrayList<>(state.elements());
                elements.set(i, value.detached());
            }
            current.define(array.objectId(), state.withElements(elements));
        }
        return null;
    }

    // ---- calls ----

    @Override
    public AbstractValue naryOperation(AbstractInsnNode insn, List<? extends AbstractValue> values) {
        if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
            return AbstractValue.unknown(Type.getType(((MultiANewArrayInsnNode) insn).desc));
        }
        if (insn.getOpcode() == Opcodes.INVOKEDYNAMIC) {
            return invokeDynamic((InvokeDynamicInsnNode) insn, values);
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
        AbstractValue receiver = hasReceiver ? values.get(0) : null;
        List<AbstractValue> arguments = List.copyOf(values.subList(hasReceiver ? 1 : 0, values.size()));
        ObjectState receiverState = current.state(receiver);
        AbstractValue result = evaluate(call, receiver, receiverState, arguments);
        if (receiverState != null) {
            current.define(receiver.objectId(), afterCall(call, receiverState, arguments));
        }
        if (!NON_CAPTURING.contains(call.owner)) {
            for (AbstractValue argument : arguments) {
                escape(argument);
            }
        }
        return result;
    }

    private AbstractValue invokeDynamic(InvokeDynamicInsnNode insn, List<? extends AbstractValue> values) {
        Type type = Type.getReturnType(insn.desc);
        if (!"java/lang/invoke/StringConcatFactory".equals(insn.bsm.getOwner())) {
            // A lambda or another bootstrap: captured objects may be used at any later time.
            for (AbstractValue value : values) {
                escape(value);
            }
            return AbstractValue.unknown(type);
        }
        String recipe;
        Object[] constants;
        if ("makeConcatWithConstants".equals(insn.name) && insn.bsmArgs.length > 0 && insn.bsmArgs[0] instanceof String) {
            recipe = (String) insn.bsmArgs[0];
            constants = Arrays.copyOfRange(insn.bsmArgs, 1, insn.bsmArgs.length);
        } else if ("makeConcat".equals(insn.name)) {
            recipe = "\u0001".repeat(values.size());
            constants = new Object[0];
        } else {
            return AbstractValue.unknown(type);
        }
        String folded = Folding.concat(recipe, constants, Type.getArgumentTypes(insn.desc), List.copyOf(values));
        return folded(type, folded, List.copyOf(values));
    }

    /** The value a call returns; may define the state of a new tracked object. */
    private AbstractValue evaluate(MethodInsnNode call, AbstractValue receiver, ObjectState receiverState,
                                   List<AbstractValue> arguments) {
        Type type = Type.getReturnType(call.desc);
        if (type.getSort() == Type.VOID) {
            return null;
        }
        AbstractValue known = known(call, receiver, receiverState, arguments, type);
        if (known != null) {
            return known;
        }
        if (budget > 0) {
            Summary summary = analysis.summary(call, budget - 1);
            if (summary != null && summary.state() != null) {
                return track(summary.value().type() == null ? type : summary.value().type(), summary.state());
            }
            if (summary != null && summary.value().isConstant()) {
                return AbstractValue.constant(type, summary.value().constant(), summary.value().origin());
            }
        }
        if (!trackable(type)) {
            return AbstractValue.unknown(type);
        }
        AbstractValue creator = receiverState == null ? null : receiver.detached().withState(receiverState.detached());
        AbstractValue constantReceiver = receiverState == null && receiver != null && receiver.isConstant() ? receiver : null;
        return track(type, ObjectState.fresh().withCreation(
                new Invocation(call.owner, call.name, call.desc, arguments, creator, constantReceiver)));
    }

    /** The library methods whose result the analysis computes itself; null for all others. */
    private AbstractValue known(MethodInsnNode call, AbstractValue receiver, ObjectState receiverState,
                                List<AbstractValue> arguments, Type type) {
        String owner = call.owner;
        String signature = call.name + call.desc;
        if ("java/lang/String".equals(owner) && receiver != null) {
            String value = receiver.constantString();
            if ("formatted([Ljava/lang/Object;)Ljava/lang/String;".equals(signature)) {
                return value == null ? null : format(type, receiver, arguments.get(0));
            }
            String folded = value == null ? null : Folding.stringMethod(call.name, call.desc, value, arguments);
            return folded == null ? null : folded(type, folded, receiver, arguments);
        }
        if ("java/lang/String".equals(owner) && "format".equals(call.name)) {
            int formatArgument = arguments.size() - 2;
            return formatArgument < 0 ? null : format(type, arguments.get(formatArgument), arguments.get(formatArgument + 1));
        }
        Object converted = Folding.conversion(owner, call.name, call.desc, receiver == null ? arguments
                : arguments.isEmpty() ? List.of(receiver) : List.of());
        if (converted != null) {
            return folded(type, converted, receiver == null ? arguments.get(0) : receiver);
        }
        if (BUILDERS.contains(owner) && receiverState != null) {
            if ("append".equals(call.name) && type.getInternalName().equals(owner)) {
                return receiver;
            }
            if ("toString()Ljava/lang/String;".equals(signature) && receiverState.content() != null) {
                return receiverState.content();
            }
            return null;
        }
        if (PROPERTIES.equals(owner) && "getProperty".equals(call.name)) {
            return property(receiverState, arguments);
        }
        switch (owner + '.' + signature) {
        case "java/lang/System.getProperty(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;":
        case "java/lang/Integer.getInteger(Ljava/lang/String;I)Ljava/lang/Integer;":
        case "java/lang/Long.getLong(Ljava/lang/String;J)Ljava/lang/Long;":
            AbstractValue fallback = arguments.get(1);
            return fallback.isConstant() ? AbstractValue.constant(type, fallback.constant(), Origin.DEFAULT) : null;
        case "java/lang/Class.getResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream;":
            return resource(classResource(receiver, arguments.get(0).constantString()));
        case "java/lang/ClassLoader.getResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream;":
        case "java/lang/ClassLoader.getSystemResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream;":
            return resource(arguments.get(0).constantString());
        case "java/util/Objects.requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;":
        case "java/util/Objects.requireNonNull(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;":
        case "java/util/Objects.requireNonNull(Ljava/lang/Object;Ljava/util/function/Supplier;)Ljava/lang/Object;":
            return arguments.get(0);
        default:
            return null;
        }
    }

    /** {@code String.format} (or {@code formatted}) of a constant format over an array of constants. */
    private AbstractValue format(Type type, AbstractValue format, AbstractValue array) {
        ObjectState elements = current.state(array);
        if (format.constantString() == null || elements == null || elements.elements() == null) {
            return null;
        }
        String formatted = Folding.format(format.constantString(), elements.elements());
        List<AbstractValue> inputs = new ArrayList<>(elements.elements());
        inputs.add(format);
        return formatted == null ? null : folded(type, formatted, inputs);
    }

    /**
     * {@code Properties.getProperty(key[, default])}: the value of the key in the resources loaded into the
     * object (they must agree), the default where a resource lacks the key or cannot be read, and the default
     * as a {@link Origin#DEFAULT "may be"} when the object may hold properties from elsewhere.
     */
    private AbstractValue property(ObjectState properties, List<AbstractValue> arguments) {
        String key = arguments.get(0).constantString();
        AbstractValue fallback = arguments.size() > 1 ? arguments.get(1) : null;
        String fallbackString = fallback == null ? null : fallback.constantString();
        if (key == null) {
            return null;
        }
        if (properties == null || properties.unknownLoad()) {
            return fallbackString == null ? null : AbstractValue.constant(Folding.STRING, fallbackString, Origin.DEFAULT);
        }
        if (properties.loaded().isEmpty()) {
            return fallbackString == null ? null : fallback.withType(Folding.STRING);
        }
        String value = null;
        Origin origin = Origin.RESOURCE.weakest(arguments.get(0).origin());
        for (String resource : properties.loaded()) {
            Properties loaded = analysis.properties(resource);
            String candidate = loaded != null && loaded.containsKey(key) ? loaded.getProperty(key) : fallbackString;
            if (candidate == null || value != null && !value.equals(candidate)) {
                return null;
            }
            if (loaded == null || !loaded.containsKey(key)) {
                origin = origin.weakest(fallback.origin());
            }
            value = candidate;
        }
        return AbstractValue.constant(Folding.STRING, value, origin);
    }

    /**
     * The absolute name {@code Class.getResourceAsStream} reads: a leading slash is absolute; a relative name is
     * resolved against the package of a class literal, and not resolved otherwise ({@code getClass()} may be a
     * subclass in another package).
     */
    private static String classResource(AbstractValue cls, String name) {
        if (name == null) {
            return null;
        }
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        if (!(cls.constant() instanceof Type) || ((Type) cls.constant()).getSort() != Type.OBJECT) {
            return null;
        }
        String internalName = ((Type) cls.constant()).getInternalName();
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? name : internalName.substring(0, slash + 1) + name;
    }

    private static AbstractValue resource(String name) {
        return name == null ? null : AbstractValue.stream(INPUT_STREAM, name);
    }

    /** The classpath resource a stream or reader reads, through the wrappers that keep it. */
    private String resourceOf(AbstractValue stream) {
        if (stream.resource() != null) {
            return stream.resource();
        }
        ObjectState state = current.state(stream);
        if (state != null && state.creation() != null && STREAM_WRAPPERS.contains(state.creation().owner())
                && state.loaded().size() == 1) {
            return state.loaded().get(0);
        }
        return null;
    }

    /** The receiver's state after the call: its creation, a new fact, new builder contents or properties. */
    private ObjectState afterCall(MethodInsnNode call, ObjectState state, List<AbstractValue> arguments) {
        boolean constructor = "<init>".equals(call.name);
        if (BUILDERS.contains(call.owner)) {
            return constructor ? state.withCreation(new Invocation(call.owner, call.name, call.desc, arguments, null))
                    .withContent(initialContent(call.desc, arguments))
                    : state.withContent(builderContent(call, state.content(), arguments));
        }
        ObjectState next = constructor
                ? state.withCreation(new Invocation(call.owner, call.name, call.desc, arguments, null))
                : state.withFact(new Invocation(call.owner, call.name, call.desc, arguments, null));
        if (constructor && STREAM_WRAPPERS.contains(call.owner) && !arguments.isEmpty()
                && resourceOf(arguments.get(0)) != null) {
            return next.withLoaded(resourceOf(arguments.get(0)));
        }
        if (PROPERTIES.equals(call.owner)) {
            String resource = "load".equals(call.name) ? resourceOf(arguments.get(0)) : null;
            if (resource != null) {
                return next.withLoaded(resource);
            }
            boolean empty = constructor && arguments.isEmpty();
            return empty || PROPERTIES_READS.contains(call.name) ? next : next.withUnknownLoad();
        }
        return next;
    }

    private static AbstractValue initialContent(String desc, List<AbstractValue> arguments) {
        if (arguments.isEmpty() || "(I)V".equals(desc)) {
            return AbstractValue.constant(Folding.STRING, "", Origin.CODE);
        }
        AbstractValue initial = arguments.get(0);
        return initial.constantString() != null ? initial.withType(Folding.STRING).detached()
                : AbstractValue.unknown(Folding.STRING);
    }

    private static AbstractValue builderContent(MethodInsnNode call, AbstractValue content, List<AbstractValue> arguments) {
        if (BUILDER_READS.contains(call.name)) {
            return content;
        }
        if (!"append".equals(call.name) || arguments.size() != 1 || content == null || !content.isConstant()) {
            return AbstractValue.unknown(Folding.STRING);
        }
        String appended = Folding.render(Type.getArgumentTypes(call.desc)[0].getSort() == Type.OBJECT
                ? arguments.get(0).type() : Type.getArgumentTypes(call.desc)[0], arguments.get(0));
        if (appended == null || arguments.get(0).constant() instanceof Type) {
            return AbstractValue.unknown(Folding.STRING);
        }
        String folded = Folding.bounded(content.constantString() + appended);
        return folded == null ? AbstractValue.unknown(Folding.STRING)
                : AbstractValue.constant(Folding.STRING, folded, content.origin().weakest(arguments.get(0).origin()));
    }

    // ---- joins ----

    @Override
    public AbstractValue merge(AbstractValue a, AbstractValue b) {
        return mergeValues(a, b);
    }

    /** The value as both paths know it: equal parts are kept, the rest becomes unknown. */
    static AbstractValue mergeValues(AbstractValue a, AbstractValue b) {
        if (a.equals(b)) {
            return a;
        }
        Type type = mergeTypes(a.type(), b.type());
        if (type == null) {
            return AbstractValue.UNINITIALIZED;
        }
        AbstractValue merged;
        if (a.isConstant() && a.constant().equals(b.constant())) {
            merged = AbstractValue.constant(type, a.constant(), a.origin().weakest(b.origin()));
        } else if (a.objectId() >= 0 && a.objectId() == b.objectId()) {
            merged = AbstractValue.object(type, a.objectId());
        } else if (a.resource() != null && a.resource().equals(b.resource())) {
            merged = AbstractValue.stream(type, a.resource());
        } else {
            merged = AbstractValue.unknown(type);
        }
        return merged.equals(a) ? a : merged;
    }

    private static Type mergeTypes(Type a, Type b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return a;
        }
        boolean aReference = a.getSort() >= Type.ARRAY;
        boolean bReference = b.getSort() >= Type.ARRAY;
        if (aReference && bReference) {
            return OBJECT;
        }
        boolean aInt = a.getSort() >= Type.BOOLEAN && a.getSort() <= Type.INT;
        boolean bInt = b.getSort() >= Type.BOOLEAN && b.getSort() <= Type.INT;
        return aInt && bInt ? Type.INT_TYPE : null;
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, AbstractValue value, AbstractValue expected) {
        // Summaries read returned values from the frames after the analysis.
    }

    // ---- helpers ----

    private AbstractValue track(Type type, ObjectState state) {
        if (current.objectCount() >= MAX_OBJECTS) {
            return AbstractValue.unknown(type);
        }
        current.define(index, state);
        return AbstractValue.object(type, index);
    }

    private static boolean trackable(Type type) {
        return type.getSort() == Type.ARRAY || type.getSort() == Type.OBJECT && !VALUE_TYPES.contains(type.getInternalName());
    }

    private void escape(AbstractValue value) {
        current.update(value, ObjectState::escape);
    }

    /** A folded constant (or unknown when {@code constant} is null) with the weakest origin of its inputs. */
    private static AbstractValue folded(Type type, Object constant, Object... inputs) {
        if (constant == null) {
            return AbstractValue.unknown(type);
        }
        Origin origin = Origin.CODE;
        for (Object input : inputs) {
            if (input instanceof AbstractValue && ((AbstractValue) input).origin() != null) {
                origin = origin.weakest(((AbstractValue) input).origin());
            } else if (input instanceof List) {
                for (Object element : (List<?>) input) {
                    AbstractValue value = (AbstractValue) element;
                    origin = value.origin() == null ? origin : origin.weakest(value.origin());
                }
            }
        }
        return AbstractValue.constant(type, constant, origin);
    }
}
