package com.example.orders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs receipts for the accounting export. */
public class ReceiptSigner {

    private final byte[] key;

    public ReceiptSigner(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The HMAC of a receipt. Correct as far as the rules can tell, but AI-written cryptography: GenGuard asks for
     * a person's review (UnreviewedSensitiveAiCode) until it carries @SecurityReviewed or genguard:reviewed-by.
     *
     * @ai-generated tool=Copilot model=gpt-4o
     */
    public byte[] sign(String receipt) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(receipt.getBytes(StandardCharsets.UTF_8));
    }
}
