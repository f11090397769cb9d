package com.twofactor.lambdaenv;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One function's deployable jar running as Lambda runs it: a child JVM whose system class path is
 * the Lambda runtime interface client (as {@code /var/runtime/lib} is), whose task root holds the
 * jar under {@code lib/} (Lambda unpacks the jar template.yaml names into {@code /var/task}, and
 * its runtime reads classes from that directory and from the jars under {@code lib/}; in paired
 * benchmark runs, unpacked, an API function started about 5% slower and the others alike), started
 * with Lambda's JVM flags and only the environment Lambda sets (the parent's environment is not
 * inherited), talking to its own {@link RuntimeApiServer}. Output goes to a log file next to the
 * task root.
 *
 * <p>Built for reuse by benchmarks: {@link #invoke} is synchronous per call, {@link #pid()} and
 * {@link #residentSetBytes()} expose the process. Not thread-safe: one caller drives one process.
 */
public final class LambdaProcess implements AutoCloseable {
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final RuntimeApiServer runtimeApi;
  private final Path log;
  private final long startedNanos;

  private LambdaProcess(Process process, RuntimeApiServer runtimeApi, Path log, long startedNanos) {
    this.process = process;
    this.runtimeApi = runtimeApi;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  /** A process for {@code jar}'s {@code handler} (as template.yaml names it). */
  public static Builder builder(Path jar, String handler) {
    return new Builder(jar, handler);
  }

  /**
   * Sends {@code eventJson} and waits for the answer; fails with the function's error or init
   * error, or the log's tail when the process died.
   */
  public String invoke(String eventJson) {
    CompletableFuture<String> answer = runtimeApi.invoke(eventJson);
    long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
    while (true) {
      try {
        return answer.get(250, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the function process exited with " + process.exitValue() + ":\n" + logTail());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no answer in " + ANSWER_TIMEOUT + ":\n" + logTail());
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "the function failed: " + e.getCause().getMessage() + "\n" + logTail(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Waits until the runtime polls for its first event and returns how long that took from the
   * moment the process was launched: the init duration (JVM start, runtime client start, handler
   * class load and construction). Fails with the init error or the log's tail when init fails.
   */
  public Duration awaitInit() {
    long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
    while (true) {
      try {
        return Duration.ofNanos(
            runtimeApi.firstPoll().get(50, TimeUnit.MILLISECONDS) - startedNanos);
      } catch (TimeoutException notYet) {
        if (runtimeApi.initError().isPresent() || !process.isAlive()) {
          throw new IllegalStateException(
              "init failed: " + runtimeApi.initError().orElse("(exited)") + "\n" + logTail());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no init in " + ANSWER_TIMEOUT + ":\n" + logTail());
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The runtime API this process talks to (init errors, SnapStart restores). */
  public RuntimeApiServer runtimeApi() {
    return runtimeApi;
  }

  public long pid() {
    return process.pid();
  }

  /** The process's resident set size now (Linux {@code /proc}); -1 where it cannot be read. */
  public long residentSetBytes() {
    return statusBytes("VmRSS:");
  }

  /** The process's peak resident set size so far ({@code VmHWM}); -1 where it cannot be read. */
  public long peakResidentSetBytes() {
    return statusBytes("VmHWM:");
  }

  /**
   * The CPU time the process has used so far, all its threads (the JIT compiler's and the garbage
   * collector's among them), user and system, in nanoseconds at the kernel's 10 ms tick (Linux
   * {@code /proc/<pid>/stat}); -1 where it cannot be read.
   */
  public long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: state is
      // the 3rd field of the line, utime the 14th and stime the 15th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      // USER_HZ, the unit of these fields, is 100 on the Linux architectures the JDK runs on.
      return ticks * TimeUnit.MILLISECONDS.toNanos(10);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private long statusBytes(String field) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
      return lines
          .filter(l -> l.startsWith(field))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
          .findFirst()
          .orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The last lines of the process's output. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    runtimeApi.close();
  }

  /** What to start; {@link #start()} launches it. */
  public static final class Builder {
    private final Path jar;
    private final String handler;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private String functionName = "function";
    private String region = "us-east-1";
    private int memoryMb = 1024;
    private String javaToolOptions = "";
    private Path workDir = Path.of("target", "lambda-env");

    private Builder(Path jar, String handler) {
      this.jar = jar;
      this.handler = handler;
    }

    public Builder functionName(String functionName) {
      this.functionName = functionName;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder memoryMb(int memoryMb) {
      this.memoryMb = memoryMb;
      return this;
    }

    /** {@code JAVA_TOOL_OPTIONS} as template.yaml sets it. */
    public Builder javaToolOptions(String javaToolOptions) {
      this.javaToolOptions = javaToolOptions;
      return this;
    }

    /** A variable the function's configuration or the runtime sets. */
    public Builder env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public Builder env(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** A {@code -D} flag, for test-only settings such as emulator endpoints. */
    public Builder systemProperty(String name, String value) {
      systemProperties.put(name, value);
      return this;
    }

    /** Where the task root and the log go. */
    public Builder workDir(Path workDir) {
      this.workDir = workDir;
      return this;
    }

    public LambdaProcess start() {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar + " does not exist: build the function modules first (./mvnw verify)");
      }
      String arn = "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
      RuntimeApiServer runtimeApi = new RuntimeApiServer(arn + ":live");
      try {
        Path dir = Files.createDirectories(workDir.toAbsolutePath().resolve(functionName));
        Path taskRoot = dir.resolve("task");
        // A fresh task root each time: the class loader reads its top directory before lib/, so a
        // file left there by another run would shadow the jar's class of the same name.
        deleteTree(taskRoot);
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(jar, lib.resolve(jar.getFileName()));
        Path log = dir.resolve("process.log");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What Lambda's java21 runtime passes besides JAVA_TOOL_OPTIONS.
        command.add("-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        // Not a flag Lambda passes: it stands in for the memory the JVM finds in a sandbox of this
        // size, so its other defaults (the initial heap, a 64th of it) follow from that, not from
        // this machine's memory.
        command.add("-XX:MaxRAM=" + memoryMb + "m");
        command.add("-Djava.net.preferIPv4Stack=true");
        // The client would unpack its native library to one fixed /tmp path; processes started
        // together (each with its own /tmp on Lambda) would overwrite it under each other.
        command.add("-D" + NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary(workDir));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(runtimeClassPath());
        command.add(AWSLambda.class.getName());
        command.add(handler);

        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.hostAndPort());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        if (!"snap-start".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
          // Lambda leaves these out of SnapStart functions.
          env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
          env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[1]lambdaenvtest");
        }
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        env.putAll(environment);
        long startedNanos = System.nanoTime();
        return new LambdaProcess(builder.start(), runtimeApi, log, startedNanos);
      } catch (IOException | RuntimeException e) {
        runtimeApi.close();
        throw new IllegalStateException("could not start " + functionName, e);
      }
    }

    private static void deleteTree(Path root) throws IOException {
      if (Files.exists(root)) {
        try (Stream<Path> paths = Files.walk(root)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }

    private static final String NATIVE_LIBRARY_PROPERTY =
        "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static Path nativeLibrary;

    /** The client's JNI library for this machine, unpacked once per test JVM. */
    private static synchronized Path nativeLibrary(Path workDir) throws IOException {
      if (nativeLibrary == null) {
        String arch = System.getProperty("os.arch");
        String name =
            arch.equals("aarch64")
                ? "libaws-lambda-jni.linux-aarch_64.so"
                : "libaws-lambda-jni.linux-x86_64.so";
        Path target =
            Files.createDirectories(workDir.toAbsolutePath().resolve("jni"))
                .resolve(ProcessHandle.current().pid() + "-" + name);
        try (var in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
          if (in == null) {
            throw new IllegalStateException(name + " is not in the runtime interface client jar");
          }
          Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        nativeLibrary = target;
      }
      return nativeLibrary;
    }

    /** The runtime interface client and its two dependencies, from this JVM's class path. */
    private static String runtimeClassPath() {
      return Stream.of(AWSLambda.class, Context.class, PojoSerializer.class)
          .map(LambdaProcess.Builder::jarOf)
          .distinct()
          .collect(Collectors.joining(File.pathSeparator));
    }

    private static String jarOf(Class<?> type) {
      try {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (Exception e) {
        throw new IllegalStateException("cannot locate the jar of " + type, e);
      }
    }
  }
}
