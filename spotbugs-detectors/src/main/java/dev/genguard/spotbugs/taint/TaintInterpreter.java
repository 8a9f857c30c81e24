package dev.genguard.spotbugs.taint;

import java.util.List;
import dev.genguard.spotbugs.dataflow.Folding;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The transfer function of the taint analysis, one instruction at a time, on the frame {@link TaintAnalysis} sets
 * before each instruction. Calls are where the knowledge is: sources, sanitizers, validators and sinks come from
 * {@link TaintRules}; strings, builders, lists, maps and arrays are modelled here; methods of the analysed code are
 * replaced by their summaries; any other call passes the taint of its receiver and arguments to its result.
 */
final class TaintInterpreter extends Interpreter<Taint> implements Opcodes {

    private static final Type STRING = Type.getType(String.class);
    private static final Type OBJECT = Type.getType(Object.class);

    private final TaintAnalysis analysis;
    private final TaintAnalysis.MethodRun run;
    /** The frame the current instruction executes on; set by the analysis before each instruction. */
    TaintFrame frame;
    /** Index of the current instruction, the id of objects it allocates. */
    int index;

    TaintInterpreter(TaintAnalysis analysis, TaintAnalysis.MethodRun run) {
        super(ASM9);
        this.analysis = analysis;
        this.run = run;
    }

    TaintAnalysis.MethodRun run() {
        return run;
    }

    @Override
    public Taint newValue(Type type) {
        if (type == Type.VOID_TYPE) {
            return null;
        }
        return type == null ? Taint.UNINITIALIZED : Taint.of(type);
    }

    @Override
    public Taint newParameterValue(boolean isInstanceMethod, int local, Type type) {
        return run.parameter(isInstanceMethod, local, type).withLocal(local);
    }

    @Override
    public Taint newReturnTypeValue(Type type) {
        return type == Type.VOID_TYPE ? null : Taint.of(type);
    }

    @Override
    public Taint newEmptyValue(int local) {
        return Taint.UNINITIALIZED;
    }

    @Override
    public Taint newExceptionValue(org.objectweb.asm.tree.TryCatchBlockNode tryCatch,
                                   org.objectweb.asm.tree.analysis.Frame<Taint> handlerFrame, Type exceptionType) {
        return Taint.of(exceptionType);
    }

    @Override
    public Taint newOperation(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case ACONST_NULL:
                return Taint.of(OBJECT);
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
                return Taint.constant(Type.INT_TYPE, insn.getOpcode() - ICONST_0);
            case LCONST_0: case LCONST_1:
                return Taint.constant(Type.LONG_TYPE, (long) (insn.getOpcode() - LCONST_0));
            case FCONST_0: case FCONST_1: case FCONST_2:
                return Taint.of(Type.FLOAT_TYPE);
            case DCONST_0: case DCONST_1:
                return Taint.of(Type.DOUBLE_TYPE);
            case BIPUSH: case SIPUSH:
                return Taint.constant(Type.INT_TYPE, ((IntInsnNode) insn).operand);
            case LDC: {
                Object cst = ((LdcInsnNode) insn).cst;
                if (cst instanceof String || cst instanceof Integer || cst instanceof Long) {
                    return Taint.constant(cst instanceof String ? STRING : cst instanceof Integer ? Type.INT_TYPE
                            : Type.LONG_TYPE, cst);
                }
                if (cst instanceof Float) {
                    return Taint.of(Type.FLOAT_TYPE);
                }
                if (cst instanceof Double) {
                    return Taint.of(Type.DOUBLE_TYPE);
                }
                if (cst instanceof org.objectweb.asm.ConstantDynamic dynamic) {
                    return Taint.of(Type.getType(dynamic.getDescriptor()));
                }
                if (cst instanceof Handle) {
                    return Taint.of(Type.getObjectType("java/lang/invoke/MethodHandle"));
                }
                if (cst instanceof Type t && t.getSort() == Type.METHOD) {
                    return Taint.of(Type.getObjectType("java/lang/invoke/MethodType"));
                }
                return Taint.of(cst instanceof Type ? Type.getType(Class.class) : OBJECT);
            }
            case GETSTATIC: {
                FieldInsnNode field = (FieldInsnNode) insn;
                Object constant = analysis.staticFinal(field.owner, field.name, field.desc);
                return constant == null ? Taint.of(Type.getType(field.desc)) : Taint.constant(Type.getType(field.desc), constant);
            }
            case NEW: {
                Type type = Type.getObjectType(((TypeInsnNode) insn).desc);
                frame.track(index, analysis.isCollection(type.getInternalName()) ? collectionContents(type.getInternalName())
                        : Contents.EMPTY_OBJECT);
                return Taint.object(type, index);
            }
            default:
                throw new IllegalStateException("opcode " + insn.getOpcode());
        }
    }

    private Contents collectionContents(String owner) {
        return analysis.isMap(owner) ? Contents.map() : Contents.list(0);
    }

    @Override
    public Taint copyOperation(AbstractInsnNode insn, Taint value) {
        if (insn instanceof VarInsnNode var && insn.getOpcode() >= ILOAD && insn.getOpcode() <= ALOAD) {
            return value.withLocal(var.var);
        }
        // Stored in another variable, a value remembers the one it came from: a check of either validates both.
        Taint stored = (value.local() >= 0 ? value.withOrigin(value.local()) : value).withLocal(-1);
        if (insn instanceof VarInsnNode var && insn.getOpcode() >= ISTORE && insn.getOpcode() <= ASTORE) {
            frame.forget(var.var);
            if (stored.origin() == var.var) {
                stored = stored.withOrigin(-1);
            }
            if (stored.guard() != null && (stored.guard().local() == var.var || stored.guard().origin() == var.var)) {
                stored = stored.withGuard(null);
            }
        }
        return stored;
    }

    @Override
    public Taint unaryOperation(AbstractInsnNode insn, Taint value) {
        int op = insn.getOpcode();
        switch (op) {
            case INEG: case LNEG: case I2L: case L2I: case I2B: case I2C: case I2S: {
                Type type = op == LNEG || op == I2L ? Type.LONG_TYPE : op == I2C ? Type.CHAR_TYPE : Type.INT_TYPE;
                Object folded = Folding.arithmetic(op, value.constant(), null);
                Taint result = folded == null ? Taint.of(type) : Taint.constant(type, folded);
                // A char of request data is still request data.
                return op == I2C ? result.plus(value) : result;
            }
            case IINC:
                return Taint.of(Type.INT_TYPE);
            case FNEG: case I2F: case L2F: case D2F:
                return Taint.of(Type.FLOAT_TYPE);
            case DNEG: case I2D: case L2D: case F2D:
                return Taint.of(Type.DOUBLE_TYPE);
            case F2I: case D2I:
                return Taint.of(Type.INT_TYPE);
            case F2L: case D2L:
                return Taint.of(Type.LONG_TYPE);
            case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE: case IFNULL: case IFNONNULL:
            case TABLESWITCH: case LOOKUPSWITCH:
                return null;
            case PUTSTATIC:
                return null;
            case GETFIELD:
                return getField((FieldInsnNode) insn, value);
            case NEWARRAY:
            case ANEWARRAY: {
                Type type = op == ANEWARRAY ? Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor())
                        : Type.getType("[" + primitiveArray(((IntInsnNode) insn).operand));
                Integer length = value.constant() instanceof Integer i && i >= 0 && i <= Contents.MAX_PARTS ? i : null;
                frame.track(index, length == null ? Contents.list(0).collapsed(null) : Contents.list(length));
                return Taint.object(type, index);
            }
            case ARRAYLENGTH:
                return Taint.of(Type.INT_TYPE);
            case ATHROW:
                return null;
            case CHECKCAST:
                return value.withLocal(-1);
            case INSTANCEOF:
                return Taint.of(Type.INT_TYPE);
            case MONITORENTER: case MONITOREXIT:
                return null;
            default:
                return Taint.of(OBJECT);
        }
    }

    private static String primitiveArray(int operand) {
        return switch (operand) {
            case T_BOOLEAN -> "Z";
            case T_CHAR -> "C";
            case T_FLOAT -> "F";
            case T_DOUBLE -> "D";
            case T_BYTE -> "B";
            case T_SHORT -> "S";
            case T_INT -> "I";
            default -> "J";
        };
    }

    private Taint getField(FieldInsnNode field, Taint receiver) {
        Type type = Type.getType(field.desc);
        if (receiver.object() == TaintFrame.THIS) {
            Contents fields = frame.object(TaintFrame.THIS);
            // Once the fields collapsed (paths that stored different fields), a read gives what any field holds.
            Taint stored = fields == null ? null
                    : fields.entries() == null ? fields.all() : fields.entries().get(field.name);
            if (!isData(type)) {
                return stored != null && stored.constant() != null ? Taint.constant(type, stored.constant()) : Taint.of(type);
            }
            Taint result = stored == null ? Taint.of(type) : stored.taintOnly(type);
            // What other methods store there from a source, and in a summary what the caller's receiver holds.
            return result.plus(analysis.fieldTaint(run.owner(), field.name)).plus(receiver.isTainted() ? receiver : null);
        }
        if (!isData(type)) {
            return Taint.of(type);
        }
        return frame.effective(receiver).taintOnly(type);
    }

    /** Whether values of a type can carry injected text: references, chars and their arrays; not numbers or booleans. */
    static boolean isData(Type type) {
        return type == null || type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY
                || type.getSort() == Type.CHAR;
    }

    @Override
    public Taint binaryOperation(AbstractInsnNode insn, Taint a, Taint b) {
        int op = insn.getOpcode();
        switch (op) {
            case IADD: case ISUB: case IMUL: case IDIV: case IREM: case ISHL: case ISHR: case IUSHR: case IAND: case IOR: case IXOR: {
                Object folded = Folding.arithmetic(op, a.constant(), b.constant());
                return folded == null ? Taint.of(Type.INT_TYPE) : Taint.constant(Type.INT_TYPE, folded);
            }
            case LADD: case LSUB: case LMUL: case LDIV: case LREM: case LSHL: case LSHR: case LUSHR: case LAND: case LOR: case LXOR:
                return Taint.of(Type.LONG_TYPE);
            case FADD: case FSUB: case FMUL: case FDIV: case FREM:
                return Taint.of(Type.FLOAT_TYPE);
            case DADD: case DSUB: case DMUL: case DDIV: case DREM:
                return Taint.of(Type.DOUBLE_TYPE);
            case LCMP: case FCMPL: case FCMPG: case DCMPL: case DCMPG:
                return Taint.of(Type.INT_TYPE);
            case IALOAD: case BALOAD: case SALOAD: case LALOAD: case FALOAD: case DALOAD: {
                Type type = op == LALOAD ? Type.LONG_TYPE : op == FALOAD ? Type.FLOAT_TYPE : op == DALOAD ? Type.DOUBLE_TYPE
                        : Type.INT_TYPE;
                // A byte of request data is still request data; an int of it (a read() result) stays clean.
                return op == BALOAD ? Taint.of(type).plus(frame.effective(a)) : Taint.of(type);
            }
            case CALOAD:
            case AALOAD: {
                Type elementType = op == CALOAD ? Type.CHAR_TYPE
                        : a.type() != null && a.type().getSort() == Type.ARRAY ? elementOf(a.type()) : OBJECT;
                Contents contents = frame.contents(a);
                Taint element = contents == null ? null : contents.element(b.constant() instanceof Integer i ? i : null);
                Taint result = contents == null ? a.taintOnly(elementType) : element == null ? Taint.of(elementType)
                        : element.withLocal(-1).withType(elementType);
                return result.plus(a.isTainted() ? a : null);
            }
            case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT: case IF_ICMPLE:
            case IF_ACMPEQ: case IF_ACMPNE:
                return null;
            case PUTFIELD:
                putField(((FieldInsnNode) insn).name, a, b);
                return null;
            default:
                return Taint.of(OBJECT);
        }
    }

    private static Type elementOf(Type array) {
        return array.getDimensions() > 1 ? Type.getType(array.getDescriptor().substring(1)) : array.getElementType();
    }

    private void putField(String name, Taint receiver, Taint value) {
        if (receiver.object() == TaintFrame.THIS) {
            Contents fields = (frame.object(TaintFrame.THIS) == null ? Contents.map() : frame.object(TaintFrame.THIS));
            Taint stored = frame.effective(value).withLocal(-1).withObject(-1);
            frame.put(TaintFrame.THIS, fields.put(name, stored));
            run.storedField(name, stored);
        } else {
            store(receiver, value);
        }
    }

    /** Whatever is stored into a followed object taints the object as a whole. */
    private void store(Taint target, Taint value) {
        Contents contents = frame.contents(target);
        Taint effective = frame.effective(value);
        if (contents != null && effective.isTainted()) {
            frame.put(target.object(), contents.collapsed(effective));
        }
    }

    @Override
    public Taint ternaryOperation(AbstractInsnNode insn, Taint array, Taint index, Taint value) {
        Contents contents = frame.contents(array);
        if (contents != null) {
            Taint stored = frame.effective(value).withLocal(-1).withObject(-1);
            frame.put(array.object(), index.constant() instanceof Integer i ? contents.set(i, stored)
                    : contents.collapsed(stored));
        }
        return null;
    }

    @Override
    public Taint naryOperation(AbstractInsnNode insn, List<? extends Taint> values) {
        int op = insn.getOpcode();
        if (op == MULTIANEWARRAY) {
            return Taint.of(Type.getType(((org.objectweb.asm.tree.MultiANewArrayInsnNode) insn).desc));
        }
        if (op == INVOKEDYNAMIC) {
            return invokeDynamic((InvokeDynamicInsnNode) insn, values);
        }
        return analysis.calls().invoke(this, (MethodInsnNode) insn, values);
    }

    private Taint invokeDynamic(InvokeDynamicInsnNode insn, List<? extends Taint> values) {
        Type returnType = Type.getReturnType(insn.desc);
        Handle bsm = insn.bsm;
        if ("java/lang/invoke/StringConcatFactory".equals(bsm.getOwner()) && "makeConcatWithConstants".equals(insn.name)
                && insn.bsmArgs.length > 0 && insn.bsmArgs[0] instanceof String recipe) {
            return concat(recipe, insn.bsmArgs, Type.getArgumentTypes(insn.desc), values);
        }
        // A lambda or other call site: the result carries whatever it captured.
        Taint result = Taint.of(returnType);
        for (Taint value : values) {
            result = result.plus(frame.effective(value));
        }
        return result;
    }

    /** String concatenation: constant when every part is, else the parts' taint with the constant start kept. */
    private Taint concat(String recipe, Object[] bsmArgs, Type[] types, List<? extends Taint> values) {
        StringBuilder constant = new StringBuilder();
        String prefix = null;
        boolean allConstant = true;
        Taint taint = Taint.of(STRING);
        int argument = 0;
        int bsmConstant = 1;
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            String part;
            if (c == '\u0001') {
                Taint value = values.get(argument);
                Object known = value.constant();
                part = known == null ? null : renderConstant(value.withType(types[argument]));
                argument++;
                taint = taint.plus(frame.effective(value));
            } else if (c == '\u0002') {
                Object known = bsmConstant < bsmArgs.length ? bsmArgs[bsmConstant++] : null;
                part = known == null ? null : String.valueOf(known);
            } else {
                part = String.valueOf(c);
            }
            if (part == null) {
                if (allConstant) {
                    prefix = constant.toString();
                }
                allConstant = false;
            } else if (allConstant) {
                constant.append(part);
            }
        }
        if (allConstant && !taint.isTainted()) {
            return Taint.constant(STRING, bounded(constant.toString()));
        }
        return Taint.of(STRING).plus(taint).withPrefix(allConstant ? constant.toString() : prefix);
    }

    static String renderConstant(Taint value) {
        Object known = value.constant();
        if (known instanceof Integer i && value.type() != null) {
            if (value.type().getSort() == Type.CHAR) {
                return String.valueOf((char) (int) i);
            }
            if (value.type().getSort() == Type.BOOLEAN) {
                return String.valueOf(i != 0);
            }
        }
        return String.valueOf(known);
    }

    static String bounded(String text) {
        return text.length() > 4096 ? null : text;
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, Taint value, Taint expected) {
        run.returned(frame, insn, value);
    }

    @Override
    public Taint merge(Taint a, Taint b) {
        return a.merge(b);
    }

}
