package dev.keyhound.detect.validate;

import java.util.Base64;

/**
 * A Discord bot token is base64(bot user id) "." timestamp "." HMAC. Its first segment must
 * decode to a 17-20 digit snowflake, which random dotted strings (JWT-like ids, hashes) do not.
 */
public final class DiscordBotToken {
    private DiscordBotToken() {
    }

    public static boolean isValid(String token) {
        int dot = token.indexOf('.');
        if (dot < 16 || dot > 28) {
            return false;
        }
        String id = token.substring(0, dot).replace('-', '+').replace('_', '/');
        StringBuilder padded = new StringBuilder(id);
        while (padded.length() % 4 != 0) {
            padded.append('=');
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(padded.toString());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (decoded.length < 17 || decoded.length > 20 || decoded[0] == '0') {
            return false;
        }
        for (byte b : decoded) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }
}
