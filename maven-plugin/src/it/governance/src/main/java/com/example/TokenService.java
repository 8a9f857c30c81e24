package com.example;

import dev.genguard.annotations.AiGenerated;
import dev.genguard.annotations.SecurityReviewed;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;

/** Tokens: three AI-written members, one of them reviewed. */
public class TokenService {

    private static final String ADMIN_TOKEN = System.getenv("ADMIN_TOKEN");

    @AiGenerated(tool = "Copilot", model = "gpt-4o")
    public byte[] fingerprint(String token) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    }

    @AiGenerated(tool = "Copilot")
    @SecurityReviewed(by = "alice", date = "2026-11-20", ticket = "SEC-142")
    public Cipher cipher() throws GeneralSecurityException {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    /** @ai-generated tool=Claude prompt="compare tokens </script><script>alert(1)</script>" */
    public boolean isAdmin(String bearer) {
        return ADMIN_TOKEN.equals(bearer);
    }

    public boolean isAdminByHand(String bearer) {
        return ADMIN_TOKEN.equals(bearer);
    }
}
