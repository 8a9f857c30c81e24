package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.ClassReferences;
import dev.genguard.spotbugs.dataflow.ConstantArrayFields;
import dev.genguard.spotbugs.dataflow.ValueTrackingDetector;
import edu.umd.cs.findbugs.BugAccumulator;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.OpcodeStack;
import edu.umd.cs.findbugs.Priorities;
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
import org.apache.bcel.classfile.Method;

/**
 * An {@code IvParameterSpec} or {@code GCMParameterSpec} built from constant bytes: an array initializer of
 * constants, a fresh all-zero array, a string literal's bytes, or a static final array field that the class
 * initializer fills with constants. An array that is passed to any method (e.g. {@code SecureRandom.nextBytes},
 * {@code System.arraycopy}, {@code InputStream.read}), stored to a field or written with a non-constant before
 * the spec is built counts as unknown.
 */
@OpcodeStack.CustomUserValue
public class StaticIvDetector extends ValueTrackingDetector {

    static final String TYPE = "GENGUARD_STATIC_IV";

    private static final String IV_SPEC = "javax/crypto/spec/IvParameterSpec";
    private static final String GCM_SPEC = "javax/crypto/spec/GCMParameterSpec";
    /** Constructor descriptor to the stack offset of its IV argument. */
    private static final Map<String, Integer> IV_ARGUMENT = Map.of(
            IV_SPEC + "([B)V", 0,
            IV_SPEC + "([BII)V", 2,
            GCM_SPEC + "(I[B)V", 0,
            GCM_SPEC + "(I[BII)V", 2);

    /** Where constant bytes come from; {@code id} is the allocating pc, or -1 for a static field. */
    private static final class ConstantBytes {
        final int id;
        final String origin;

        ConstantBytes(int id, String origin) {
            this.id = id;
            this.origin = origin;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConstantBytes && ((ConstantBytes) o).id == id && ((ConstantBytes) o).origin.equals(origin);
        }

        @Override
        public int hashCode() {
            return id * 31 + origin.hashCode();
        }

        @Override
        public String toString() {
            return origin;
        }
    }

    private final BugAccumulator bugAccumulator;
    /** Per analysis run: class name to its constant static byte[] fields. */
    private final Map<String, Set<String>> constantFields = new HashMap<>();
    /** Per method: arrays (by allocating pc) that may no longer hold constants. */
    private final Set<Integer> escaped = new HashSet<>();
    /** Per method: constant bytes stored into arrays allocated here, to show the value. */
    private final Map<Integer, StringBuilder> contents = new HashMap<>();

    public StaticIvDetector(BugReporter bugReporter) {
        this.bugAccumulator = new BugAccumulator(bugReporter);
    }

    @Override
    public void visitClassContext(ClassContext classContext) {
        if (!ClassReferences.referencesAny(classContext.getJavaClass(), IV_SPEC, GCM_SPEC)) {
            return;
        }
        super.visitClassContext(classContext);
        bugAccumulator.reportAccumulatedBugs();
    }

    @Override
    public void visit(Method method) {
        escaped.clear();
        contents.clear();
    }

    @Override
    public void sawOpcode(int seen) {
        switch (seen) {
        case Const.BASTORE:
            sawArrayStore();
            break;
        case Const.INVOKESPECIAL:
        case Const.INVOKEVIRTUAL:
        case Const.INVOKESTATIC:
        case Const.INVOKEINTERFACE:
        case Const.INVOKEDYNAMIC:
            sawCall(seen);
            break;
        case Const.PUTFIELD:
        case Const.PUTSTATIC:
        case Const.AASTORE:
            escape(stack.getStackItem(0));
            break;
        default:
            break;
        }
    }

    private void sawArrayStore() {
        OpcodeStack.Item value = stack.getStackItem(0);
        ConstantBytes array = constantBytes(stack.getStackItem(2));
        if (array == null || array.id < 0) {
            return;
        }
        if (value.getConstant() == null || stack.getStackItem(1).getConstant() == null) {
            escaped.add(array.id);
        } else {
            StringBuilder shown = contents.computeIfAbsent(array.id, k -> new StringBuilder());
            if (shown.length() < 48) {
                shown.append(shown.length() == 0 ? "" : ", ").append(value.getConstant());
            } else if (shown.charAt(shown.length() - 1) != '.') {
                shown.append(", ...");
            }
        }
    }

    private void sawCall(int seen) {
        String sig = getSigConstantOperand();
        int arguments = PreorderVisitor.getNumberArguments(sig);
        Integer ivOffset = seen == Const.INVOKESPECIAL && Const.CONSTRUCTOR_NAME.equals(getNameConstantOperand())
                ? IV_ARGUMENT.get(getClassConstantOperand() + sig) : null;
        if (ivOffset != null && stack.getStackDepth() > ivOffset) {
            ConstantBytes iv = constantBytes(stack.getStackItem(ivOffset));
            if (iv != null && !escaped.contains(iv.id)) {
                report(iv);
            }
            return;
        }
        int operands = arguments + (seen == Const.INVOKESTATIC || seen == Const.INVOKEDYNAMIC ? 0 : 1);
        for (int i = 0; i < operands && i < stack.getStackDepth(); i++) {
            escape(stack.getStackItem(i));
        }
    }

    private void report(ConstantBytes iv) {
        // A static field may be refilled elsewhere; an array proven constant in this method may not.
        int priority = iv.id < 0 ? Priorities.NORMAL_PRIORITY : Priorities.HIGH_PRIORITY;
        bugAccumulator.accumulateBug(new BugInstance(this, TYPE, priority)
                .addClassAndMethod(this)
                .addString(describe(iv)), this);
    }

    private String describe(ConstantBytes iv) {
        StringBuilder shown = iv.id < 0 ? null : contents.get(iv.id);
        return shown == null ? iv.origin : "{" + shown + "}";
    }

    private void escape(OpcodeStack.Item item) {
        ConstantBytes bytes = constantBytes(item);
        if (bytes != null && bytes.id >= 0) {
            escaped.add(bytes.id);
        }
    }

    private static ConstantBytes constantBytes(OpcodeStack.Item item) {
        Object value = item.getUserValue();
        return value instanceof ConstantBytes ? (ConstantBytes) value : null;
    }

    @Override
    protected Object resultUserValue(int seen) {
        switch (seen) {
        case Const.NEWARRAY:
            if (getIntConstant() != Const.T_BYTE) {
                return null;
            }
            Object length = stack.getStackItem(0).getConstant();
            return new ConstantBytes(getPC(), "new byte[" + (length == null ? "n" : length) + "] (all zero)");
        case Const.INVOKEVIRTUAL:
        case Const.INVOKESTATIC:
            return bytesOfConstantString(seen);
        case Const.GETSTATIC:
            return constantField();
        default:
            return null;
        }
    }

    /** {@code "...".getBytes(...)} and hex/Base64 decoding of a literal. */
    private ConstantBytes bytesOfConstantString(int seen) {
        String owner = getClassConstantOperand();
        String name = getNameConstantOperand();
        String sig = getSigConstantOperand();
        if (!sig.endsWith(")[B")) {
            return null;
        }
        int arguments = PreorderVisitor.getNumberArguments(sig);
        int literalOffset;
        if ("java/lang/String".equals(owner) && "getBytes".equals(name) && seen == Const.INVOKEVIRTUAL) {
            literalOffset = arguments;
        } else if (("java/util/Base64$Decoder".equals(owner) && "decode".equals(name)
                || "java/util/HexFormat".equals(owner) && "parseHex".equals(name)) && arguments == 1) {
            literalOffset = 0;
        } else {
            return null;
        }
        if (stack.getStackDepth() <= literalOffset) {
            return null;
        }
        Object literal = stack.getStackItem(literalOffset).getConstant();
        return literal instanceof String ? new ConstantBytes(getPC(), "\"" + literal + "\"") : null;
    }

    private ConstantBytes constantField() {
        XField field = getXFieldOperand();
        if (field == null || !field.isStatic() || !field.isFinal() || !"[B".equals(field.getSignature())) {
            return null;
        }
        Set<String> fields = constantFields.computeIfAbsent(field.getClassName(), this::constantArrayFields);
        return fields.contains(field.getName())
                ? new ConstantBytes(-1, "constant field " + field.getClassName() + "." + field.getName()) : null;
    }

    private Set<String> constantArrayFields(String className) {
        try {
            JavaClass cls = AnalysisContext.currentAnalysisContext().lookupClass(className);
            return ConstantArrayFields.of(cls);
        } catch (ClassNotFoundException e) {
            AnalysisContext.reportMissingClass(e);
            return Set.of();
        }
    }
}
