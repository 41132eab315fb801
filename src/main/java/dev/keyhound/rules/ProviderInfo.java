package dev.keyhound.rules;

/**
 * A provider's table in its rule file: its display name and how to revoke and replace its credentials.
 *
 * @param id     "binance"
 * @param name   "Binance"
 * @param kind   "exchange", "wallet", "chat", "cloud", "vcs", "generic", ...
 * @param status "active", "closed" (FTX, Bittrex), ...
 * @param revoke default revoke info for the provider's rules
 */
public record ProviderInfo(String id, String name, String kind, String status, Revoke revoke) {
}
