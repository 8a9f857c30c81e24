package dev.genguard.spotbugs.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tables behind GENGUARD_WEAK_HASH, GENGUARD_WEAK_KDF and GENGUARD_WEAK_KEY; the fixtures cover the rest. */
class CryptoStrengthTest {

    @Test
    void hashPurposeFromNames() {
        assertThat(HashPurpose.isSecurity("hashPassword")).isTrue();
        assertThat(HashPurpose.isSecurity("verifySignature")).isTrue();
        assertThat(HashPurpose.isSecurity("integrityDigest")).isTrue();
        assertThat(HashPurpose.isSecurity("apiKey")).isTrue();
        assertThat(HashPurpose.isSecurity("cacheKey")).isFalse();
        assertThat(HashPurpose.isSecurity("design")).isFalse();
        assertThat(HashPurpose.isSecurity("computeETag")).isFalse();
    }

    @Test
    void owaspIterationFigures() {
        assertThat(WeakKdfDetector.threshold("PBKDF2WithHmacSHA1")).isEqualTo(1_300_000);
        assertThat(WeakKdfDetector.threshold("PBKDF2WithHmacSHA256")).isEqualTo(600_000);
        assertThat(WeakKdfDetector.threshold("PBKDF2WithHmacSHA224")).isEqualTo(600_000);
        assertThat(WeakKdfDetector.threshold("PBKDF2WithHmacSHA512")).isEqualTo(210_000);
        assertThat(WeakKdfDetector.threshold("PBKDF2WithHmacSHA384")).isEqualTo(210_000);
    }

    @Test
    void curveSizes() {
        assertThat(WeakKeyDetector.curveBits("secp192r1")).isEqualTo(192);
        assertThat(WeakKeyDetector.curveBits("sect163k1")).isEqualTo(163);
        assertThat(WeakKeyDetector.curveBits("prime192v1")).isEqualTo(192);
        assertThat(WeakKeyDetector.curveBits("brainpoolP160r1")).isEqualTo(160);
        assertThat(WeakKeyDetector.curveBits("P-256")).isEqualTo(256);
        assertThat(WeakKeyDetector.curveBits("secp256r1")).isEqualTo(256);
        assertThat(WeakKeyDetector.curveBits("X25519")).isNull();
        assertThat(WeakKeyDetector.curveBits("Ed25519")).isNull();
    }
}
