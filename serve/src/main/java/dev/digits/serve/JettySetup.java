package dev.digits.serve;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.session.DefaultSessionCache;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the server's Jetty is set up beyond routes: body and message sizes, the limits of {@link ConnectionLimits},
 * graceful shutdown, and no HTTP sessions (the API keeps no state between requests, and a session made for every
 * WebSocket upgrade would never be freed).
 */
final class JettySetup {
    static final int MAX_WS_MESSAGE_BYTES = 1 << 20;
    static final Duration STREAM_IDLE = Duration.ofMinutes(2);

    private final AtomicReference<SessionHandler> sessions = new AtomicReference<>();

    /** Sets up {@code config} as {@code settings} say. */
    void apply(JavalinConfig config, ServeSettings settings) {
        ConnectionLimits limits = settings.connections();
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()),
                SizeUnit.BYTES);
        config.jetty.modifyWebSocketServletFactory(f -> {
            f.setMaxBinaryMessageSize(MAX_WS_MESSAGE_BYTES);
            f.setMaxTextMessageSize(4096);
            f.setIdleTimeout(STREAM_IDLE);
        });
        config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(limits.minBodyRate()));
        config.jetty.modifyServer(server -> {
            // requests in progress finish on stop (GracefulHandler), within the drain deadline
            ThreadLimitHandler perClient = new ThreadLimitHandler(null, false);
            perClient.setThreadLimit(limits.perClient());
            perClient.excludePath("/healthz");
            GracefulHandler graceful = new GracefulHandler(perClient);
            server.setHandler(graceful);
            server.setStopTimeout(Math.max(1, limits.drainSeconds()) * 1000L);
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        });
        config.jetty.modifyServletContextHandler(context -> {
            sessions.set(context.getSessionHandler());
            context.addFilter(new FilterHolder(noSessions()), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
    }

    /** HTTP sessions held now (none once each request has ended). */
    long httpSessions() {
        SessionHandler handler = sessions.get();
        return handler != null && handler.getSessionCache() instanceof DefaultSessionCache cache
                ? cache.getSessionsCurrent() : 0;
    }

    /** Ends any HTTP session a request made (Javalin makes one for every WebSocket upgrade). */
    private static Filter noSessions() {
        return (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                if (request instanceof HttpServletRequest http) {
                    HttpSession session = http.getSession(false);
                    if (session != null) {
                        try {
                            session.invalidate();
                        } catch (IllegalStateException alreadyInvalid) {
                            // gone already
                        }
                    }
                }
            }
        };
    }
}
