package com.twofactor.lambdaenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a deployable jar may not hold, checked entry by entry: a class of the test kit (in-memory
 * ports, a local cipher, a mutable clock), or, in a function that takes no HTTP, the Micronaut HTTP
 * server or the API Gateway proxy. Each method answers the offending entries (empty: none), so
 * {@link FunctionJarsIT} can name them. Stateless.
 */
final class FunctionJars {
  /** Packages a function taking no HTTP (the Cognito triggers) must not carry. */
  static final List<String> HTTP_STACK =
      List.of("io/micronaut/http/server/", "io/micronaut/function/aws/proxy/");

  private FunctionJars() {}

  /** The class entries of the testkit module, as they would appear in a jar. */
  static Set<String> testkitClasses(Class<?> anyTestkitClass) {
    Path location;
    try {
      location =
          Path.of(anyTestkitClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Set<String> classes = new TreeSet<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files
              .filter(file -> file.toString().endsWith(".class"))
              .forEach(
                  file -> classes.add(location.relativize(file).toString().replace('\\', '/')));
        }
      } else {
        classes.addAll(entries(location, ".class"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classes;
  }

  /** The entries of {@code jar} that are also testkit classes. */
  static List<String> testkitClassesIn(Path jar, Collection<String> testkitClasses) {
    Set<String> entries = entries(jar, ".class");
    return testkitClasses.stream().filter(entries::contains).toList();
  }

  /** The entries of {@code jar} under any of {@code prefixes}. */
  static List<String> entriesUnder(Path jar, Collection<String> prefixes) {
    List<String> found = new ArrayList<>();
    for (String entry : entries(jar, "")) {
      if (prefixes.stream().anyMatch(entry::startsWith)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** One entry's bytes; empty if the jar has no such entry. */
  static byte[] entry(Path jar, String name) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        return new byte[0];
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> entries(Path jar, String suffix) {
    Set<String> names = new TreeSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(suffix)).forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
    return names;
  }
}
