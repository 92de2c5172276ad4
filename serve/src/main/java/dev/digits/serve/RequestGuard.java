package dev.digits.serve;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Who may call the API: the bearer token (when the server has one) and the page a browser's request comes from. */
final class RequestGuard {
    private final ServeSettings settings;

    RequestGuard(ServeSettings settings) {
        this.settings = settings;
    }

    /** Bearer token from the header, or (for browsers' WebSockets, which cannot set headers) the query. */
    void authorize(String header, String queryToken) {
        if (settings.token() == null) {
            return;
        }
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : queryToken;
        if (given == null) {
            throw new ApiException(401, "this server needs a token: send 'Authorization: Bearer TOKEN'");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "the token is not the one this server takes");
        }
    }

    /**
     * Browsers say which page a request comes from ({@code Origin}); a page of another origin may call the API only
     * when the server was started with {@code --allow-origin} for it. Clients that are not browsers send no origin.
     */
    void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("http://" + ctx.host()) || origin.equals("https://" + ctx.host())) {
            return;
        }
        if (!settings.allows(origin)) {
            throw new ApiException(403, "requests from pages of " + origin + " are refused (only this server's own page "
                    + "may call it); start the server with --allow-origin " + origin + " to allow them");
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
    }
}
