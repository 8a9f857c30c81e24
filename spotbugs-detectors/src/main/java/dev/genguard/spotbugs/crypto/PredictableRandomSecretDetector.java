package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.ValueTrackingDetector;
import edu.umd.cs.findbugs.BugAccumulator;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.OpcodeStack;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.ba.XField;
import edu.umd.cs.findbugs.visitclass.PreorderVisitor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.LocalVariable;
import org.apache.bcel.classfile.LocalVariableTable;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ACONST_NULL;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.FieldInstruction;
import org.apache.bcel.generic.INVOKESPECIAL;
import org.apache.bcel.generic.INVOKESTATIC;
import org.apache.bcel.generic.Instruction;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.PUTFIELD;
import org.apache.bcel.generic.PUTSTATIC;

/**
 * Output of {@code java.util.Random}, {@code ThreadLocalRandom} or {@code Math.random()} that ends up in a
 * secret: stored to a field or local variable, returned from a method, appended to a builder or passed to a
 * setter whose name says token, password, salt, nonce, OTP, session id, key or reset code ({@link SecretNames}).
 * The value is followed within the method through locals, arithmetic, conversions, array indexing, string
 * building and calls that take it. Random used for anything else (jitter, shuffling, sampling, games) is
 * silent, and so is a receiver that may be a {@code SecureRandom} (a parameter, or a field initialized with one).
 */
@OpcodeStack.CustomUserValue
public class PredictableRandomSecretDetector extends ValueTrackingDetector {

    static final String TYPE = "GENGUARD_PREDICTABLE_RANDOM_SECRET";

    private static final String RANDOM = "java/util/Random";
    private static final String THREAD_LOCAL_RANDOM = "java/util/concurrent/ThreadLocalRandom";
    private static final Set<String> RANDOM_RECEIVERS = Set.of("L" + RANDOM + ";", "L" + THREAD_LOCAL_RANDOM + ";");
    private static final Set<String> RANDOM_METHODS = Set.of(
            "nextInt()I", "nextInt(I)I", "nextInt(II)I", "nextLong()J", "nextLong(J)J", "nextLong(JJ)J",
            "nextDouble()D", "nextFloat()F", "nextGaussian()D", "nextBytes([B)V",
            "ints()Ljava/util/stream/IntStream;", "ints(J)Ljava/util/stream/IntStream;",
            "ints(II)Ljava/util/stream/IntStream;", "ints(JII)Ljava/util/stream/IntStream;",
            "longs()Ljava/util/stream/LongStream;", "longs(J)Ljava/util/stream/LongStream;",
            "longs(JJ)Ljava/util/stream/LongStream;", "longs(JJJ)Ljava/util/stream/LongStream;");

    /** A random value, by the pc of the call that produced it. */
    private static final class RandomValue {
        final int pc;
        final String api;

        RandomValue(int pc, String api) {
            this.pc = pc;
            this.api = api;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RandomValue && ((RandomValue) o).pc == pc;
        }

        @Override
        public int hashCode() {
            return pc;
        }

        @Override
        public String toString() {
            return api;
        }
    }

    private final BugAccumulator bugAccumulator;
    /** Per method: locals that an object holding random data lives in (a builder appended to, a filled array). */
    private final Map<Integer, RandomValue> randomLocals = new HashMap<>();
    /** Per method: random calls already reported. */
    private final Set<Integer> reported = new HashSet<>();

    /** Per field, whether its class stores nothing but plain Randoms into it: one scan of the class per field and run. */
    private final Map<XField, Boolean> plainRandomFields = new HashMap<>();

    public PredictableRandomSecretDetector(BugReporter bugReporter) {
        this.bugAccumulator = new BugAccumulator(bugReporter);
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        if (!ClassReferences.referencesAny(classContext.getJavaClass(), RANDOM, THREAD_LOCAL_RANDOM, "java/lang/Math",
                "java/lang/StrictMath")) {
            return;
        }
        super.visitClassContext(classContext);
        bugAccumulator.reportAccumulatedBugs();
    }

    @Override
    public void visit(Method method) {
        randomLocals.clear();
        reported.clear();
    }

    @Override
    public void sawOpcode(int seen) {
        if (isStore(seen)) {
            RandomValue value = randomValue(stack.getStackItem(0));
            if (value == null) {
                randomLocals.remove(getRegisterOperand());
            } else {
                randomLocals.put(getRegisterOperand(), value);
                checkSink(value, localName(getRegisterOperand()));
            }
        } else if (seen == Const.PUTFIELD || seen == Const.PUTSTATIC) {
            checkSink(randomValue(stack.getStackItem(0)), getNameConstantOperand());
        } else if (seen == Const.ARETURN || seen == Const.IRETURN || seen == Const.LRETURN || seen == Const.DRETURN) {
            checkSink(randomValue(stack.getStackItem(0)), getMethodName());
        } else if (seen == Const.AASTORE || seen == Const.IASTORE || seen == Const.CASTORE || seen == Const.BASTORE) {
            RandomValue value = randomValue(stack.getStackItem(0));
            if (value != null) {
                taint(stack.getStackItem(2), value);
            }
        } else if (isCall(seen)) {
            sawCall(seen);
        }
    }

    private void sawCall(int seen) {
        String sig = getSigConstantOperand();
        int arguments = PreorderVisitor.getNumberArguments(sig);
        if (stack.getStackDepth() < arguments) {
            return;
        }
        if (seen == Const.INVOKEVIRTUAL && "nextBytes([B)V".equals(getNameConstantOperand() + sig)) {
            RandomValue source = randomSource(seen);
            if (source != null) {
                taint(stack.getStackItem(0), source);
            }
            return;
        }
        RandomValue argument = null;
        for (int i = 0; i < arguments && argument == null; i++) {
            argument = randomValue(stack.getStackItem(i));
        }
        if (argument == null) {
            return;
        }
        checkSink(argument, getNameConstantOperand());
        if (seen != Const.INVOKESTATIC && seen != Const.INVOKEDYNAMIC && stack.getStackDepth() > arguments) {
            taint(stack.getStackItem(arguments), argument);
        }
    }

    /** Marks an object that now holds random data (a builder, an array), and the local it lives in. */
    private void taint(OpcodeStack.Item holder, RandomValue value) {
        holder.setUserValue(value);
        int register = holder.getRegisterNumber();
        if (register >= 0) {
            randomLocals.put(register, value);
            checkSink(value, localName(register));
        }
    }

    private void checkSink(RandomValue value, String name) {
        if (value == null || !SecretNames.isSecret(name) || !reported.add(value.pc)) {
            return;
        }
        SourceLineAnnotation line = SourceLineAnnotation.fromVisitedInstruction(getClassContext(), this, value.pc);
        bugAccumulator.accumulateBug(new BugInstance(this, TYPE, Priorities.HIGH_PRIORITY)
                .addClassAndMethod(this)
                .addString(value.api)
                .addString(name), line);
    }

    @Override
    protected Object resultUserValue(int seen) {
        if (isLoad(seen)) {
            return randomLocals.get(getRegisterOperand());
        }
        if (isCall(seen)) {
            RandomValue source = randomSource(seen);
            if (source != null) {
                return source;
            }
            int operands = PreorderVisitor.getNumberArguments(getSigConstantOperand())
                    + (seen == Const.INVOKESTATIC || seen == Const.INVOKEDYNAMIC ? 0 : 1);
            return firstRandom(operands);
        }
        if (seen >= Const.INEG && seen <= Const.DNEG || seen >= Const.I2L && seen <= Const.I2S || seen == Const.CHECKCAST) {
            return firstRandom(1);
        }
        if (seen >= Const.IADD && seen <= Const.LXOR || seen >= Const.IALOAD && seen <= Const.SALOAD) {
            return firstRandom(2);
        }
        return null;
    }

    private RandomValue firstRandom(int operands) {
        for (int i = 0; i < operands && i < stack.getStackDepth(); i++) {
            RandomValue value = randomValue(stack.getStackItem(i));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A new random value when the current instruction is a call to a predictable generator, else null. */
    private RandomValue randomSource(int seen) {
        if (seen != Const.INVOKESTATIC && seen != Const.INVOKEVIRTUAL) {
            return null;
        }
        String owner = getClassConstantOperand();
        String method = getNameConstantOperand() + getSigConstantOperand();
        if (seen == Const.INVOKESTATIC) {
            boolean mathRandom = "random()D".equals(method)
                    && ("java/lang/Math".equals(owner) || "java/lang/StrictMath".equals(owner));
            return mathRandom ? new RandomValue(getPC(), owner.replace('/', '.') + ".random()") : null;
        }
        if (seen != Const.INVOKEVIRTUAL || !RANDOM_METHODS.contains(method)
                || !RANDOM.equals(owner) && !THREAD_LOCAL_RANDOM.equals(owner)) {
            return null;
        }
        int receiverOffset = PreorderVisitor.getNumberArguments(getSigConstantOperand());
        if (stack.getStackDepth() <= receiverOffset || !isPredictable(stack.getStackItem(receiverOffset))) {
            return null;
        }
        return new RandomValue(getPC(), owner.replace('/', '.') + "." + getNameConstantOperand() + "()");
    }

    /** Whether a receiver is certainly not a SecureRandom. */
    private boolean isPredictable(OpcodeStack.Item receiver) {
        if (!RANDOM_RECEIVERS.contains(receiver.getSignature()) || receiver.isInitialParameter()) {
            return false;
        }
        XField field = receiver.getXField();
        if (field == null) {
            return true;
        }
        OpcodeStack.Item stored = AnalysisContext.currentAnalysisContext().getFieldSummary().getSummary(field);
        // The field summary holds the type of what was stored; unknown means the field may hold a SecureRandom.
        return stored != null && RANDOM_RECEIVERS.contains(stored.getSignature()) && plainRandomFields.computeIfAbsent(field, PredictableRandomSecretDetector::onlyPlainRandomStored);
    }

    /**
     * Whether every non-null value the field's class stores into it is a plain {@code java.util.Random} (a {@code new
     * Random(...)} or {@code ThreadLocalRandom.current()}). SpotBugs' field summary types a field that is first
     * {@code null} and later a lazily created {@code new SecureRandom()}, or that holds a reflectively created
     * instance cast to {@code Random}, as {@code Random} (Tomcat's digest salts and CSRF nonces): without positive
     * evidence of a plain Random the field may hold a SecureRandom.
     */
    private static boolean onlyPlainRandomStored(XField field) {
        JavaClass owner;
        try {
            owner = AnalysisContext.currentAnalysisContext().lookupClass(field.getClassName());
        } catch (ClassNotFoundException e) {
            return false;
        }
        ConstantPoolGen pool = new ConstantPoolGen(owner.getConstantPool());
        boolean stores = false;
        for (Method method : owner.getMethods()) {
            if (method.getCode() == null) {
                continue;
            }
            Instruction previous = null;
            for (InstructionHandle handle : new InstructionList(method.getCode().getCode()).getInstructionHandles()) {
                Instruction instruction = handle.getInstruction();
                if ((instruction instanceof PUTFIELD || instruction instanceof PUTSTATIC)
                        && field.getName().equals(((FieldInstruction) instruction).getFieldName(pool))
                        && field.getClassName().equals(((FieldInstruction) instruction).getReferenceType(pool).toString())
                        && !(previous instanceof ACONST_NULL)) {
                    if (!isPlainRandom(previous, pool)) {
                        return false;
                    }
                    stores = true;
                }
                previous = instruction;
            }
        }
        return stores;
    }

    private static boolean isPlainRandom(Instruction instruction, ConstantPoolGen pool) {
        if (instruction instanceof INVOKESPECIAL constructor) {
            return "<init>".equals(constructor.getMethodName(pool))
                    && "java.util.Random".equals(constructor.getReferenceType(pool).toString());
        }
        return instruction instanceof INVOKESTATIC call && "current".equals(call.getMethodName(pool))
                && "java.util.concurrent.ThreadLocalRandom".equals(call.getReferenceType(pool).toString());
    }

    private static RandomValue randomValue(OpcodeStack.Item item) {
        Object value = item.getUserValue();
        return value instanceof RandomValue ? (RandomValue) value : null;
    }

    private String localName(int register) {
        LocalVariableTable table = getMethod().getLocalVariableTable();
        if (table == null) {
            return null;
        }
        LocalVariable variable = table.getLocalVariable(register, getNextPC());
        if (variable == null) {
            variable = table.getLocalVariable(register, getPC());
        }
        return variable == null ? null : variable.getName();
    }

    private static boolean isCall(int seen) {
        return seen == Const.INVOKEVIRTUAL || seen == Const.INVOKESTATIC || seen == Const.INVOKESPECIAL
                || seen == Const.INVOKEINTERFACE || seen == Const.INVOKEDYNAMIC;
    }

    private static boolean isStore(int seen) {
        return seen >= Const.ISTORE && seen <= Const.ASTORE_3;
    }

    private static boolean isLoad(int seen) {
        return seen >= Const.ILOAD && seen <= Const.ALOAD_3;
    }
}
