package com.twofactor.bench;

import com.twofactor.aws.dynamodb.TableDefinition;
import com.twofactor.aws.testing.Dynalite;
import com.twofactor.aws.testing.FakeEventBridge;
import com.twofactor.aws.testing.FakeKms;
import com.twofactor.aws.testing.FakeSns;
import com.twofactor.lambdaenv.EmulatedAws;
import com.twofactor.lambdaenv.LambdaProcess;
import com.twofactor.lambdaenv.SamFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Lambda benchmark: every function of template.yaml from its shaded jar, and a bare Micronaut
 * API-proxy function as the floor, each in a fresh JVM under the real Lambda runtime interface
 * client with Lambda's JVM flags (the lambda-env harness), one after the other on one shared
 * dynalite table and the in-memory KMS, SNS and EventBridge servers. Per function: init (launch to
 * the runtime's first poll), one cold invoke, then {@code bench.warm} warm invokes of a
 * representative route or trigger, peak RSS, jar size and the AWS calls per warm invoke. Users and
 * an organization are set up beforehand through set-up processes of the enrollment and org
 * functions, which are not measured. Prints the table and writes it to {@code <target>/bench.md}.
 *
 * <p>Run by {@code ./mvnw -B -Pbench verify -pl bench -am -DskipTests}. Not thread-safe.
 */
public final class LambdaBenchmark {
  private static final String FLOOR_HANDLER =
      "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction";
  private static final int DYNAMODB_PROBES = 200;

  private final Path root;
  private final Path target;
  private final int warm;
  private final int cold;
  private final Set<String> only;
  private final String jvmOptions;
  private final boolean referencesPrimed;
  private final SamFunctions template;
  private final Events events;

  private LambdaBenchmark(Path root, Path target, int warm) {
    this.root = root;
    this.target = target;
    this.warm = warm;
    this.cold = Integer.getInteger("bench.cold", 3);
    if (cold < 1) {
      throw new IllegalArgumentException("bench.cold must be at least 1");
    }
    this.only = new HashSet<>(List.of(System.getProperty("bench.only", "").split(",")));
    this.only.remove("");
    this.jvmOptions = System.getProperty("bench.jvmOptions", "");
    this.referencesPrimed = Boolean.getBoolean("bench.referencesPrimed");
    this.template = SamFunctions.load(root);
    this.events = new Events(root.resolve("events"));
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
    Path target = Path.of(args.length > 0 ? args[0] : "bench/target").toAbsolutePath();
    int warm = Integer.getInteger("bench.warm", 200);
    String markdown = new LambdaBenchmark(root, target, warm).run();
    Files.createDirectories(target);
    Path file = target.resolve("bench.md");
    Files.writeString(file, markdown);
    System.out.println();
    System.out.println(markdown);
    System.out.println("Written to " + file);
    // dynalite and the servers' pools hold non-daemon threads; the work is done.
    System.exit(0);
  }

  private String run() {
    long began = System.nanoTime();
    Instant startedAt = Instant.now();
    String loadBefore = loadAverage();
    String table = "two-factor-bench-" + UUID.randomUUID();
    createTable(table);
    try (FakeKms kms = new FakeKms();
        FakeSns sns = new FakeSns();
        FakeEventBridge eventBridge = new FakeEventBridge();
        CountingProxy dynamo = new CountingProxy(Dynalite.endpoint())) {
      EmulatedAws aws =
          new EmulatedAws(
              dynamo.endpoint(), kms.endpoint(), sns.endpoint(), eventBridge.endpoint());
      Counters counters = new Counters(dynamo, kms, sns, eventBridge);

      Fixture fixture = setUp(aws, table);
      copyUserItems(table, fixture.users());
      long dynamoDbCall = dynamoDbCallNanos(dynamo.endpoint(), table);

      List<Result> results = new ArrayList<>();
      List<Workload> workloads = workloads(fixture);
      for (Workload workload : workloads) {
        if (selected(workload, workloads)) {
          Workload reference =
              workloads.stream()
                  .filter(w -> w.id().equals(workload.reference()))
                  .findFirst()
                  .orElse(null);
          results.add(measure(workload, workloads.get(0), reference, aws, table, counters));
        }
      }
      // The floor again at the end: the table compares with the mean of both floor runs.
      results.add(measure(workloads.get(0), workloads.get(0), null, aws, table, counters));
      String header =
          header(startedAt, loadBefore, Duration.ofNanos(System.nanoTime() - began), dynamoDbCall);
      return new Report(header, results).markdown();
    }
  }

  /**
   * The floor always runs; a function if {@code bench.only} is empty or names it; a reference if a
   * function that runs makes its calls.
   */
  private boolean selected(Workload workload, List<Workload> workloads) {
    if (workload.floor()) {
      return true;
    }
    if (workload.function()) {
      return only.isEmpty() || only.contains(workload.id());
    }
    return workloads.stream()
        .anyMatch(
            w -> w.function() && workload.id().equals(w.reference()) && selected(w, workloads));
  }

  /**
   * Copies each user's state item (docs/data-model.md: {@code USER#<id>} / {@code STATE}) to {@code
   * REF#<index>} / {@code STATE}, where the reference function (bench/floor-dynamodb) reads and
   * writes: items of the same size as the ones the functions read and write. Straight to dynalite,
   * so the copies count as no function's calls.
   */
  private static void copyUserItems(String table, List<Users.User> users) {
    try (DynamoDbClient client = dynamoDb(Dynalite.endpoint())) {
      for (int i = 0; i < users.size(); i++) {
        String pk = "USER#" + users.get(i).sub();
        Map<String, AttributeValue> item =
            new HashMap<>(
                client
                    .getItem(
                        b ->
                            b.tableName(table)
                                .consistentRead(true)
                                .key(
                                    Map.of(
                                        "pk",
                                        AttributeValue.fromS(pk),
                                        "sk",
                                        AttributeValue.fromS("STATE"))))
                    .item());
        if (item.isEmpty()) {
          throw new IllegalStateException("no state item for " + pk);
        }
        item.put("pk", AttributeValue.fromS("REF#" + i));
        client.putItem(b -> b.tableName(table).item(item));
      }
    }
  }

  /** The users and the organization the measured invokes act on. */
  private record Fixture(List<Users.User> users, String orgId) {}

  private Fixture setUp(EmulatedAws aws, String table) {
    int count = warm + cold;
    log("set-up: enrolling %d users and creating an organization (not measured)", count);
    // Set-up processes run with the JVM's full JIT (no TieredStopAtLevel=1): each enrolment
    // hashes ten backup codes, and set-up time is not what is measured. Two share the users.
    try (LambdaProcess first =
            setUpProcess(aws, table, "EnrollmentFunction", "setup-enrollment-1");
        LambdaProcess second =
            setUpProcess(aws, table, "EnrollmentFunction", "setup-enrollment-2");
        LambdaProcess orgs = setUpProcess(aws, table, "OrgEnforcementFunction", "setup-org")) {
      CompletableFuture<List<Users.User>> firstHalf =
          CompletableFuture.supplyAsync(
              () -> {
                first.awaitInit();
                return Users.enroll(first, events, count / 2);
              });
      second.awaitInit();
      List<Users.User> users = new ArrayList<>(Users.enroll(second, events, count - count / 2));
      users.addAll(firstHalf.join());
      orgs.awaitInit();
      String orgId =
          (String)
              Events.expect(
                      201,
                      orgs.invoke(
                          events.api("org-enforcement/create-org.json", users.get(0), null)))
                  .json()
                  .get("orgId");
      log("set-up done");
      return new Fixture(List.copyOf(users), orgId);
    }
  }

  private LambdaProcess setUpProcess(EmulatedAws aws, String table, String logicalId, String name) {
    return onDemand(aws.function(template, logicalId, table).javaToolOptions(""), name).start();
  }

  /**
   * One workload per template function, plus the floor: the representative route or trigger, on a
   * different user where the route spends something (a TOTP step, a backup code, the last factor).
   */
  private List<Workload> workloads(Fixture fixture) {
    List<Users.User> users = fixture.users();
    Users.User owner = users.get(0);
    List<Workload> workloads =
        List.of(
            Workload.ofFloor(
                "GET /hello",
                i -> events.api("enrollment/get-status.json", owner, "/hello", "unused", "-"),
                answer -> Events.expect(200, answer)),
            reference(
                Workload.GET_ITEM,
                "GET /items/{index}: GetItem",
                "enrollment/get-status.json",
                owner,
                ""),
            reference(
                Workload.GET_AND_PUT_ITEM,
                "POST /items/{index}: GetItem, conditional PutItem",
                "verification/verify-totp.json",
                owner,
                ""),
            reference(
                Workload.GET_QUERY_BATCH,
                "GET /items/{index}/affiliations/{userId}: GetItem, Query, BatchGetItem",
                "enrollment/get-status.json",
                owner,
                "/affiliations/" + owner.sub()),
            Workload.ofFunction(
                "EnrollmentFunction",
                "GET /two-factor",
                i -> events.api("enrollment/get-status.json", owner, null),
                answer -> Events.expect(200, answer),
                Workload.GET_QUERY_BATCH),
            Workload.ofFunction(
                "VerificationFunction",
                "POST /two-factor/verify (TOTP)",
                i ->
                    events.api(
                        "verification/verify-totp.json",
                        users.get(i),
                        "{\"method\":\"totp\",\"code\":\""
                            + users.get(i).totp(Duration.ZERO)
                            + "\"}"),
                answer -> Events.expect(200, answer),
                Workload.GET_AND_PUT_ITEM),
            Workload.ofFunction(
                "BackupCodesFunction",
                "POST /two-factor/backup-codes/consume",
                i ->
                    events.api(
                        "backup-codes/consume.json",
                        users.get(i),
                        "{\"code\":\"" + users.get(i).backupCodes().get(0) + "\"}"),
                answer -> Events.expect(200, answer),
                Workload.GET_AND_PUT_ITEM),
            Workload.ofFunction(
                "OrgEnforcementFunction",
                "GET /orgs/{orgId}/two-factor",
                i ->
                    events.api(
                        "org-enforcement/get-two-factor.json",
                        owner,
                        "/orgs/" + fixture.orgId() + "/two-factor",
                        "orgId",
                        fixture.orgId()),
                answer -> Events.expect(200, answer),
                null),
            Workload.ofFunction(
                "DefineAuthChallengeFunction",
                "Define: after the password",
                i -> events.cognito("cognito-auth/define-after-password.json", users.get(i), null),
                answer -> expectCognito(answer, "challengeName", v -> "CUSTOM_CHALLENGE".equals(v)),
                Workload.GET_ITEM),
            Workload.ofFunction(
                "CreateAuthChallengeFunction",
                "Create: the code challenge",
                i ->
                    events.cognito("cognito-auth/create-custom-challenge.json", users.get(i), null),
                answer ->
                    expectCognito(
                        answer,
                        "publicChallengeParameters",
                        v -> String.valueOf(v).contains("totp")),
                Workload.GET_ITEM),
            Workload.ofFunction(
                "VerifyAuthChallengeFunction",
                "Verify: a TOTP answer",
                i ->
                    events.cognito(
                        "cognito-auth/verify-code.json",
                        users.get(i),
                        users.get(i).totp(Users.NEXT_STEP)),
                answer -> expectCognito(answer, "answerCorrect", Boolean.TRUE::equals),
                Workload.GET_AND_PUT_ITEM),
            Workload.ofFunction(
                "DisableFunction",
                "POST /two-factor/disable (backup-code proof)",
                i ->
                    events.api(
                        "disable/disable-all.json",
                        users.get(i),
                        "{\"verification\":{\"method\":\"backup_code\",\"code\":\""
                            + users.get(i).backupCodes().get(1)
                            + "\"}}"),
                answer -> Events.expect(200, answer),
                null),
            Workload.ofFunction(
                "SecurityEventsFunction",
                "DynamoDB stream batch (events/)",
                i -> events.raw("security-events/stream-batch.json"),
                answer ->
                    check(
                        answer,
                        String.valueOf(Events.parse(answer).get("batchItemFailures")).equals("[]")),
                null));
    Set<String> unknown = new TreeSet<>(only);
    unknown.removeAll(template.functions().keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "bench.only names no function of template.yaml: " + unknown);
    }
    Set<String> measured = new HashSet<>();
    workloads.stream().filter(Workload::function).forEach(w -> measured.add(w.id()));
    if (!measured.equals(template.functions().keySet())) {
      throw new IllegalStateException(
          "the benchmark must measure every function of template.yaml: it measures "
              + new TreeSet<>(measured)
              + ", the template has "
              + new TreeSet<>(template.functions().keySet()));
    }
    return workloads;
  }

  /**
   * A reference workload (bench/floor-dynamodb): the {@code i}-th invoke is the event of {@code
   * eventFile} (for its method) sent to {@code /items/<i><suffix>}, acting on copy {@code REF#<i>}.
   */
  private Workload reference(
      String id, String operation, String eventFile, Users.User caller, String suffix) {
    return Workload.ofReference(
        id,
        operation,
        i -> events.api(eventFile, caller, "/items/" + i + suffix, "index", Integer.toString(i)),
        answer -> Events.expect(200, answer));
  }

  /**
   * One function's (or reference's) cold starts, each paired with one of the floor, and warm
   * invokes; with {@code reference} (the floor plus the function's DynamoDB calls, a second
   * instance of a reference itself, or null) running beside the warm ones, invoke for invoke.
   */
  private Result measure(
      Workload workload,
      Workload floor,
      Workload reference,
      EmulatedAws aws,
      String table,
      Counters counters) {
    Path jar = jar(workload);
    String name = workload.name();
    log("%s: %s", name, workload.operation());
    long[] inits = new long[cold];
    long[] firstInvokes = new long[cold];
    long[] pairedFloorColds = new long[workload.floor() ? 0 : cold];
    long[] coldCpus = new long[cold];
    long[] pairedFloorCpus = new long[workload.floor() ? 0 : cold];
    // Cold starts one after the other, each a fresh JVM with one invoke, each right after a cold
    // start of the floor (paired, so a slow spell of the machine slows both); the warm invokes go
    // to the last one. Each invoke acts on its own user (index), as a TOTP step or code works once.
    for (int k = 0; ; k++) {
      if (!workload.floor()) {
        try (LambdaProcess floorProcess = start(floor, aws, table)) {
          long init = floorProcess.awaitInit().toNanos();
          long t0 = System.nanoTime();
          floor.check().accept(floorProcess.invoke(floor.event().apply(k)));
          pairedFloorColds[k] = init + System.nanoTime() - t0;
          pairedFloorCpus[k] = cpuNanos(floorProcess);
        }
      }
      LambdaProcess process = start(workload, aws, table);
      try {
        inits[k] = process.awaitInit().toNanos();
        String coldEvent = workload.event().apply(k);
        long t0 = System.nanoTime();
        String coldAnswer = process.invoke(coldEvent);
        firstInvokes[k] = System.nanoTime() - t0;
        coldCpus[k] = cpuNanos(process);
        workload.check().accept(coldAnswer);
        if (k == cold - 1) {
          Colds colds = new Colds(inits, firstInvokes, pairedFloorColds, coldCpus, pairedFloorCpus);
          if (reference == null) {
            return warm(workload, process, jar, colds, null, counters);
          }
          try (LambdaProcess referenceProcess = start(reference, aws, table)) {
            referenceProcess.awaitInit();
            reference.check().accept(referenceProcess.invoke(reference.event().apply(k)));
            return warm(
                workload, process, jar, colds, new Beside(reference, referenceProcess), counters);
          }
        }
      } finally {
        process.close();
      }
    }
  }

  /** A reference's process, its warm invokes alternating with the measured one's. */
  private record Beside(Workload workload, LambdaProcess process) {}

  /**
   * The warm invokes; with {@code beside} (or null), each next to one of the reference, so a slow
   * spell of the machine or of dynalite (whose table grows as the run goes on) slows both: the
   * function's first, then the reference's, then the other way round, and so on, so neither always
   * runs while the other's JIT compiles what the invoke before it ran. Only the function's own
   * invokes' calls are counted.
   */
  private Result warm(
      Workload workload,
      LambdaProcess process,
      Path jar,
      Colds colds,
      Beside beside,
      Counters counters) {
    Map<String, Long> calls = new HashMap<>();
    long[] warmNanos = new long[warm];
    long[] ownDynamoDbNanos = new long[warm];
    long[] referenceNanos = new long[beside == null ? 0 : warm];
    for (int i = 0; i < warm; i++) {
      if (beside != null && i % 2 == 1) {
        referenceNanos[i] = invokeBeside(beside, cold + i);
      }
      String event = workload.event().apply(cold + i);
      Map<String, Long> before = counters.snapshot();
      long dynamoDbBefore = counters.dynamoDbBusyNanos();
      long start = System.nanoTime();
      String answer = process.invoke(event);
      warmNanos[i] = System.nanoTime() - start;
      ownDynamoDbNanos[i] = counters.dynamoDbBusyNanos() - dynamoDbBefore;
      Counters.difference(before, counters.snapshot())
          .forEach((k, v) -> calls.merge(k, v, Long::sum));
      workload.check().accept(answer);
      if (beside != null && i % 2 == 0) {
        referenceNanos[i] = invokeBeside(beside, cold + i);
      }
    }
    Result result =
        new Result(
            workload,
            colds.inits(),
            colds.firstInvokes(),
            colds.pairedFloorColds(),
            colds.cpus(),
            colds.pairedFloorCpus(),
            warmNanos,
            ownDynamoDbNanos,
            referenceNanos,
            process.peakResidentSetBytes(),
            fileSize(jar),
            calls);
    log(
        "  init %s ms, first invoke %s ms, CPU to then %s ms, warm p50 %.2f ms, p99 %.2f ms,"
            + " calls %s",
        millis(colds.inits()),
        millis(colds.firstInvokes()),
        millis(colds.cpus()),
        result.warmPercentile(50) / 1e6,
        result.warmPercentile(99) / 1e6,
        calls);
    return result;
  }

  /** The reference's invoke {@code index}, checked; its latency in nanoseconds. */
  private static long invokeBeside(Beside beside, int index) {
    String event = beside.workload().event().apply(index);
    long start = System.nanoTime();
    String answer = beside.process().invoke(event);
    long nanos = System.nanoTime() - start;
    beside.workload().check().accept(answer);
    return nanos;
  }

  /** The cold starts' figures, in nanoseconds, one per cold start (the floor's paired ones too). */
  private record Colds(
      long[] inits,
      long[] firstInvokes,
      long[] pairedFloorColds,
      long[] cpus,
      long[] pairedFloorCpus) {}

  /** The process's CPU time so far; the benchmark needs Linux's {@code /proc} for it. */
  private static long cpuNanos(LambdaProcess process) {
    long nanos = process.cpuNanos();
    if (nanos < 0) {
      throw new IllegalStateException("no CPU time for process " + process.pid() + " in /proc");
    }
    return nanos;
  }

  private static String millis(long[] nanos) {
    return Arrays.stream(nanos)
        .mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6))
        .collect(java.util.stream.Collectors.joining("/"));
  }

  /** The jar a workload runs: the floor's, or the one template.yaml points the function at. */
  private Path jar(Workload workload) {
    if (workload.floor()) {
      return root.resolve("bench/floor/target/bench-floor.jar");
    }
    if (workload.isReference()) {
      return root.resolve("bench/floor-dynamodb/target/bench-floor-dynamodb.jar");
    }
    return template.function(workload.id()).jar();
  }

  private LambdaProcess start(Workload workload, EmulatedAws aws, String table) {
    if (workload.floor()) {
      return onDemand(
              LambdaProcess.builder(jar(workload), FLOOR_HANDLER)
                  .memoryMb(template.function("EnrollmentFunction").memoryMb())
                  .javaToolOptions(javaToolOptions(workload.name())),
              workload.name())
          .start();
    }
    if (workload.isReference()) {
      // Configured as EmulatedAws configures a function: the run's table, region and endpoint.
      return onDemand(
              LambdaProcess.builder(jar(workload), FLOOR_HANDLER)
                  .region(EmulatedAws.REGION)
                  .memoryMb(template.function("EnrollmentFunction").memoryMb())
                  .javaToolOptions(javaToolOptions(workload.name()))
                  .systemProperty("reference.region", EmulatedAws.REGION)
                  .systemProperty("reference.table", table)
                  .systemProperty("reference.dynamodb-endpoint", aws.dynamodb().toString())
                  .systemProperty("reference.primed", Boolean.toString(referencesPrimed)),
              workload.name())
          .start();
    }
    return start(aws, table, workload.id(), workload.id());
  }

  private LambdaProcess start(EmulatedAws aws, String table, String logicalId, String name) {
    return onDemand(
            aws.function(template, logicalId, table).javaToolOptions(javaToolOptions(name)), name)
        .start();
  }

  /**
   * template.yaml's {@code JAVA_TOOL_OPTIONS}, plus {@code -Dbench.jvmOptions} for a look inside
   * (e.g. {@code -Xlog:class+load:file=/tmp/{name}.log}; {@code {name}} is the function's name).
   */
  private String javaToolOptions(String name) {
    return (template.javaToolOptions() + " " + jvmOptions.replace("{name}", name)).trim();
  }

  /**
   * An on-demand function (no SnapStart snapshot): access keys in the environment, as Lambda gives
   * them, and its own task root and log under {@code target/bench-work}.
   */
  private LambdaProcess.Builder onDemand(LambdaProcess.Builder builder, String name) {
    return builder
        .functionName("two-factor-bench-" + name)
        .env("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
        .env("AWS_ACCESS_KEY_ID", "ASIABENCHMARK0000000")
        .env("AWS_SECRET_ACCESS_KEY", "bench-secret")
        .env("AWS_SESSION_TOKEN", "bench-session-token")
        .workDir(target.resolve("bench-work"));
  }

  /** The round trip of one DynamoDB GetItem through the counting proxy, p50, from this JVM. */
  private static long dynamoDbCallNanos(java.net.URI endpoint, String table) {
    try (DynamoDbClient client = dynamoDb(endpoint)) {
      Map<String, AttributeValue> key =
          Map.of("pk", AttributeValue.fromS("USER#probe"), "sk", AttributeValue.fromS("probe"));
      long[] nanos = new long[DYNAMODB_PROBES];
      for (int i = -50; i < DYNAMODB_PROBES; i++) {
        long start = System.nanoTime();
        client.getItem(b -> b.tableName(table).key(key));
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      return nanos[DYNAMODB_PROBES / 2 - 1];
    }
  }

  private static void createTable(String table) {
    try (DynamoDbClient client = dynamoDb(Dynalite.endpoint())) {
      client.createTable(TableDefinition.createRequest(table));
    }
  }

  private static DynamoDbClient dynamoDb(java.net.URI endpoint) {
    return DynamoDbClient.builder()
        .region(Region.of(EmulatedAws.REGION))
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
  }

  private String header(Instant startedAt, String loadBefore, Duration took, long dynamoDbCall) {
    SamFunctions.Function api = template.function("EnrollmentFunction");
    return String.format(
        Locale.ROOT,
        "Lambda benchmark, %s UTC: %d cores (%s), %s %s, JDK %s (%s), load average %s at the"
            + " start and %s at the end; the run took %d s.%n%n"
            + "Each function in its own JVM under aws-lambda-java-runtime-interface-client against"
            + " a local Runtime API, with Lambda's java21 flags (-XX:MaxHeapSize=85%% of"
            + " MemorySize, e.g. %d MB at %d MB; -XX:+UseSerialGC -Xshare:auto; and, standing in"
            + " for the sandbox's memory, -XX:MaxRAM = MemorySize) and template.yaml's"
            + " JAVA_TOOL_OPTIONS (%s); on-demand init (no SnapStart); %d cold starts (a fresh JVM"
            + " and one invoke each; the table shows their medians), then %d warm invokes."
            + " DynamoDB is dynalite behind a counting proxy (one GetItem from the benchmark's JVM"
            + " through it: p50 %.2f ms); KMS, SNS and EventBridge are in-memory servers. Init ="
            + " process launch to the runtime's first poll for an event.%n",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(startedAt),
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        loadBefore,
        loadAverage(),
        took.toSeconds(),
        api.memoryMb() * 85 / 100,
        api.memoryMb(),
        template.javaToolOptions().trim(),
        cold,
        warm,
        dynamoDbCall / 1e6);
  }

  private static Map<String, Object> cognitoResponse(String answer) {
    Map<String, Object> response = Events.cognitoResponse(answer);
    if (response == null) {
      throw new IllegalStateException("no response in " + answer);
    }
    return response;
  }

  private static void expectCognito(
      String answer, String field, java.util.function.Predicate<Object> expected) {
    check(answer, expected.test(cognitoResponse(answer).get(field)));
  }

  private static void check(String answer, boolean ok) {
    if (!ok) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(file + " does not exist: build it first", e);
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + "/" + parts[1] + "/" + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU";
    }
  }

  private static void log(String format, Object... args) {
    System.out.println(
        "[bench "
            + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
            + "] "
            + String.format(Locale.ROOT, format, args));
  }
}
