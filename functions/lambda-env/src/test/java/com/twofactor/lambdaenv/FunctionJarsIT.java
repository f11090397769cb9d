package com.twofactor.lambdaenv;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.ports.InMemoryPortsFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable jars template.yaml points at (every {@code CodeUri}) hold only what their function
 * runs: no test-kit class, no HTTP server or API proxy in the Cognito triggers' jar, each within
 * the one size budget ({@code function.jar.max-bytes}, at most 18 MB), each with the one shared
 * logback.xml and the shared defaults. Runs after {@code package}, so a function module that pulls
 * the test kit or the HTTP stack into its jar fails {@code verify}.
 */
@Tag("lambda")
class FunctionJarsIT {
  private static Path root;
  private static Set<Path> jars;
  private static Set<String> testkit;

  @BeforeAll
  static void readTemplate() {
    root = Path.of(System.getProperty("project.root"));
    jars =
        SamFunctions.load(root).functions().values().stream()
            .map(SamFunctions.Function::jar)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    testkit = FunctionJars.testkitClasses(MutableClock.class);
  }

  @Test
  void theTemplate_pointsAtEveryFunctionJar() {
    assertThat(jars.stream().map(jar -> jar.getFileName().toString()))
        .containsExactlyInAnyOrder(
            "enrollment.jar",
            "verification.jar",
            "backup-codes.jar",
            "disable.jar",
            "org-enforcement.jar",
            "cognito-auth.jar",
            "security-events.jar");
    assertThat(jars).allMatch(Files::isRegularFile);
  }

  @Test
  void noFunctionJar_holdsATestkitClass() {
    assertThat(testkit)
        .contains(
            entryOf(MutableClock.class),
            entryOf(InMemoryPortsFactory.class),
            "com/twofactor/testkit/InMemoryTwoFactorStore.class");
    for (Path jar : jars) {
      assertThat(FunctionJars.testkitClassesIn(jar, testkit))
          .as("testkit classes in %s", jar)
          .isEmpty();
    }
  }

  @Test
  void cognitoJar_holdsNoHttpServerNorApiProxy() {
    List<Path> cognito =
        SamFunctions.load(root).functions().values().stream()
            .filter(function -> function.handler().startsWith("com.twofactor.cognitoauth."))
            .map(SamFunctions.Function::jar)
            .distinct()
            .toList();

    assertThat(cognito).hasSize(1);
    assertThat(FunctionJars.entriesUnder(cognito.get(0), FunctionJars.HTTP_STACK)).isEmpty();
  }

  @Test
  void everyJar_fitsItsSizeBudget() throws IOException {
    long budget = Long.parseLong(System.getProperty("function.jar.max-bytes"));
    assertThat(budget).isLessThanOrEqualTo(18_000_000L);
    for (SamFunctions.Function function : SamFunctions.load(root).functions().values()) {
      assertThat(Files.size(function.jar()))
          .as("size of %s", function.jar())
          .isLessThanOrEqualTo(budget);
    }
  }

  @Test
  void everyJar_carriesTheSharedLogbackXmlAndDefaults() throws IOException {
    byte[] logback = Files.readAllBytes(wiring("logback.xml"));
    Set<String> sharedKeys = keys(Files.newInputStream(wiring("two-factor-defaults.properties")));
    for (Path jar : jars) {
      assertThat(FunctionJars.entry(jar, "logback.xml"))
          .as("logback.xml of %s", jar)
          .isEqualTo(logback);
      Set<String> keys =
          keys(
              new java.io.ByteArrayInputStream(
                  FunctionJars.entry(jar, "two-factor-defaults.properties")));
      assertThat(keys).as("shared defaults in %s", jar).containsAll(sharedKeys);
    }
  }

  /** The check itself: a testkit class or an HTTP-server class planted in a jar is found. */
  @Test
  void theChecks_findWhatIsPlantedInAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("planted.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name :
          List.of(
              "com/twofactor/core/Clean.class",
              entryOf(MutableClock.class),
              "io/micronaut/http/server/RouteExecutor.class")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(name.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }

    assertThat(FunctionJars.testkitClassesIn(jar, testkit))
        .containsExactly(entryOf(MutableClock.class));
    assertThat(FunctionJars.entriesUnder(jar, FunctionJars.HTTP_STACK))
        .containsExactly("io/micronaut/http/server/RouteExecutor.class");
  }

  private static Path wiring(String resource) {
    return root.resolve("functions/wiring/src/main/resources").resolve(resource);
  }

  private static Set<String> keys(InputStream in) throws IOException {
    try (in) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.stringPropertyNames();
    }
  }

  private static String entryOf(Class<?> type) {
    return type.getName().replace('.', '/') + ".class";
  }
}
