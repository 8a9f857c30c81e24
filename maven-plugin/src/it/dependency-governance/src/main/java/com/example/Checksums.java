package com.example;

import org.apache.commons.codec.digest.DigestUtils;

public class Checksums {
    public String sha256(byte[] data) {
        return DigestUtils.sha256Hex(data);
    }
}
