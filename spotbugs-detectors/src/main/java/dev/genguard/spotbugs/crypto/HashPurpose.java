package dev.genguard.spotbugs.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a method uses a hash for, judged by the identifiers it involves: its own name, its parameters and local
 * variables (from the local variable table), the fields it reads or writes and the methods it calls. Bytecode
 * keeps no comments or types of intent; names are what generated code is generous with ({@code hashPassword},
 * {@code cacheKey}, {@code etag}).
 */
final class HashPurpose {

    enum Purpose {
        /** A password, credential, signature, token or integrity check: the weak hash is exploitable. */
        SECURITY,
        /** A cache key, ETag, content fingerprint, checksum or a protocol that fixes the hash: not a security use. */
        NON_SECURITY,
        /** Nothing said either way. */
        UNKNOWN
    }

    /** Words (beyond {@link SecretNames}) that say the digest protects something. */
    private static final Set<String> SECURITY_WORDS = Set.of(
            "signature", "signatures", "sign", "signed", "signing", "signer", "verify", "verifier", "verified",
            "integrity", "hmac", "auth", "authenticate", "authentication", "authenticator", "login", "logon",
            "tamper", "tampered");
    /**
     * Words that say the digest only names or shows content: cache keys, ETags, content versions, certificate
     * thumbprints, debug output. A security word in the same method wins.
     */
    private static final Set<String> CONTENT_WORDS = Set.of(
            "cache", "cached", "caching", "etag", "etags", "fingerprint", "fingerprints", "checksum",
            "checksums", "dedup", "dedupe", "deduplicate", "deduplication", "shard", "sharding", "partition",
            "bucket", "uuid", "version", "versioning", "thumbprint", "debug");
    /**
     * Words naming a protocol that fixes the hash, which the code cannot change: WebSocket's Sec-WebSocket-Accept
     * (SHA-1), Gravatar URLs (MD5), Have I Been Pwned's range API (SHA-1 of the password, by design), NTLM (MD4,
     * MD5), HTTP Digest authentication (MD5, RFC 2617), PBKDF1 (MD5 or SHA-1, as legacy OpenSSL PEM keys need).
     * These win over security words, and count in the class name too (a protocol engine's helpers).
     */
    private static final Set<String> PROTOCOL_WORDS = Set.of(
            "websocket", "gravatar", "pwned", "hibp", "ntlm", "digestauth", "digestauthenticator", "digestscheme",
            "pbkdf1");

    private HashPurpose() {
    }

    static Purpose of(String className, MethodNode method) {
        for (String part : className.substring(className.lastIndexOf('/') + 1).split("\\$")) {
            if (hasWord(SecretNames.words(part), PROTOCOL_WORDS)) {
                return Purpose.NON_SECURITY;
            }
        }
        List<String> names = identifiers(method);
        boolean security = false;
        boolean content = false;
        for (String name : names) {
            List<String> words = SecretNames.words(name);
            if (hasWord(words, PROTOCOL_WORDS)) {
                return Purpose.NON_SECURITY;
            }
            security |= isSecurity(name);
            content |= hasWord(words, CONTENT_WORDS);
        }
        return security ? Purpose.SECURITY : content ? Purpose.NON_SECURITY : Purpose.UNKNOWN;
    }

    static boolean isSecurity(String identifier) {
        if (SecretNames.isSecret(identifier)) {
            return true;
        }
        for (String word : SecretNames.words(identifier)) {
            if (SECURITY_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words contain one of the set, also split in two: "eTag", "webSocket", "cacheKey". */
    private static boolean hasWord(List<String> words, Set<String> wanted) {
        for (int i = 0; i < words.size(); i++) {
            if (wanted.contains(words.get(i)) || i > 0 && wanted.contains(words.get(i - 1) + words.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The method's name (a lambda's synthetic name carries its enclosing method's), locals, fields and callees. */
    static List<String> identifiers(MethodNode method) {
        List<String> names = new ArrayList<>();
        names.add(method.name);
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                names.add(local.name);
            }
        }
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof FieldInsnNode) {
                names.add(((FieldInsnNode) insn).name);
            } else if (insn instanceof MethodInsnNode) {
                names.add(((MethodInsnNode) insn).name);
            }
        }
        return names;
    }
}
