package dev.digits.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.experiment.Plugins;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark, the app and every backend on one class path: the versions we align in dependencyManagement agree. */
class ClassPathTest {

    @Test
    void everyBackendAndBothEnginesAreAvailableBesideSpark() {
        Plugins plugins = Plugins.discover(getClass().getClassLoader());
        for (String backend : List.of("dl4j", "tensorflow", "tribuo")) {
            PluginRegistry.Entry<?> e = plugins.backends().entry(backend).orElseThrow();
            assertTrue(e.status().available(), backend + ": " + e.status());
        }
        assertEquals(List.of("local", "spark"), plugins.engines().names());
        assertTrue(plugins.engines().entry("spark").orElseThrow().status().available());
    }

    @Test
    void sparksJacksonScalaModuleAcceptsOurJacksonVersion() {
        // jackson-module-scala refuses a jackson-databind of another minor version when it is registered
        ObjectMapper mapper = new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
        assertEquals(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion(),
                com.fasterxml.jackson.module.scala.JacksonModule$.MODULE$.version().getMinorVersion());
        assertTrue(mapper.getRegisteredModuleIds().stream().anyMatch(id -> id.toString().contains("Scala")),
                mapper.getRegisteredModuleIds().toString());
    }
}
