package dev.genguard.spotbugs.dataflow;

import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.classfile.CheckedAnalysisException;
import edu.umd.cs.findbugs.classfile.ClassDescriptor;
import edu.umd.cs.findbugs.classfile.DescriptorFactory;
import edu.umd.cs.findbugs.classfile.Global;
import edu.umd.cs.findbugs.classfile.ResourceNotFoundException;
import edu.umd.cs.findbugs.classfile.analysis.ClassData;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.InstructionList;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The {@link ClassSource} of a SpotBugs run: class files and resources from SpotBugs' classpath (application
 * classes, the auxiliary classpath, the JDK). Reads only; nothing of the analysed project is loaded or executed.
 * Use one instance per detector instance (SpotBugs creates those per run), inside the run.
 *
 * <p>The trees are parsed here from SpotBugs' cached class bytes: SpotBugs' own {@code ClassNode} analysis
 * engine needs a {@code ClassReader} engine that a default SpotBugs run does not register.
 */
public final class SpotBugsClassSource implements ClassSource {

    /** Recently looked-up classes (the constants classes and helpers many methods share). */
    private static final int CACHED_CLASSES = 128;

    private final Map<String, Optional<ClassNode>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<ClassNode>> eldest) {
            return size() > CACHED_CLASSES;
        }
    };

    @Override
    public ClassNode lookupClass(String internalName) {
        Optional<ClassNode> known = cache.get(internalName);
        if (known == null) {
            known = Optional.ofNullable(read(DescriptorFactory.createClassDescriptor(internalName)));
            cache.put(internalName, known);
        }
        return known.orElse(null);
    }

    private static ClassNode read(ClassDescriptor descriptor) {
        try {
            byte[] bytes = Global.getAnalysisCache().getClassAnalysis(ClassData.class, descriptor).getData();
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            return node;
        } catch (CheckedAnalysisException e) {
            AnalysisContext.reportMissingClass(descriptor);
            return null;
        } catch (RuntimeException e) {
            // A class file ASM cannot parse: known to nobody, like a missing class.
            return null;
        }
    }

    /** The ASM tree of the class a detector visits; null, with the reason logged, if it cannot be parsed. */
    public ClassNode classNode(ClassContext classContext) {
        ClassNode node = read(classContext.getClassDescriptor());
        if (node != null) {
            cache.put(node.name, Optional.of(node));
        } else {
            AnalysisContext.logError("GenGuard: cannot parse " + classContext.getClassDescriptor());
        }
        return node;
    }

    @Override
    public boolean isApplicationClass(String internalName) {
        return AnalysisContext.currentAnalysisContext()
                .isApplicationClass(DescriptorFactory.createClassDescriptor(internalName));
    }

    @Override
    public java.util.List<String> applicationSubtypes(String internalName) {
        try {
            java.util.List<String> result = new java.util.ArrayList<>();
            for (ClassDescriptor subtype : AnalysisContext.currentAnalysisContext().getSubtypes2()
                    .getSubtypes(DescriptorFactory.createClassDescriptor(internalName))) {
                if (!subtype.getClassName().equals(internalName) && isApplicationClass(subtype.getClassName())) {
                    result.add(subtype.getClassName());
                }
            }
            java.util.Collections.sort(result);
            return result;
        } catch (ClassNotFoundException | RuntimeException e) {
            return java.util.List.of();
        }
    }

    @Override
    public InputStream openResource(String name) throws IOException {
        try {
            return Global.getAnalysisCache().getClassPath().lookupResource(name).openResource();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    /** The BCEL method for an ASM method of the visited class, for bug annotations; null if absent. */
    public static Method bcelMethod(ClassContext classContext, MethodNode method) {
        for (Method candidate : classContext.getJavaClass().getMethods()) {
            if (candidate.getName().equals(method.name) && candidate.getSignature().equals(method.desc)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The source line annotation of an instruction: its bytecode offset found by position, since ASM's
     * instruction list and BCEL's hold the same instructions in the same order (labels, line numbers and
     * frames aside). Falls back to the method's first line if the two disagree.
     */
    public static SourceLineAnnotation sourceLine(ClassContext classContext, Method method, MethodNode node,
                                                  AbstractInsnNode insn) {
        int ordinal = 0;
        for (AbstractInsnNode i = node.instructions.getFirst(); i != insn && i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                ordinal++;
            }
        }
        int[] offsets = new InstructionList(method.getCode().getCode()).getInstructionPositions();
        if (ordinal >= offsets.length) {
            return SourceLineAnnotation.forEntireMethod(classContext.getJavaClass(), method);
        }
        return SourceLineAnnotation.fromVisitedInstruction(classContext, method, offsets[ordinal]);
    }
}
