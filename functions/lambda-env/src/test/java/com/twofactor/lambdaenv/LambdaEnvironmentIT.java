package com.twofactor.lambdaenv;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.dynamodb.TableDefinition;
import com.twofactor.aws.testing.Dynalite;
import com.twofactor.aws.testing.FakeEventBridge;
import com.twofactor.aws.testing.FakeKms;
import com.twofactor.aws.testing.FakeSns;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every function of template.yaml, from its shaded jar, under the real Lambda runtime interface
 * client, answers a representative route or trigger correctly on dynalite, the in-memory KMS and
 * the SNS endpoint: once with the environment a SnapStart function gets (a credentials endpoint
 * guarded by a token, no access keys; Lambda's snap-start init with its restore handshake) and once
 * with access keys (on-demand). The first is what failed on AWS when the clients insisted on
 * environment keys: every route answered 503 and every sign-in failed.
 */
@Tag("lambda")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class LambdaEnvironmentIT {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final String PHONE = "+12015550123";
  private static final String REGION = EmulatedAws.REGION;

  /**
   * A code is accepted one step either side and each step once: confirming with this step's code
   * and verifying with the next one's holds even when a step boundary passes in between.
   */
  private static final Duration NEXT_STEP = Totp.TIME_STEP;

  private Path root;
  private SamFunctions template;

  @BeforeAll
  void load() {
    root = Path.of(System.getProperty("project.root"));
    // The back end the internal events of events/ sign as (its session:
    // assumed-role/login-backend).
    template =
        SamFunctions.load(
            root, Map.of("InternalCallerRoleArns", "arn:aws:iam::123456789012:role/login-backend"));
  }

  @Test
  void snapStartEnvironment_everyFunctionAnswersWithContainerCredentials() {
    try (ContainerCredentialsServer credentials =
        new ContainerCredentialsServer(Clock.systemUTC())) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
      env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.fullUri());
      env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.token());

      List<LambdaProcess> restoredOnce = everyFunctionAnswers("snap-start", env);

      assertThat(credentials.authorizations())
          .as("the functions fetched their credentials from the runtime's endpoint")
          .isNotEmpty()
          .allMatch(credentials.token()::equals);
      assertThat(restoredOnce).allMatch(p -> p.runtimeApi().restores() == 1);
    }
  }

  @Test
  void onDemandEnvironment_everyFunctionAnswersWithAccessKeys() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_ACCESS_KEY_ID", "ASIAONDEMANDTEST0000");
    env.put("AWS_SECRET_ACCESS_KEY", "on-demand-secret");
    env.put("AWS_SESSION_TOKEN", "on-demand-session-token");

    List<LambdaProcess> processes = everyFunctionAnswers("on-demand", env);

    assertThat(processes).allMatch(p -> p.runtimeApi().restores() == 0);
  }

  /**
   * Runs one scenario through all functions on a fresh table: an operator's branch-key rotation
   * (which makes the first key), enrol TOTP and SMS, verify, spend a backup code, create an
   * organization, the three sign-in triggers, remove TOTP with another backup code, and a second
   * rotation (refused within the hour). Returns the (closed) processes for checks on their runtime
   * API.
   */
  private List<LambdaProcess> everyFunctionAnswers(String mode, Map<String, String> runtimeEnv) {
    String table = "two-factor-lambda-" + mode + "-" + UUID.randomUUID();
    createTable(table);
    try (FakeKms kms = new FakeKms();
        FakeSns sns = new FakeSns();
        FakeEventBridge eventBridge = new FakeEventBridge()) {
      Functions functions = new Functions(mode, table, kms, sns, eventBridge, runtimeEnv);
      try {
        // All at once: their inits overlap, so the run stays short.
        template.functions().keySet().forEach(functions::start);
        return scenario(functions, sns, eventBridge);
      } finally {
        functions.closeAll();
      }
    }
  }

  private List<LambdaProcess> scenario(
      Functions functions, FakeSns sns, FakeEventBridge eventBridge) {
    try {
      String secret;
      List<String> backupCodes;

      {
        // An operator's rotation on a new deployment makes its first branch key: an internal
        // route (the caller list from the template's parameter) and a KMS Encrypt from the jar.
        // Every other function then opens that key.
        LambdaProcess disable = functions.get("DisableFunction");
        Api rotated = Api.of(disable.invoke(read("disable/internal-branch-key-rotation.json")));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        assertThat(rotated.json())
            .containsEntry("version", 1)
            .containsEntry("previousVersion", null);
      }

      {
        LambdaProcess enrollment = functions.get("EnrollmentFunction");
        Api setup = Api.of(enrollment.invoke(event("enrollment/start-totp.json", null)));
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        secret = (String) setup.json().get("secret");

        Api confirmed =
            Api.of(
                enrollment.invoke(
                    event("enrollment/confirm-totp.json", code(totp(secret, Duration.ZERO)))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json()).containsEntry("enabled", true);
        backupCodes =
            (List<String>) ((Map<String, Object>) confirmed.json().get("backupCodes")).get("codes");
        assertThat(backupCodes).isNotEmpty();

        // TOTP is active: adding a phone needs a fresh proof (a backup code the later steps leave).
        Api texted =
            Api.of(
                enrollment.invoke(
                    event(
                        "enrollment/start-sms.json",
                        "{\"phoneNumber\":\""
                            + PHONE
                            + "\",\"verification\":{\"method\":\"backup_code\",\"code\":\""
                            + backupCodes.get(2)
                            + "\"}}")));
        assertThat(texted.status()).as(texted.body()).isEqualTo(200);
        assertThat(sns.publishes()).extracting(p -> p.get("PhoneNumber")).containsExactly(PHONE);
      }

      {
        LambdaProcess verification = functions.get("VerificationFunction");
        Api verified =
            Api.of(
                verification.invoke(
                    event(
                        "verification/verify-totp.json",
                        "{\"method\":\"totp\",\"code\":\"" + totp(secret, NEXT_STEP) + "\"}")));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
      }

      {
        LambdaProcess backup = functions.get("BackupCodesFunction");
        Api consumed =
            Api.of(backup.invoke(event("backup-codes/consume.json", code(backupCodes.get(0)))));
        assertThat(consumed.status()).as(consumed.body()).isEqualTo(200);
      }

      {
        LambdaProcess orgs = functions.get("OrgEnforcementFunction");
        Api created = Api.of(orgs.invoke(event("org-enforcement/create-org.json", null)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // A listed back end gets past the caller check: the event's org does not exist.
        Api internal = Api.of(orgs.invoke(read("org-enforcement/internal-put-member.json")));
        assertThat(internal.status()).as(internal.body()).isEqualTo(404);
      }

      {
        LambdaProcess define = functions.get("DefineAuthChallengeFunction");
        Map<String, Object> answer =
            json(define.invoke(event("cognito-auth/define-start.json", null)));
        assertThat((Map<String, Object>) answer.get("response"))
            .containsEntry("challengeName", "SRP_A");
      }

      {
        LambdaProcess create = functions.get("CreateAuthChallengeFunction");
        Map<String, Object> answer =
            json(create.invoke(event("cognito-auth/create-custom-challenge.json", null)));
        Map<String, Object> params =
            (Map<String, Object>)
                ((Map<String, Object>) answer.get("response")).get("publicChallengeParameters");
        assertThat(String.valueOf(params.get("methods"))).contains("totp");
      }

      {
        LambdaProcess verify = functions.get("VerifyAuthChallengeFunction");
        Map<String, Object> event =
            JSON.readValue(
                read("cognito-auth/verify-code.json"), Argument.mapOf(String.class, Object.class));
        ((Map<String, Object>) event.get("request"))
            .put(
                "challengeAnswer",
                "{\"method\":\"backup_code\",\"code\":\"" + backupCodes.get(3) + "\"}");
        Map<String, Object> answer = json(verify.invoke(JSON.writeValueAsString(event)));
        assertThat((Map<String, Object>) answer.get("response"))
            .containsEntry("answerCorrect", true);
      }

      {
        LambdaProcess disable = functions.get("DisableFunction");
        Api removed =
            Api.of(
                disable.invoke(
                    event(
                        "disable/disable-totp-only.json",
                        "{\"verification\":{\"method\":\"backup_code\",\"code\":\""
                            + backupCodes.get(1)
                            + "\"},\"method\":\"totp\"}")));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        Api again = Api.of(disable.invoke(read("disable/internal-branch-key-rotation.json")));
        assertThat(again.status()).as(again.body()).isEqualTo(429);
        assertThat(again.json()).containsEntry("code", "key_rotated_recently");
      }

      {
        LambdaProcess events = functions.get("SecurityEventsFunction");
        Map<String, Object> answer = json(events.invoke(read("security-events/stream-batch.json")));
        // Restored from a SnapStart snapshot too: the credentials come from the runtime's endpoint.
        assertThat((List<Object>) answer.get("batchItemFailures")).as(answer.toString()).isEmpty();
        assertThat(eventBridge.accepted()).isNotEmpty();
      }

      assertThat(functions.invoked)
          .as("every function of template.yaml was invoked")
          .containsExactlyInAnyOrderElementsOf(template.functions().keySet());
      return List.copyOf(functions.started.values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts template functions with the runtime's environment and the emulators' endpoints. */
  private final class Functions {
    private final String mode;
    private final String table;
    private final FakeKms kms;
    private final FakeSns sns;
    private final FakeEventBridge eventBridge;
    private final Map<String, String> runtimeEnv;
    final Map<String, LambdaProcess> started = new LinkedHashMap<>();
    final java.util.Set<String> invoked = new java.util.HashSet<>();

    Functions(
        String mode,
        String table,
        FakeKms kms,
        FakeSns sns,
        FakeEventBridge eventBridge,
        Map<String, String> runtimeEnv) {
      this.mode = mode;
      this.table = table;
      this.kms = kms;
      this.sns = sns;
      this.eventBridge = eventBridge;
      this.runtimeEnv = runtimeEnv;
    }

    LambdaProcess start(String logicalId) {
      EmulatedAws aws =
          new EmulatedAws(
              Dynalite.endpoint(), kms.endpoint(), sns.endpoint(), eventBridge.endpoint());
      LambdaProcess process =
          aws.function(template, logicalId, table)
              .functionName("two-factor-test-" + logicalId)
              .env(runtimeEnv)
              .workDir(Path.of("target", "lambda-env", mode))
              .start();
      started.put(logicalId, process);
      return process;
    }

    /** A started function, marked as exercised. */
    LambdaProcess get(String logicalId) {
      invoked.add(logicalId);
      return started.get(logicalId);
    }

    void closeAll() {
      started.values().forEach(LambdaProcess::close);
    }
  }

  /** An API Gateway proxy answer. */
  private record Api(int status, String body, Map<String, Object> json) {
    static Api of(String answer) throws IOException {
      Map<String, Object> response = parse(answer);
      String body = (String) response.get("body");
      Map<String, Object> parsed =
          body == null || body.isBlank() || !body.startsWith("{") ? Map.of() : parse(body);
      return new Api(((Number) response.get("statusCode")).intValue(), body, parsed);
    }
  }

  private static Map<String, Object> json(String text) throws IOException {
    return parse(text);
  }

  private static Map<String, Object> parse(String text) throws IOException {
    return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
  }

  private String read(String relativePath) throws IOException {
    return Files.readString(root.resolve("events").resolve(relativePath));
  }

  /** An event file, with its API body replaced when {@code body} is not null. */
  private String event(String relativePath, String body) throws IOException {
    if (body == null) {
      return read(relativePath);
    }
    Map<String, Object> event = json(read(relativePath));
    event.put("body", body);
    return JSON.writeValueAsString(event);
  }

  private static String code(String code) {
    return "{\"code\":\"" + code + "\"}";
  }

  private static String totp(String base32Secret, Duration offset) {
    return new Totp().codeAt(Base32.decode(base32Secret), Instant.now().plus(offset));
  }

  private static void createTable(String table) {
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .region(Region.of(REGION))
            .endpointOverride(Dynalite.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      dynamo.createTable(TableDefinition.createRequest(table));
    }
  }
}
