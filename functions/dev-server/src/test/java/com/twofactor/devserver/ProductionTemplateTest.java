package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.CloudFormationYaml;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * template.yaml against the production review (issue 16): internal callers, KMS and DynamoDB least
 * privilege, the Cognito pool's settings, WAF and throttling, logs, alarms and the Lambda settings.
 * Structural checks; the template is not validated against AWS's schemas in the build (README
 * "Production checklist" says how to lint it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
@Tag("unit")
class ProductionTemplateTest {
  private static final String ROLE_PATH = "role/two-factor/${Environment}/*";
  private static final List<String> TRIGGERS =
      List.of(
          "DefineAuthChallengeFunction",
          "CreateAuthChallengeFunction",
          "VerifyAuthChallengeFunction");

  private Path root;
  private Map<String, Object> template;
  private Map<String, Map<String, Object>> resources;

  @BeforeAll
  void load() throws IOException {
    root = Path.of(System.getProperty("project.root"));
    template = CloudFormationYaml.read(root.resolve("template.yaml"));
    resources = (Map<String, Map<String, Object>>) template.get("Resources");
  }

  // ------------------------------------------------------------------ 3. internal callers

  @Test
  void internalRoutes_resourcePolicyDeniesEveryoneButTheListedRoles() {
    assertThat(parameter("InternalCallerRoleArns"))
        .containsEntry("Type", "CommaDelimitedList")
        .containsEntry("Default", "");
    Map<String, Object> auth = (Map<String, Object>) props("Api").get("Auth");
    List<Map<String, Object>> statements =
        (List<Map<String, Object>>)
            ((Map<String, Object>) auth.get("ResourcePolicy")).get("CustomStatements");

    Map<String, Object> deny =
        statements.stream().filter(s -> "Deny".equals(s.get("Effect"))).findFirst().orElseThrow();
    assertThat(deny)
        .containsEntry("Resource", "execute-api:/*/*/internal/*")
        .containsEntry("Action", "execute-api:Invoke")
        .containsEntry("Principal", "*");
    String condition = String.valueOf(deny.get("Condition"));
    assertThat(condition)
        .contains("ArnNotLike", "aws:PrincipalArn", "InternalCallerRoleArns", "HasInternalCallers");
    assertThat(statements)
        .anySatisfy(s -> assertThat(s).containsEntry("Effect", "Allow"))
        .hasSize(2);
  }

  /**
   * Every function serving an IAM-authorized route gets the list: without it the function refuses
   * every caller, listed or not (as admin reset and the internal org routes once did on AWS).
   */
  @Test
  void internalRoutes_everyFunctionServingOneChecksTheSameList() throws IOException {
    List<String> serving =
        functions().stream()
            .filter(
                function ->
                    ((Map<String, Map<String, Object>>)
                            props(function).getOrDefault("Events", Map.of()))
                        .values().stream()
                            .map(e -> (Map<String, Object>) e.get("Properties"))
                            .map(p -> (Map<String, Object>) p.getOrDefault("Auth", Map.of()))
                            .anyMatch(auth -> "AWS_IAM".equals(auth.get("Authorizer"))))
            .toList();
    assertThat(serving)
        .containsExactlyInAnyOrder(
            "DisableFunction", "OrgEnforcementFunction", "VerificationFunction");

    for (String function : serving) {
      Map<String, Object> variables =
          (Map<String, Object>)
              ((Map<String, Object>) props(function).getOrDefault("Environment", Map.of()))
                  .getOrDefault("Variables", Map.of());
      assertThat(variables.get("TWO_FACTOR_INTERNAL_CALLER_ROLE_ARNS"))
          .as(function)
          .isEqualTo(Map.of("!Join", List.of(",", Map.of("!Ref", "InternalCallerRoleArns"))));
    }
    assertThat(
            Files.readString(
                root.resolve(
                    "functions/apigateway/src/main/resources/two-factor-defaults.properties")))
        .contains("two-factor.internal-callers.role-arns=${TWO_FACTOR_INTERNAL_CALLER_ROLE_ARNS:}");
  }

  // ------------------------------------------------------------------ 4. KMS

  private static final String SMS_NUMBER_KEY = "sms-number-key";

  private static final String BRANCH_KEY = "branch-key";

  /**
   * Issue 13: per-user secrets are sealed under the branch key, so no function encrypts with a
   * user's context any more; the per-user Decrypt that remains is the legacy path (secrets sealed
   * directly with KMS before the branch key, re-sealed on their next write), limited to the
   * purposes each function opens.
   */
  @Test
  void kms_functionsSealUnderTheBranchKey_andDecryptPerUserOnlyForLegacySecrets() {
    Map<String, Map<String, Set<String>>> legacyDecrypt =
        Map.of(
            "EnrollmentFunction", Map.of("kms:Decrypt", Set.of("totp-secret")),
            "VerificationFunction", Map.of("kms:Decrypt", Set.of("totp-secret", "phone-number")),
            "BackupCodesFunction", Map.of("kms:Decrypt", Set.of("backup-codes", "totp-secret")),
            "DisableFunction", Map.of("kms:Decrypt", Set.of("totp-secret")),
            "VerifyAuthChallengeFunction",
                Map.of("kms:Decrypt", Set.of("totp-secret", "phone-number")));

    Set<String> smsKeyUsers = new HashSet<>();
    Set<String> branchKeyUsers = new HashSet<>();
    for (String function : functions()) {
      Map<String, Set<String>> granted = new java.util.HashMap<>();
      for (Map<String, Object> statement : roleStatements(function)) {
        String action = String.valueOf(statement.get("Action"));
        if (!"Allow".equals(statement.get("Effect")) || !action.contains("kms:")) {
          continue;
        }
        assertThat(statement.get("Resource")).isEqualTo(Map.of("!GetAtt", "SecretsKey.Arn"));
        Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
        Object purpose =
            ((Map<String, Object>) condition.get("StringEquals"))
                .get("kms:EncryptionContext:purpose");
        if (SMS_NUMBER_KEY.equals(purpose)) {
          // The per-deployment hash key of the per-number SMS limits belongs to no user: its
          // context may name the purpose and nothing else.
          assertThat(condition.get("ForAllValues:StringEquals"))
              .isEqualTo(Map.of("kms:EncryptionContextKeys", List.of("purpose")));
          assertThat(action).contains("kms:Encrypt", "kms:Decrypt");
          smsKeyUsers.add(function);
          continue;
        }
        if (BRANCH_KEY.equals(purpose)) {
          // The branch key's context names its purpose and version, and nothing else.
          assertThat(condition.get("ForAllValues:StringEquals"))
              .isEqualTo(Map.of("kms:EncryptionContextKeys", List.of("purpose", "version")));
          assertThat(action).contains("kms:Encrypt", "kms:Decrypt");
          branchKeyUsers.add(function);
          continue;
        }
        assertThat(condition.get("Null"))
            .as("%s requires a userId in the context", function)
            .isEqualTo(Map.of("kms:EncryptionContext:userId", "false"));
        assertThat(action)
            .as("%s seals nothing with a user's context", function)
            .isEqualTo("kms:Decrypt");
        List<String> purposes = (List<String>) purpose;
        granted.merge(
            action,
            new HashSet<>(purposes),
            (a, b) -> {
              a.addAll(b);
              return a;
            });
      }
      assertThat(granted).as(function).isEqualTo(legacyDecrypt.getOrDefault(function, Map.of()));
    }
    // Exactly the functions that text a code hold the hash key of the per-number SMS limits.
    assertThat(smsKeyUsers)
        .containsExactlyInAnyOrder(
            "EnrollmentFunction", "VerificationFunction", "VerifyAuthChallengeFunction");
    // Exactly the functions that seal or open a user's secret hold the branch key.
    assertThat(branchKeyUsers).isEqualTo(legacyDecrypt.keySet());
  }

  @Test
  void kms_keyPolicyDelegatesHasAdminsAndDeniesUseOutsideTheFunctions() {
    List<Object> statements =
        (List<Object>)
            ((Map<String, Object>) props("SecretsKey").get("KeyPolicy")).get("Statement");
    String all = String.valueOf(statements);

    assertThat(statements)
        .anySatisfy(
            s ->
                assertThat(String.valueOf(s))
                    .contains("Sid=AccountAdministersTheKey", ":root", "Action=kms:*"));
    assertThat(all).contains("Sid=KeyAdministrators", "KeyAdminRoleArn", "kms:Create*");
    Map<String, Object> outside = statement(statements, "DenyUseOutsideTheFunctions");
    assertThat(outside).containsEntry("Effect", "Deny");
    assertThat(String.valueOf(outside.get("Action"))).contains("kms:Encrypt", "kms:Decrypt");
    assertThat(String.valueOf(outside.get("Condition")))
        .contains("ArnNotLike", "aws:PrincipalArn", ROLE_PATH);
    Map<String, Object> noUser = statement(statements, "DenySecretsWithoutAUser");
    assertThat(noUser).containsEntry("Effect", "Deny");
    assertThat(((Map<String, Object>) noUser.get("Condition")).get("Null"))
        .isEqualTo(Map.of("kms:EncryptionContext:userId", "true"));
    assertThat(((Map<String, Object>) noUser.get("Condition")).get("StringNotEquals"))
        .asString()
        .contains("kms:EncryptionContext:purpose=[" + SMS_NUMBER_KEY + ", " + BRANCH_KEY + "]");
  }

  @Test
  void roles_liveUnderThePathTheKeyAndTableTrust() {
    for (String function : functions()) {
      assertThat(props(roleOf(function)).get("Path"))
          .isEqualTo(Map.of("!Sub", "/two-factor/${Environment}/"));
    }
  }

  // ------------------------------------------------------------------ 5. DynamoDB

  @Test
  void table_encryptedWithTheKeyAndItsItemsOnlyForTheFunctionsAndBreakGlass() {
    Map<String, Object> table = props("TwoFactorTable");
    assertThat((Map<String, Object>) table.get("SSESpecification"))
        .containsEntry("SSEType", "KMS")
        .containsEntry("KMSMasterKeyId", Map.of("!GetAtt", "SecretsKey.Arn"));
    Map<String, Object> policy =
        (Map<String, Object>)
            ((Map<String, Object>) table.get("ResourcePolicy")).get("PolicyDocument");
    Map<String, Object> deny = ((List<Map<String, Object>>) policy.get("Statement")).get(0);

    assertThat(deny).containsEntry("Effect", "Deny").containsEntry("Principal", "*");
    assertThat((List<String>) deny.get("Action"))
        .contains(
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:Scan",
            "dynamodb:DeleteItem",
            "dynamodb:PartiQLSelect");
    assertThat(String.valueOf(deny.get("Condition")))
        .contains("ArnNotLike", ROLE_PATH, "BreakGlassRoleArn");
  }

  @Test
  void table_functionsThatTouchOnlyUserItemsAreHeldToThem() {
    for (String function :
        List.of(
            "BackupCodesFunction", "DefineAuthChallengeFunction", "CreateAuthChallengeFunction")) {
      assertThat(roleStatements(function))
          .as(function)
          .filteredOn(s -> String.valueOf(s.get("Action")).contains("dynamodb:"))
          .isNotEmpty()
          .allSatisfy(
              s ->
                  assertThat(String.valueOf(s.get("Condition")))
                      .containsAnyOf(
                          "dynamodb:LeadingKeys=[USER#*]",
                          // the backup codes are peppered and sealed under the branch key
                          "dynamodb:LeadingKeys=[USER#*, KEY#branch-key]"));
    }
    assertThat(String.valueOf(roleStatements("BackupCodesFunction")))
        .contains("dynamodb:LeadingKeys=[USER#*, KEY#branch-key]");
  }

  // ------------------------------------------------------------------ 6. Cognito

  @Test
  void userPool_isHardened() {
    Map<String, Object> pool = props("UserPool");

    assertThat(pool).containsEntry("DeletionProtection", "ACTIVE");
    assertThat(pool.get("UsernameConfiguration")).isEqualTo(Map.of("CaseSensitive", false));
    assertThat(pool.get("UserAttributeUpdateSettings"))
        .isEqualTo(Map.of("AttributesRequireVerificationBeforeUpdate", List.of("email")));
    assertThat(String.valueOf(pool.get("AccountRecoverySetting"))).contains("verified_email");
    assertThat(pool.get("AdminCreateUserConfig"))
        .isEqualTo(
            Map.of(
                "AllowAdminCreateUserOnly",
                Map.of("!If", List.of("AllowSelfSignUp", false, true))));
    assertThat(parameter("SelfSignUp")).containsEntry("Default", "false");
    Map<String, Object> addOns = (Map<String, Object>) pool.get("UserPoolAddOns");
    assertThat(addOns).containsEntry("AdvancedSecurityMode", Map.of("!Ref", "ThreatProtection"));
    assertThat(String.valueOf(addOns.get("AdvancedSecurityAdditionalFlows")))
        .contains("CustomAuthMode={!Ref=ThreatProtection}");
    assertThat(parameter("ThreatProtection")).containsEntry("Default", "ENFORCED");
  }

  @Test
  void userPoolClient_allowsOnlyCustomAuthAndRefreshWithExplicitTokenLifetimes() {
    Map<String, Object> client = props("UserPoolClient");

    assertThat((List<String>) client.get("ExplicitAuthFlows"))
        .containsExactlyInAnyOrder("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
    assertThat(client)
        .containsKeys(
            "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits")
        .containsEntry("EnableTokenRevocation", true);
  }

  @Test
  void triggerPermissions_nameThePoolTheyServeCreatedOrExisting() {
    for (String trigger : TRIGGERS) {
      String permission = trigger.replace("Function", "Permission");
      assertThat(resources.get(permission)).doesNotContainKey("Condition");
      assertThat(props(permission))
          .containsEntry("Principal", "cognito-idp.amazonaws.com")
          .containsEntry(
              "SourceArn",
              Map.of(
                  "!If",
                  List.of(
                      "CreateUserPool",
                      Map.of("!GetAtt", "UserPool.Arn"),
                      Map.of("!Ref", "ExistingUserPoolArn"))));
    }
  }

  // ------------------------------------------------------------------ 7. edge

  @Test
  void waf_onInProdRateLimitsSmsRoutesAndGuardsApiAndPool() {
    Map<String, Object> conditions = (Map<String, Object>) template.get("Conditions");
    assertThat(String.valueOf(conditions.get("CreateWebAcl"))).contains("IsProd", "auto");
    assertThat(resources.get("WebAcl")).containsEntry("Condition", "CreateWebAcl");
    List<Map<String, Object>> rules = (List<Map<String, Object>>) props("WebAcl").get("Rules");
    String all = String.valueOf(rules);

    assertThat(all)
        .contains(
            "RateBasedStatement",
            "/two-factor/sms",
            "/sms/code",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesAmazonIpReputationList");
    assertThat(String.valueOf(props("WebAclApiAssociation").get("ResourceArn")))
        .contains("/restapis/", "Api.Stage");
    assertThat(props("WebAclUserPoolAssociation").get("ResourceArn"))
        .isEqualTo(Map.of("!GetAtt", "UserPool.Arn"));
  }

  @Test
  void throttling_smsRoutesAreTighterThanTheStage() {
    List<Map<String, Object>> settings =
        (List<Map<String, Object>>) props("Api").get("MethodSettings");
    Map<String, Object> stage =
        settings.stream().filter(s -> "/*".equals(s.get("ResourcePath"))).findFirst().orElseThrow();
    Set<String> sms =
        Set.of(
            "/~1two-factor~1sms",
            "/~1two-factor~1sms~1code",
            "/~1internal~1users~1{userId}~1two-factor~1sms~1code");

    assertThat(settings.stream().map(s -> (String) s.get("ResourcePath"))).containsAll(sms);
    settings.stream()
        .filter(s -> sms.contains(s.get("ResourcePath")))
        .forEach(
            s -> {
              assertThat((Integer) s.get("ThrottlingRateLimit"))
                  .isLessThan((Integer) stage.get("ThrottlingRateLimit"));
              assertThat((Integer) s.get("ThrottlingBurstLimit"))
                  .isLessThan((Integer) stage.get("ThrottlingBurstLimit"));
            });
  }

  // ------------------------------------------------------------------ 8. logs

  @Test
  void apiLogs_accessLogIsJsonWithWhoWhatAndWafAndExecutionLogsHoldNoBodies() throws IOException {
    Map<String, Object> api = props("Api");
    Map<String, Object> access = (Map<String, Object>) api.get("AccessLogSetting");
    Map<String, Object> format =
        ObjectMapper.getDefault()
            .readValue((String) access.get("Format"), Argument.mapOf(String.class, Object.class));

    assertThat(format)
        .containsEntry("requestId", "$context.requestId")
        .containsEntry("sourceIp", "$context.identity.sourceIp")
        .containsEntry("callerSub", "$context.authorizer.claims.sub")
        .containsEntry("iamCaller", "$context.identity.userArn")
        .containsEntry("resourcePath", "$context.resourcePath")
        .containsEntry("status", "$context.status")
        .containsEntry("wafStatus", "$context.waf.status");
    assertThat(access.get("DestinationArn")).isEqualTo(Map.of("!GetAtt", "ApiAccessLogGroup.Arn"));
    for (Map<String, Object> setting : (List<Map<String, Object>>) api.get("MethodSettings")) {
      assertThat(setting)
          .containsEntry("LoggingLevel", "ERROR")
          .containsEntry("DataTraceEnabled", false);
    }
  }

  @Test
  void functionLogs_eachRoleWritesOnlyItsOwnLogGroupWithNoManagedPolicy() {
    for (String function : functions()) {
      Map<String, Object> role = props(roleOf(function));
      assertThat(role).doesNotContainKeys("ManagedPolicyArns");
      String logGroup =
          (String)
              ((Map<String, Object>)
                      ((Map<String, Object>) props(function).get("LoggingConfig")).get("LogGroup"))
                  .get("!Ref");
      List<Map<String, Object>> logs =
          roleStatements(function).stream()
              .filter(s -> String.valueOf(s.get("Action")).contains("logs:"))
              .toList();
      assertThat(logs).as(function).hasSize(1);
      assertThat(logs.get(0).get("Resource")).isEqualTo(Map.of("!GetAtt", logGroup + ".Arn"));
      assertThat(String.valueOf(logs.get(0).get("Action"))).doesNotContain("CreateLogGroup", "*");
    }
  }

  /**
   * Priming builds and warms a KMS client only in the functions whose role may decrypt: one denied
   * KMS never opens the branch key, and a client it never calls only slows its start. The stream
   * function's jar has no KMS client to prime (README, Modules).
   */
  @Test
  void kmsPriming_isOffExactlyWhereTheRoleIsDeniedKms() {
    for (String function : functions()) {
      if (function.equals("SecurityEventsFunction")) {
        assertThat(primeKms(function)).isNull();
        continue;
      }
      boolean denied =
          roleStatements(function).stream()
              .anyMatch(
                  s ->
                      "Deny".equals(s.get("Effect"))
                          && String.valueOf(s.get("Action")).contains("kms:Decrypt"));
      assertThat(primeKms(function))
          .as("%s primes KMS only if its role may use it", function)
          .isEqualTo(denied ? "false" : null);
    }
    assertThat(functions())
        .filteredOn(f -> primeKms(f) == null)
        .contains("VerificationFunction", "VerifyAuthChallengeFunction");
  }

  private String primeKms(String function) {
    return (String)
        ((Map<String, Object>)
                ((Map<String, Object>) props(function).getOrDefault("Environment", Map.of()))
                    .getOrDefault("Variables", Map.of()))
            .get("TWO_FACTOR_SNAPSTART_PRIME_KMS");
  }

  @Test
  void logGroups_areEncryptedMaskPhoneNumbersAndProdKeepsThemAYear() {
    Map<String, Map<String, Object>> groups = ofType("AWS::Logs::LogGroup");
    assertThat(groups).containsKey("ApiAccessLogGroup");
    groups.forEach(
        (name, group) -> {
          assertThat(group).as(name).containsEntry("KmsKeyId", Map.of("!GetAtt", "LogsKey.Arn"));
          assertThat(group.get("RetentionInDays")).isEqualTo(Map.of("!Ref", "LogRetentionDays"));
          String policy = String.valueOf(group.get("DataProtectionPolicy"));
          assertThat(policy)
              .as(name)
              .contains("data-identifier/PhoneNumber-US", "Deidentify", "MaskConfig", "Audit");
        });
    assertThat(String.valueOf(rules().get("ProdKeepsLogsAYear")))
        .contains("365", "LogRetentionDays");
  }

  // ------------------------------------------------------------------ 9. alarms

  @Test
  void lockouts_areCountedInEveryFunctionThatCanLock() throws IOException {
    Set<String> filtered =
        ofType("AWS::Logs::MetricFilter").values().stream()
            .filter(f -> "'\"verification.locked\"'".equals("'" + f.get("FilterPattern") + "'"))
            .map(f -> (String) ((Map<String, Object>) f.get("LogGroupName")).get("!Ref"))
            .collect(Collectors.toSet());
    Set<String> lockingGroups = new HashSet<>();
    Set<String> lockers = lockingServices();
    for (String function : functions()) {
      String module = ((String) props(function).get("CodeUri")).split("/")[1];
      if (sources(root.resolve("functions").resolve(module).resolve("src/main/java"))
          .anyMatch(text -> lockers.stream().anyMatch(text::contains))) {
        lockingGroups.add(
            (String)
                ((Map<String, Object>)
                        ((Map<String, Object>) props(function).get("LoggingConfig"))
                            .get("LogGroup"))
                    .get("!Ref"));
      }
    }

    assertThat(lockingGroups).contains("VerificationLogGroup", "CognitoAuthLogGroup");
    assertThat(filtered).isEqualTo(lockingGroups);
    assertThat(String.valueOf(props("LockoutSpikeAlarm").get("Namespace")))
        .contains("${Environment}");
  }

  /** Core services that can lock a user, directly (refuseWrongCode) or through another one. */
  private Set<String> lockingServices() throws IOException {
    Path service = root.resolve("functions/core/src/main/java/com/twofactor/core/service");
    Map<String, String> texts;
    try (Stream<Path> files = Files.list(service)) {
      texts =
          files.collect(
              Collectors.toMap(
                  f -> f.getFileName().toString().replace(".java", ""),
                  f -> {
                    try {
                      return Files.readString(f);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }));
    }
    Set<String> lockers =
        texts.entrySet().stream()
            .filter(e -> !e.getKey().equals("LockoutPolicy"))
            .filter(e -> e.getValue().contains("lockout.refuseWrongCode("))
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(HashSet::new));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, String> e : texts.entrySet()) {
        if (!lockers.contains(e.getKey())
            && lockers.stream().anyMatch(l -> e.getValue().contains(l + " "))) {
          grew = lockers.add(e.getKey());
        }
      }
    }
    return lockers;
  }

  private static Stream<String> sources(Path dir) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        texts.add(Files.readString(file));
      }
    }
    return texts.stream();
  }

  @Test
  void alarms_coverWhatA2faServiceMustNotice() {
    Set<String> alarms = ofType("AWS::CloudWatch::Alarm").keySet();
    assertThat(alarms)
        .contains(
            "LockoutSpikeAlarm",
            "TriggerErrorsAlarm",
            "TriggerThrottlesAlarm",
            "TriggerDurationAlarm",
            "LambdaThrottlesAlarm",
            "Api4xxSpikeAlarm",
            "SmsSendsPerMinuteAlarm",
            "FailedVerificationsAlarm",
            "DisableSpikeAlarm",
            "RegenerateSpikeAlarm",
            "KeyDisabledOrScheduledForDeletionAlarm");
    for (String trigger :
        List.of("TriggerErrorsAlarm", "TriggerThrottlesAlarm", "TriggerDurationAlarm")) {
      assertThat(String.valueOf(props(trigger).get("Metrics"))).contains(TRIGGERS);
    }
    assertThat(props("SmsSendsPerMinuteAlarm")).containsEntry("Period", 60);
    assertThat(String.valueOf(props("KeyDisableOrDeletionRule").get("EventPattern")))
        .contains("DisableKey", "ScheduleKeyDeletion", "SecretsKey.Arn");
    Set<String> metrics =
        ofType("AWS::Logs::MetricFilter").values().stream()
            .map(f -> String.valueOf(f.get("MetricTransformations")))
            .collect(Collectors.toSet());
    assertThat(String.valueOf(metrics))
        .contains(
            "MetricName=FailedVerifications",
            "MetricName=Disables",
            "MetricName=BackupCodeRegenerations");
    for (String alarm : alarms) {
      assertThat(String.valueOf(props(alarm).get("AlarmActions"))).contains("AlarmTopicArn");
    }
  }

  @Test
  void prod_requiresAnAlarmTopic() {
    Map<String, Object> rule = (Map<String, Object>) rules().get("ProdNotifiesSomeone");
    assertThat(String.valueOf(rule.get("RuleCondition"))).contains("Environment", "prod");
    assertThat(String.valueOf(rule.get("Assertions"))).contains("AlarmTopicArn");
  }

  // ------------------------------------------------------------------ 10. Lambda, domain

  @Test
  void triggers_answerWithinCognitosFiveSecondsWithOptionalReservedConcurrency() {
    for (String trigger : TRIGGERS) {
      assertThat(props(trigger))
          .containsEntry("Timeout", 5)
          .containsEntry(
              "ReservedConcurrentExecutions",
              Map.of(
                  "!If",
                  List.of(
                      "HasTriggerConcurrency",
                      Map.of("!Ref", "TriggerReservedConcurrency"),
                      Map.of("!Ref", "AWS::NoValue"))));
    }
    Map<String, Object> globals =
        (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
    assertThat(globals).containsEntry("Tracing", "Active");
  }

  @Test
  void customDomain_tls12AndNoDefaultEndpoint() {
    assertThat(resources.get("ApiDomain")).containsEntry("Condition", "HasCustomDomain");
    assertThat(props("ApiDomain")).containsEntry("SecurityPolicy", "TLS_1_2");
    assertThat(props("Api").get("DisableExecuteApiEndpoint"))
        .isEqualTo(Map.of("!If", List.of("HasCustomDomain", true, false)));
  }

  // ------------------------------------------------------------------ helpers

  private List<String> functions() {
    return ofType("AWS::Serverless::Function").keySet().stream().sorted().toList();
  }

  private Map<String, Map<String, Object>> ofType(String type) {
    return resources.entrySet().stream()
        .filter(e -> type.equals(e.getValue().get("Type")))
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> (Map<String, Object>) e.getValue().getOrDefault("Properties", Map.of())));
  }

  private Map<String, Object> props(String resource) {
    assertThat(resources).containsKey(resource);
    return (Map<String, Object>) resources.get(resource).get("Properties");
  }

  private Map<String, Object> parameter(String name) {
    return ((Map<String, Map<String, Object>>) template.get("Parameters")).get(name);
  }

  private Map<String, Object> rules() {
    return (Map<String, Object>) template.get("Rules");
  }

  private String roleOf(String function) {
    return ((String) ((Map<String, Object>) props(function).get("Role")).get("!GetAtt"))
        .split("\\.")[0];
  }

  private List<Map<String, Object>> roleStatements(String function) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy :
        (List<Map<String, Object>>) props(roleOf(function)).get("Policies")) {
      statements.addAll(
          (List<Map<String, Object>>)
              ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
    }
    return statements;
  }

  private static Map<String, Object> statement(List<Object> statements, String sid) {
    return statements.stream()
        .filter(Map.class::isInstance)
        .map(s -> (Map<String, Object>) s)
        .filter(s -> sid.equals(s.get("Sid")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid));
  }
}
