package com.twofactor.wiring;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.io.ResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every {@value #RESOURCE} on the class path into one property source that ranks just below
 * {@code application.properties}: the settings all functions share are written once (here, and the
 * API functions' CORS and internal callers in the apigateway module), and a function's own {@code
 * application.properties} says only what differs, overriding a default where it must. Micronaut
 * itself reads only the first {@code application.properties} it finds, which is why the shared file
 * has a name of its own. A shaded jar holds one {@value #RESOURCE}: function-parent.xml appends the
 * modules' files.
 *
 * <p>Registered in {@code META-INF/services}. Thread-safe (stateless).
 */
public final class ModuleDefaults extends PropertiesPropertySourceLoader {
  /** The resource each module may contribute; keys must not repeat across modules. */
  public static final String RESOURCE = "two-factor-defaults.properties";

  /** Below {@code application.properties}, which ranks at {@link #DEFAULT_POSITION}. */
  static final int ORDER = DEFAULT_POSITION - 10;

  @Override
  public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
    Map<String, Object> merged = new LinkedHashMap<>();
    List<URL> resources = resourceLoader.getResources(RESOURCE).toList();
    for (URL resource : resources) {
      try (InputStream in = resource.openStream()) {
        merged.putAll(read(RESOURCE, in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return merged.isEmpty()
        ? Optional.empty()
        : Optional.of(createPropertySource("two-factor-defaults", merged, ORDER));
  }

  /** Defaults do not vary by environment. */
  @Override
  public Optional<PropertySource> loadEnv(
      String resourceName, ResourceLoader resourceLoader, ActiveEnvironment activeEnvironment) {
    return Optional.empty();
  }

  /** None: this loader is never the one for a configuration file named by its extension. */
  @Override
  public Set<String> getExtensions() {
    return Set.of();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
