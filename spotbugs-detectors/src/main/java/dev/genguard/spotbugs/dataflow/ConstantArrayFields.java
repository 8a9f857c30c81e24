package dev.genguard.spotbugs.dataflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.Field;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.ConstantPushInstruction;
import org.apache.bcel.generic.FieldInstruction;
import org.apache.bcel.generic.Instruction;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.LDC;
import org.apache.bcel.generic.NEWARRAY;

/**
 * The {@code static final byte[]} fields of a class that its static initializer fills with constants only
 * ({@code static final byte[] IV = {0, 1, ...}}, {@code new byte[16]}, {@code "...".getBytes()}).
 * A straight-line abstract interpretation of {@code <clinit>}: anything it does not model (a branch that
 * merges stacks, a method call taking the array, a non-constant store) makes the array unknown, so the answer
 * errs towards "not constant".
 */
public final class ConstantArrayFields {

    private static final Object UNKNOWN = new Object();
    private static final Object CONSTANT = new Object();

    private ConstantArrayFields() {
    }

    /** Names of the class's static final byte[] fields holding constant contents after class initialization. */
    public static Set<String> of(JavaClass cls) {
        Method clinit = null;
        for (Method m : cls.getMethods()) {
            if (Const.STATIC_INITIALIZER_NAME.equals(m.getName()) && m.getCode() != null) {
                clinit = m;
            }
        }
        if (clinit == null) {
            return Set.of();
        }
        try {
            return interpret(cls, clinit);
        } catch (RuntimeException e) {
            // Unusual bytecode (stack shapes we do not model): no field is proven constant.
            return Set.of();
        }
    }

    private static Set<String> interpret(JavaClass cls, Method clinit) {
        ConstantPoolGen cpg = new ConstantPoolGen(cls.getConstantPool());
        InstructionList code = new InstructionList(clinit.getCode().getCode());
        Deque<Object> stack = new ArrayDeque<>();
        Map<Integer, Boolean> arrayIsConstant = new HashMap<>();
        Map<String, Integer> fieldArray = new HashMap<>();
        for (InstructionHandle handle : code.getInstructionHandles()) {
            Instruction ins = handle.getInstruction();
            int id = handle.getPosition();
            if (ins instanceof ConstantPushInstruction || ins instanceof LDC) {
                push(stack, CONSTANT, ins.produceStack(cpg));
            } else if (ins instanceof NEWARRAY && ((NEWARRAY) ins).getTypecode() == Const.T_BYTE) {
                boolean knownLength = stack.pop() == CONSTANT;
                arrayIsConstant.put(id, knownLength);
                stack.push(id);
            } else if (ins.getOpcode() == Const.DUP) {
                stack.push(stack.peek());
            } else if (ins.getOpcode() == Const.BASTORE) {
                Object value = stack.pop();
                Object index = stack.pop();
                Object array = stack.pop();
                if (array instanceof Integer && (value != CONSTANT || index != CONSTANT)) {
                    arrayIsConstant.put((Integer) array, false);
                }
            } else if (isGetBytesOfConstant(ins, cpg, stack)) {
                InvokeInstruction call = (InvokeInstruction) ins;
                for (int i = 0; i <= call.getArgumentTypes(cpg).length; i++) {
                    stack.pop();
                }
                arrayIsConstant.put(id, true);
                stack.push(id);
            } else if (ins.getOpcode() == Const.PUTSTATIC && ownField((FieldInstruction) ins, cls, cpg)) {
                Object value = stack.pop();
                String name = ((FieldInstruction) ins).getFieldName(cpg);
                if (value instanceof Integer) {
                    fieldArray.put(name, (Integer) value);
                } else {
                    fieldArray.remove(name);
                }
            } else if (ins.getOpcode() == Const.GETSTATIC && ownField((FieldInstruction) ins, cls, cpg)
                    && fieldArray.containsKey(((FieldInstruction) ins).getFieldName(cpg))) {
                stack.push(fieldArray.get(((FieldInstruction) ins).getFieldName(cpg)));
            } else {
                for (int i = ins.consumeStack(cpg); i > 0; i--) {
                    Object operand = stack.pop();
                    if (operand instanceof Integer) {
                        arrayIsConstant.put((Integer) operand, false);
                    }
                }
                push(stack, UNKNOWN, ins.produceStack(cpg));
            }
        }
        Set<String> constant = new HashSet<>();
        for (Field f : cls.getFields()) {
            Integer array = fieldArray.get(f.getName());
            if (f.isStatic() && f.isFinal() && "[B".equals(f.getSignature()) && array != null
                    && arrayIsConstant.getOrDefault(array, false)) {
                constant.add(f.getName());
            }
        }
        return constant;
    }

    private static boolean isGetBytesOfConstant(Instruction ins, ConstantPoolGen cpg, Deque<Object> stack) {
        if (ins.getOpcode() != Const.INVOKEVIRTUAL) {
            return false;
        }
        InvokeInstruction call = (InvokeInstruction) ins;
        if (!"java.lang.String".equals(call.getClassName(cpg)) || !"getBytes".equals(call.getMethodName(cpg))
                || !call.getSignature(cpg).endsWith(")[B")) {
            return false;
        }
        int args = call.getArgumentTypes(cpg).length;
        return stack.size() > args && stack.stream().skip(args).findFirst().orElse(UNKNOWN) == CONSTANT;
    }

    private static boolean ownField(FieldInstruction ins, JavaClass cls, ConstantPoolGen cpg) {
        return cls.getClassName().equals(ins.getReferenceType(cpg).toString());
    }

    private static void push(Deque<Object> stack, Object value, int words) {
        if (words > 0) {
            stack.push(value);
            for (int i = 1; i < words; i++) {
                stack.push(UNKNOWN);
            }
        }
    }
}
