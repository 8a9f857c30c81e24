package dev.genguard.spotbugs.dataflow;

import edu.umd.cs.findbugs.OpcodeStack;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.SignatureParser;
import edu.umd.cs.findbugs.ba.XField;
import edu.umd.cs.findbugs.bcel.OpcodeStackDetector;
import edu.umd.cs.findbugs.visitclass.PreorderVisitor;
import java.util.Locale;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.Attribute;
import org.apache.bcel.classfile.BootstrapMethod;
import org.apache.bcel.classfile.BootstrapMethods;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantInvokeDynamic;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.ConstantString;
import org.apache.bcel.classfile.ConstantValue;
import org.apache.bcel.classfile.Field;
import org.apache.bcel.classfile.JavaClass;

/**
 * An {@link OpcodeStackDetector} whose stack knows more string constants than SpotBugs' own: it folds
 * {@code makeConcatWithConstants} (javac 9+ string concatenation; SpotBugs ignores the recipe's literal text),
 * chained {@code StringBuilder.append} of constants, case conversion and trimming of constants, and reads the {@code ConstantValue} of a {@code static final}
 * field that a class loads with GETSTATIC instead of inlining it. Subclasses may also attach a user value to
 * the result of an instruction ({@link #resultUserValue(int)}); such detectors need
 * {@link OpcodeStack.CustomUserValue}, so that the value survives.
 */
public abstract class ValueTrackingDetector extends OpcodeStackDetector {

    private static final String STRING = "Ljava/lang/String;";
    private static final Set<String> BUILDERS = Set.of("java/lang/StringBuilder", "java/lang/StringBuffer");
    private static final char RECIPE_ARGUMENT = '\u0001';
    private static final char RECIPE_CONSTANT = '\u0002';

    /**
     * The user value for the item an instruction pushes, computed before the instruction runs (the stack still
     * holds its operands); {@code null} leaves the item as SpotBugs computed it.
     */
    protected Object resultUserValue(int seen) {
        return null;
    }

    @Override
    public void afterOpcode(int seen) {
        OpcodeStack stack = getStack();
        String folded = stack.isTop() ? null : foldString(seen, stack);
        Object userValue = stack.isTop() ? null : resultUserValue(seen);
        super.afterOpcode(seen);
        if (stack.isTop() || stack.getStackDepth() == 0) {
            return;
        }
        if (folded == null && seen == Const.GETSTATIC && STRING.equals(getSigConstantOperand())
                && stack.getStackItem(0).getConstant() == null) {
            folded = staticFinalConstant();
        }
        if (folded == null && userValue == null) {
            return;
        }
        OpcodeStack.Item top = stack.getStackItem(0);
        OpcodeStack.Item replacement = folded == null ? top : new OpcodeStack.Item(top.getSignature(), folded);
        if (userValue != null) {
            replacement.setUserValue(userValue);
        }
        if (replacement != top) {
            stack.replaceTop(replacement);
        }
    }

    private String foldString(int seen, OpcodeStack stack) {
        if (seen == Const.INVOKEDYNAMIC) {
            return "makeConcatWithConstants".equals(getNameConstantOperand()) ? foldConcat(stack) : null;
        }
        if (seen != Const.INVOKEVIRTUAL) {
            return null;
        }
        String owner = getClassConstantOperand();
        String name = getNameConstantOperand();
        String sig = getSigConstantOperand();
        if (BUILDERS.contains(owner)) {
            return "append".equals(name) && sig.endsWith(")L" + owner + ";") ? foldAppend(stack, sig) : null;
        }
        if (!"java/lang/String".equals(owner)) {
            return null;
        }
        int receiver = PreorderVisitor.getNumberArguments(sig);
        if (stack.getStackDepth() <= receiver || !(stack.getStackItem(receiver).getConstant() instanceof String)) {
            return null;
        }
        String value = (String) stack.getStackItem(receiver).getConstant();
        // Case conversion of a constant: ROOT is what a security-relevant name means whatever the JVM's locale.
        switch (name + sig) {
        case "toUpperCase()Ljava/lang/String;":
        case "toUpperCase(Ljava/util/Locale;)Ljava/lang/String;":
            return value.toUpperCase(Locale.ROOT);
        case "toLowerCase()Ljava/lang/String;":
        case "toLowerCase(Ljava/util/Locale;)Ljava/lang/String;":
            return value.toLowerCase(Locale.ROOT);
        case "strip()Ljava/lang/String;":
            return value.strip();
        case "concat(Ljava/lang/String;)Ljava/lang/String;":
            Object other = stack.getStackItem(0).getConstant();
            return other instanceof String ? value + other : null;
        default:
            return null;
        }
    }

    /**
     * A chained {@code append} of a constant to a builder holding a constant. SpotBugs 4.10 loses the builder's
     * value on every append (it checks the receiver where it means the argument). A builder kept in a local is
     * left alone: a later {@code sb.append(x);} statement would not update the local's value.
     */
    private static String foldAppend(OpcodeStack stack, String sig) {
        String[] argTypes = new SignatureParser(sig).getArguments();
        if (argTypes.length != 1 || stack.getStackDepth() < 2) {
            return null;
        }
        OpcodeStack.Item builder = stack.getStackItem(1);
        Object value = builder.getConstant();
        Object appended = stack.getStackItem(0).getConstant();
        if (!(value instanceof String) || appended == null || builder.getRegisterNumber() >= 0) {
            return null;
        }
        return value + render(argTypes[0], appended);
    }

    /** Evaluates the recipe of an indy string concatenation when every dynamic argument is a known constant. */
    private String foldConcat(OpcodeStack stack) {
        String[] argTypes = new SignatureParser(getSigConstantOperand()).getArguments();
        if (stack.getStackDepth() < argTypes.length) {
            return null;
        }
        BootstrapMethod bootstrap = bootstrapMethod();
        if (bootstrap == null || bootstrap.getNumBootstrapArguments() == 0) {
            return null;
        }
        ConstantPool cp = getThisClass().getConstantPool();
        int[] bootstrapArgs = bootstrap.getBootstrapArguments();
        String recipe = stringConstant(cp, bootstrapArgs[0]);
        if (recipe == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int argument = 0;
        int constant = 1;
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            if (c == RECIPE_ARGUMENT) {
                if (argument >= argTypes.length) {
                    return null;
                }
                Object value = stack.getStackItem(argTypes.length - 1 - argument).getConstant();
                if (value == null) {
                    return null;
                }
                out.append(render(argTypes[argument], value));
                argument++;
            } else if (c == RECIPE_CONSTANT) {
                if (constant >= bootstrapArgs.length) {
                    return null;
                }
                String value = stringConstant(cp, bootstrapArgs[constant++]);
                if (value == null) {
                    return null;
                }
                out.append(value);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String render(String type, Object value) {
        if ("C".equals(type) && value instanceof Integer) {
            return String.valueOf((char) ((Integer) value).intValue());
        }
        if ("Z".equals(type) && value instanceof Integer) {
            return String.valueOf(((Integer) value).intValue() != 0);
        }
        return value.toString();
    }

    private BootstrapMethod bootstrapMethod() {
        Constant ref = getConstantRefOperand();
        if (!(ref instanceof ConstantInvokeDynamic)) {
            return null;
        }
        int index = ((ConstantInvokeDynamic) ref).getBootstrapMethodAttrIndex();
        for (Attribute attribute : getThisClass().getAttributes()) {
            if (attribute instanceof BootstrapMethods) {
                BootstrapMethod[] methods = ((BootstrapMethods) attribute).getBootstrapMethods();
                return index < methods.length ? methods[index] : null;
            }
        }
        return null;
    }

    private static String stringConstant(ConstantPool cp, int index) {
        Constant c = cp.getConstant(index);
        return c instanceof ConstantString ? ((ConstantString) c).getBytes(cp) : null;
    }

    /** The ConstantValue of the static final String field a GETSTATIC reads, when its class is on the classpath. */
    private String staticFinalConstant() {
        XField field = getXFieldOperand();
        if (field == null || !field.isStatic() || !field.isFinal()) {
            return null;
        }
        try {
            JavaClass owner = AnalysisContext.currentAnalysisContext().lookupClass(field.getClassName());
            for (Field f : owner.getFields()) {
                if (f.getName().equals(field.getName()) && f.isStatic() && f.isFinal()) {
                    ConstantValue value = f.getConstantValue();
                    return value == null ? null : stringConstant(owner.getConstantPool(), value.getConstantValueIndex());
                }
            }
        } catch (ClassNotFoundException e) {
            AnalysisContext.reportMissingClass(e);
        }
        return null;
    }
}
