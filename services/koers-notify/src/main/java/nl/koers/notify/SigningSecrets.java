package nl.koers.notify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The subscriptions' signing secrets: {@value #PREFIX} and 32 random bytes in base64, as the Standard Webhooks
 * specification writes them. The service must sign with them, so it keeps them encrypted (AES-GCM) rather than hashed,
 * under {@code koers.webhooks.secret-key}; without that setting, under a key it made at the first start and keeps in the
 * database (a copy of the database then holds the secrets too, so set the key in production).
 */
@Component
class SigningSecrets {

    static final String PREFIX = "whsec_";
    private static final Logger log = LoggerFactory.getLogger(SigningSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    SigningSecrets(WebhookSettings settings, JdbcClient jdbc) {
        this.key = new SecretKeySpec(keyBytes(settings, jdbc), "AES");
    }

    private byte[] keyBytes(WebhookSettings settings, JdbcClient jdbc) {
        if (settings.secretKey() != null) {
            byte[] configured = Base64.getDecoder().decode(settings.secretKey());
            if (configured.length != 32) {
                throw new IllegalArgumentException("koers.webhooks.secret-key (KOERS_WEBHOOKS_SECRET_KEY) must be 32 bytes in base64");
            }
            return configured;
        }
        jdbc.sql("insert into webhook_secret_key (key) values (?) on conflict do nothing")
                .param(Base64.getEncoder().encodeToString(randomBytes(32))).update();
        log.warn("No koers.webhooks.secret-key (KOERS_WEBHOOKS_SECRET_KEY) is set: webhook signing secrets are encrypted "
                + "with a key kept in the database. Set one (32 random bytes in base64) before subscriptions matter.");
        return Base64.getDecoder().decode(jdbc.sql("select key from webhook_secret_key").query(String.class).single());
    }

    /** A new secret, to show once. */
    String newSecret() {
        return PREFIX + Base64.getEncoder().encodeToString(randomBytes(32));
    }

    /** The secret as stored: nonce and ciphertext, base64. */
    String encrypt(String secret) {
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java", e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be decrypted: was koers.webhooks.secret-key changed?", e);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
