package dev.genguard.spotbugs.crypto;

import dev.genguard.spotbugs.dataflow.AbstractValue;
import dev.genguard.spotbugs.dataflow.CallSite;
import dev.genguard.spotbugs.dataflow.ConstantArrayFields;
import dev.genguard.spotbugs.dataflow.Invocation;
import dev.genguard.spotbugs.dataflow.Origin;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Whether a {@code byte[]} argument is made of constants, as a key or a salt must not be: an array of constants
 * (an initializer, or a fresh all-zero array nobody filled), the bytes of a constant string, a constant decoded
 * from Base64 or hex, or a {@code static final byte[]} field its class initializer fills with constants. Anything
 * the array was passed to, stored in or filled by first makes it unknown (the value analysis' escape).
 * One instance per detector instance: it caches the constant array fields of the classes it looked at.
 */
final class ConstantBytes {

    /** A constant byte array: how to show it and how sure the analysis is of it. */
    record Found(String shown, Origin origin) {
    }

    private static final int SHOWN = 40;

    /** Decoders of a constant string or char array (first argument) to bytes, as owner.name. */
    private static final Set<String> DECODERS = Set.of(
            "java/util/Base64$Decoder.decode", "java/util/HexFormat.parseHex",
            "org/apache/commons/codec/binary/Hex.decodeHex", "org/apache/commons/codec/binary/Base64.decodeBase64",
            "javax/xml/bind/DatatypeConverter.parseHexBinary", "javax/xml/bind/DatatypeConverter.parseBase64Binary",
            "jakarta/xml/bind/DatatypeConverter.parseHexBinary", "jakarta/xml/bind/DatatypeConverter.parseBase64Binary");

    private final Map<String, Set<String>> constantFields = new HashMap<>();

    /** The constant bytes argument {@code index} of the call holds, or null. */
    Found of(CallSite call, int index) {
        AbstractValue value = call.argument(index);
        // An array other code may have filled (SecureRandom.nextBytes(salt)) is no constant.
        List<AbstractValue> elements = value.escaped() ? null : value.elements();
        if (elements != null) {
            return ofElements(elements);
        }
        Invocation creation = value.creation();
        if (creation != null && !value.escaped()) {
            AbstractValue text = null;
            String how = null;
            if ("java/lang/String".equals(creation.owner()) && "getBytes".equals(creation.name())) {
                text = creation.constantReceiver();
                how = ".getBytes()";
            } else if (DECODERS.contains(creation.owner() + '.' + creation.name()) && creation.argumentCount() > 0) {
                text = creation.argument(0);
                how = " decoded";
            }
            if (text != null && text.constantString() != null) {
                return new Found(quote(text.constantString()) + how, text.origin());
            }
            return null;
        }
        return value.type() != null && "[B".equals(value.type().getDescriptor()) ? ofStaticField(call, index) : null;
    }

    private static Found ofElements(List<AbstractValue> elements) {
        StringBuilder shown = new StringBuilder("{");
        boolean zero = true;
        Origin origin = Origin.CODE;
        for (AbstractValue element : elements) {
            Integer b = element.constantInt();
            if (b == null) {
                return null;
            }
            zero &= b == 0;
            origin = element.origin() == Origin.CODE ? origin : element.origin();
            if (shown.length() < SHOWN) {
                shown.append(shown.length() == 1 ? "" : ", ").append(b);
            } else if (shown.charAt(shown.length() - 1) != '.') {
                shown.append(", ...");
            }
        }
        return zero ? new Found("new byte[" + elements.size() + "] (all zero)", origin)
                : new Found(shown.append('}').toString(), origin);
    }

    /**
     * The analysis does not follow array fields; a field read right at the argument position (the later
     * arguments being simple pushes, as in {@code new SecretKeySpec(KEY, "AES")}) is looked up here.
     */
    private Found ofStaticField(CallSite call, int index) {
        int later = call.argumentCount() - 1 - index;
        AbstractInsnNode insn = previous(call.insn());
        for (int i = 0; i < later && insn != null; i++) {
            if (!isSimplePush(insn)) {
                return null;
            }
            insn = previous(insn);
        }
        if (insn == null || insn.getOpcode() != Opcodes.GETSTATIC || !"[B".equals(((FieldInsnNode) insn).desc)) {
            return null;
        }
        FieldInsnNode field = (FieldInsnNode) insn;
        Set<String> fields = constantFields.computeIfAbsent(field.owner, ConstantBytes::constantArrayFields);
        return fields.contains(field.name)
                ? new Found("field " + Type.getObjectType(field.owner).getClassName() + "." + field.name,
                        Origin.CODE)
                : null;
    }

    private static Set<String> constantArrayFields(String owner) {
        try {
            return ConstantArrayFields.of(AnalysisContext.currentAnalysisContext().lookupClass(owner.replace('/', '.')));
        } catch (ClassNotFoundException e) {
            AnalysisContext.reportMissingClass(e);
            return Set.of();
        }
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static boolean isSimplePush(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return op >= Opcodes.ACONST_NULL && op <= Opcodes.ALOAD || op == Opcodes.GETSTATIC;
    }

    static String quote(String text) {
        String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
        return '"' + shown + '"';
    }
}
