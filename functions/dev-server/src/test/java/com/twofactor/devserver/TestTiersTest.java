package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class names its tier, so that {@code ./mvnw verify -Dgroups=<tier>} runs exactly that
 * tier (README "Test tiers"): a class without a tier tag would silently drop out of every tier run,
 * and a misspelt tag would make a tier of its own. Reads the test sources of every module (and of
 * {@code bench}, should it get tests).
 */
@Tag("unit")
class TestTiersTest {
  static final Set<String> TIERS =
      Set.of("unit", "dynalite", "lambda", "docker", "browser", "fuzz");

  /** Annotations that make a class a test class, as JUnit 5 and Jazzer see it. */
  private static final Pattern TEST_METHOD =
      Pattern.compile(
          "@(Test|ParameterizedTest|FuzzTest|TestFactory|RepeatedTest|TestTemplate)\\b");

  /** The top-level class declaration, with the modifiers that may precede it. */
  private static final Pattern DECLARATION =
      Pattern.compile("(?m)^((?:public |final |abstract )*)class (\\w+)");

  /**
   * Surefire's and failsafe's default includes by suffix; helpers named {@code Test*} without a
   * test method of their own (TestClockFactory, TestLambdaContext) run nothing.
   */
  private static final Pattern RUN_BY_NAME = Pattern.compile("\\w*(Tests?|TestCase|IT)");

  private static final Pattern TAG = Pattern.compile("@Tag\\(\"([^\"]*)\"\\)");

  @Test
  void everyTestClassCarriesExactlyOneKnownTierTag() {
    TreeMap<String, String> problems = new TreeMap<>();
    List<String> classes = testClasses();
    for (String file : classes) {
      String source = read(file);
      Matcher declaration = DECLARATION.matcher(source);
      declaration.find();
      List<String> classTags = tags(source.substring(0, declaration.start()));
      if (classTags.size() != 1) {
        problems.put(file, "class-level tier tags " + classTags + ", expected one of " + TIERS);
      }
      for (String tag : tags(source)) {
        if (!TIERS.contains(tag)) {
          problems.put(file, "unknown tag \"" + tag + "\", expected one of " + TIERS);
        }
      }
    }
    assertThat(problems).as("test classes without exactly one known tier tag").isEmpty();
    // The scan itself must see the tree: the tiers of a few known classes.
    assertThat(classes)
        .hasSizeGreaterThan(50)
        .contains(
            "functions/dev-server/src/test/java/com/twofactor/devserver/TestTiersTest.java",
            "functions/lambda-env/src/test/java/com/twofactor/lambdaenv/LambdaEnvironmentIT.java",
            "functions/fuzz/src/test/java/com/twofactor/fuzz/ApiFuzzTest.java");
  }

  @Test
  void theTiersOfKnownClassesFollowWhatTheyNeed() {
    assertThat(classTag("functions/aws/src/test/java/com/twofactor/aws/flow/SmsOnAwsTest.java"))
        .isEqualTo("dynalite");
    assertThat(
            classTag(
                "functions/aws/src/test/java/com/twofactor/aws/localstack/LocalStackTotpFlowTest.java"))
        .isEqualTo("docker");
    assertThat(
            classTag(
                "functions/dev-server/src/test/java/com/twofactor/devserver/browser/SignInBrowserTest.java"))
        .isEqualTo("browser");
    assertThat(
            classTag(
                "functions/lambda-env/src/test/java/com/twofactor/lambdaenv/LambdaEnvironmentIT.java"))
        .isEqualTo("lambda");
    assertThat(classTag("functions/fuzz/src/test/java/com/twofactor/fuzz/ApiFuzzTest.java"))
        .isEqualTo("fuzz");
    assertThat(classTag("functions/core/src/test/java/com/twofactor/core/totp/TotpTest.java"))
        .isEqualTo("unit");
  }

  /**
   * Concrete top-level classes that JUnit runs: with a test method of their own, or named as the
   * plugins include them (subclasses of an abstract contract such as {@code ApiEventsContract}).
   * Abstract contracts are left out: their subclasses carry the tier.
   */
  private static List<String> testClasses() {
    Path root = root();
    List<Path> sourceRoots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
      modules
          .map(m -> m.resolve("src/test/java"))
          .filter(Files::isDirectory)
          .forEach(sourceRoots::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (Files.isDirectory(root.resolve("bench/src/test/java"))) {
      sourceRoots.add(root.resolve("bench/src/test/java"));
    }
    List<String> classes = new ArrayList<>();
    for (Path sourceRoot : sourceRoots) {
      try (Stream<Path> files = Files.walk(sourceRoot)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .forEach(
                f -> {
                  String source = read(root.relativize(f).toString());
                  Matcher declaration = DECLARATION.matcher(source);
                  if (!declaration.find() || declaration.group(1).contains("abstract")) {
                    return;
                  }
                  if (TEST_METHOD.matcher(source).find()
                      || RUN_BY_NAME.matcher(declaration.group(2)).matches()) {
                    classes.add(root.relativize(f).toString().replace('\\', '/'));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  private static String classTag(String file) {
    String source = read(file);
    Matcher declaration = DECLARATION.matcher(source);
    assertThat(declaration.find()).as(file).isTrue();
    List<String> tags = tags(source.substring(0, declaration.start()));
    assertThat(tags).as(file).hasSize(1);
    return tags.get(0);
  }

  private static List<String> tags(String source) {
    List<String> tags = new ArrayList<>();
    Matcher tag = TAG.matcher(source);
    while (tag.find()) {
      tags.add(tag.group(1));
    }
    return tags;
  }

  private static String read(String file) {
    try {
      return Files.readString(root().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root"));
  }
}
