package dev.digits.api.plugin;

import dev.digits.api.params.NameSuggestions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The plugins of one kind found on the class path, looked up by name.
 *
 * <p>Discovery never fails because of one plugin: a provider class that cannot be loaded or instantiated is
 * listed as unavailable with the reason. Availability ({@link Plugin#checkAvailable()}, which may load native
 * libraries) is checked lazily, the first time a plugin is used or its status asked, and remembered, with
 * the defaults of the parameters it declares. Two plugins with the same name are both listed as unavailable.
 *
 * @param <P> the plugin interface
 */
public final class PluginRegistry<P extends Plugin> {

    /** One discovered plugin: its name, the class providing it, and the instance (absent if it failed to load). */
    public static final class Entry<P extends Plugin> {
        private final String name;
        private final String className;
        private final P plugin;
        private PluginStatus status;

        private Entry(String name, String className, P plugin, PluginStatus status) {
            this.name = name;
            this.className = className;
            this.plugin = plugin;
            this.status = status;
        }

        public String name() {
            return name;
        }

        public String className() {
            return className;
        }

        /** The plugin instance, if its class loaded. */
        public Optional<P> plugin() {
            return Optional.ofNullable(plugin);
        }

        public String description() {
            return plugin == null ? "(failed to load)" : plugin.description();
        }

        /** Records that the plugin cannot be used (a name clash found while discovering). */
        private synchronized void markUnavailable(PluginStatus why) {
            status = why;
        }

        /** Whether it is known to be unusable: its class failed to load, or a check already said so. */
        private synchronized boolean knownBroken() {
            return plugin == null || (status != null && !status.available());
        }

        /** Checks availability on first call (loading native libraries if the plugin needs them). */
        public synchronized PluginStatus status() {
            if (status == null) {
                try {
                    plugin.checkAvailable();
                    status = plugin.declaredParameters().stream().map(p -> p.defaultProblem().orElse(null))
                            .filter(Objects::nonNull).findFirst().map(PluginStatus::unavailable)
                            .orElse(PluginStatus.ok());
                } catch (Exception | LinkageError e) {
                    status = PluginStatus.unavailable(describe(e));
                }
            }
            return status;
        }
    }

    private final String kind;
    private final Map<String, Entry<P>> entries;

    private PluginRegistry(String kind, Map<String, Entry<P>> entries) {
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Finds every provider of {@code type} registered in {@code META-INF/services} on the class loader.
     *
     * @param kind how users call this kind of plugin in messages, such as "extractor" or "backend"
     */
    public static <P extends Plugin> PluginRegistry<P> discover(Class<P> type, String kind, ClassLoader loader) {
        Map<String, Entry<P>> found = new TreeMap<>();
        PluginRegistry<P> registry = new PluginRegistry<>(kind, found);
        Iterator<ServiceLoader.Provider<P>> it = ServiceLoader.load(type, loader).stream().iterator();
        int broken = 0;
        while (true) {
            ServiceLoader.Provider<P> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                // a registered class that cannot be found; the loader moves on to the next one
                String name = "broken-" + (++broken);
                found.put(name, new Entry<>(name, "?", null, PluginStatus.unavailable(describe(e))));
                if (broken > 1000) {
                    break;
                }
                continue;
            }
            registry.add(found, provider);
        }
        return registry;
    }

    /** A registry of the given plugins, for tests and embedding. */
    @SafeVarargs
    public static <P extends Plugin> PluginRegistry<P> of(String kind, P... plugins) {
        Map<String, Entry<P>> found = new TreeMap<>();
        PluginRegistry<P> registry = new PluginRegistry<>(kind, found);
        for (P p : plugins) {
            registry.put(found, new Entry<>(p.name(), p.getClass().getName(), p, null));
        }
        return registry;
    }

    private void add(Map<String, Entry<P>> found, ServiceLoader.Provider<P> provider) {
        String className;
        try {
            className = provider.type().getName();
        } catch (ServiceConfigurationError | LinkageError e) {
            className = "?";
        }
        P plugin;
        String name;
        try {
            plugin = provider.get();
            name = plugin.name();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            String simple = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            found.put(simple, new Entry<>(simple, className, null, PluginStatus.unavailable(describe(e))));
            return;
        }
        put(found, new Entry<>(name, className, plugin, null));
    }

    /** Adds an entry; a second plugin of the same name makes both unavailable (which one is meant is unknown). */
    private void put(Map<String, Entry<P>> found, Entry<P> entry) {
        Entry<P> previous = found.putIfAbsent(entry.name, entry);
        if (previous != null) {
            PluginStatus clash = PluginStatus.unavailable("two " + kind + " plugins are named '" + entry.name + "': "
                    + previous.className + " and " + entry.className + "; remove one of the jars");
            previous.markUnavailable(clash);
            int n = 2;
            while (found.containsKey(entry.name + " #" + n)) {
                n++;
            }
            found.put(entry.name + " #" + n, new Entry<>(entry.name + " #" + n, entry.className, entry.plugin, clash));
        }
    }

    /** Every discovered plugin, sorted by name, available or not. */
    public List<Entry<P>> entries() {
        return new ArrayList<>(entries.values());
    }

    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public Optional<Entry<P>> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * The plugin with this name, ready to use.
     *
     * @throws PluginException naming the available plugins if there is none by that name, or with the reason
     *                         if it cannot run here
     */
    public P get(String name) {
        Entry<P> e = entries.get(name);
        if (e == null) {
            throw new PluginException("unknown " + kind + " '" + name + "'" + NameSuggestions.didYouMean(name,
                    entries.keySet()) + "; available: " + availableNames() + unavailableNames());
        }
        PluginStatus status = e.status();
        if (!status.available()) {
            throw new PluginException(kind + " '" + name + "' is unavailable: " + status.reason());
        }
        return e.plugin;
    }

    private String availableNames() {
        List<String> names = new ArrayList<>();
        for (Entry<P> e : entries.values()) {
            if (!e.knownBroken()) {
                names.add(e.name);
            }
        }
        return names.isEmpty() ? "(none installed)" : String.join(", ", names);
    }

    /** The plugins known to be broken, each with its reason, or nothing. */
    private String unavailableNames() {
        List<String> names = new ArrayList<>();
        for (Entry<P> e : entries.values()) {
            if (e.knownBroken()) {
                names.add(e.name + " (" + e.status().reason() + ")");
            }
        }
        return names.isEmpty() ? "" : "; unavailable: " + String.join(", ", names);
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        Map<Throwable, Boolean> seen = new LinkedHashMap<>();
        while (t != null && seen.put(t, true) == null) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            String msg = t.getMessage();
            sb.append(msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg);
            t = t.getCause();
        }
        return sb.toString();
    }
}
