package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.CloudFormationYaml;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * template.yaml against the code: every route the controllers serve is wired in API Gateway with
 * the right authorization, every function points at its own jar, and the data resources keep the
 * protections docs/data-model.md and docs/security-rules.md describe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
@Tag("unit")
class TemplateTest {
  private Map<String, Object> template;
  private Map<String, Map<String, Object>> resources;

  @BeforeAll
  void load() throws IOException {
    Path file = Path.of(System.getProperty("project.root"), "template.yaml");
    template = CloudFormationYaml.read(file);
    resources = (Map<String, Map<String, Object>>) template.get("Resources");
  }

  private Map<String, Map<String, Object>> ofType(String type) {
    return resources.entrySet().stream()
        .filter(e -> type.equals(e.getValue().get("Type")))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> props(e.getValue())));
  }

  private static Map<String, Object> props(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @Test
  void routes_templateWiresExactlyTheRoutesTheControllersServe() {
    Set<String> wired = new HashSet<>();
    for (Map<String, Object> function : ofType("AWS::Serverless::Function").values()) {
      Map<String, Map<String, Object>> events =
          (Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of());
      for (Map<String, Object> event : events.values()) {
        if ("Api".equals(event.get("Type"))) {
          Map<String, Object> p = props(event);
          wired.add(p.get("Method") + " " + p.get("Path"));
        }
      }
    }
    Set<String> served = servedRoutes();

    assertThat(wired).isEqualTo(served);
  }

  private static Map<String, Object> openApi() throws IOException {
    return CloudFormationYaml.read(Path.of(System.getProperty("project.root"), "openapi.yaml"));
  }

  /** Each documented operation as "METHOD /path" with its definition. */
  private static Map<String, Map<String, Object>> operations(Map<String, Object> openApi) {
    Map<String, Map<String, Object>> operations = new java.util.TreeMap<>();
    ((Map<String, Map<String, Object>>) openApi.get("paths"))
        .forEach(
            (path, item) ->
                item.forEach(
                    (method, operation) -> {
                      if (!method.equals("parameters")) {
                        operations.put(
                            method.toUpperCase(java.util.Locale.ROOT) + " " + path,
                            (Map<String, Object>) operation);
                      }
                    }));
    return operations;
  }

  @Test
  void openApi_namesEveryOperationOnceAndSecuresItAsTheTemplateDoes() throws IOException {
    Map<String, String> templateAuth = new HashMap<>();
    for (Map<String, Object> function : ofType("AWS::Serverless::Function").values()) {
      for (Map<String, Object> event :
          ((Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of())).values()) {
        Map<String, Object> p = props(event);
        if ("Api".equals(event.get("Type"))) {
          templateAuth.put(
              p.get("Method").toString().toUpperCase(java.util.Locale.ROOT) + " " + p.get("Path"),
              p.get("Auth") == null ? "cognito" : "iam");
        }
      }
    }
    Map<String, Map<String, Object>> operations = operations(openApi());
    Set<String> operationIds = new HashSet<>();

    operations.forEach(
        (route, operation) -> {
          String id = (String) operation.get("operationId");
          assertThat(id).as("operationId of %s", route).matches("[a-z][A-Za-z]+");
          assertThat(operationIds.add(id)).as("%s is used once", id).isTrue();
          assertThat(operation.get("security"))
              .as("security of %s", route)
              .isEqualTo(List.of(Map.of(templateAuth.get(route), List.of())));
          Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
          assertThat(responses)
              .as("%s lists its statuses, not a default", route)
              .doesNotContainKey("default");
        });
  }

  @Test
  void openApi_documentsExactlyTheRoutesTheControllersServe() throws IOException {
    Map<String, Object> openApi = openApi();
    Set<String> documented = new HashSet<>();
    ((Map<String, Map<String, Object>>) openApi.get("paths"))
        .forEach(
            (path, operations) ->
                operations.keySet().stream()
                    .filter(op -> !op.equals("parameters"))
                    .forEach(
                        op -> documented.add(op.toUpperCase(java.util.Locale.ROOT) + " " + path)));

    assertThat(documented).isEqualTo(servedRoutes());
  }

  private static Set<String> servedRoutes() {
    try (ApplicationContext context = ApplicationContext.run(DevServer.ENVIRONMENT)) {
      return context
          .getBean(Router.class)
          .uriRoutes()
          .map(UriRouteInfo.class::cast)
          // The dev server's own routes (/dev/..., /docs, /openapi.yaml) are not the API's.
          .filter(
              r ->
                  !r.getTargetMethod()
                      .getDeclaringType()
                      .getPackageName()
                      .equals(DevServer.class.getPackageName()))
          .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
          .filter(route -> !route.startsWith("HEAD "))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void routes_internalOnesAreIamAuthorizedAndTheRestUseCognito() {
    Map<String, Object> api = props(resources.get("Api"));
    assertThat(((Map<String, Object>) api.get("Auth")).get("DefaultAuthorizer"))
        .isEqualTo("CognitoAuthorizer");
    for (Map<String, Object> function : ofType("AWS::Serverless::Function").values()) {
      for (Map<String, Object> event :
          ((Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of())).values()) {
        Map<String, Object> p = props(event);
        Object auth = p.get("Auth");
        if (((String) p.get("Path")).startsWith("/internal/")) {
          assertThat(auth).isEqualTo(Map.of("Authorizer", "AWS_IAM"));
        } else {
          assertThat(auth).as("%s overrides the Cognito authorizer", p.get("Path")).isNull();
        }
      }
    }
  }

  @Test
  void functions_pointAtTheirOwnJarWithLogRetention() {
    Map<String, Map<String, Object>> functions = ofType("AWS::Serverless::Function");
    assertThat(functions).isNotEmpty();
    functions.forEach(
        (name, function) -> {
          String codeUri = (String) function.get("CodeUri");
          assertThat(codeUri).matches("functions/([a-z-]+)/target/\\1\\.jar");
          Object handler = function.get("Handler");
          if (handler != null) {
            String module = codeUri.split("/")[1];
            String pkg = module.replace("-", "");
            assertThat((String) handler)
                .as("%s names a handler class of its own module", name)
                .startsWith("com.twofactor." + pkg + ".");
            assertThat(
                    Path.of(
                        System.getProperty("project.root"),
                        "functions",
                        module,
                        "src/main/java",
                        ((String) handler).replace('.', '/') + ".java"))
                .exists();
          }
          String module = codeUri.split("/")[1];
          assertThat(Path.of(System.getProperty("project.root"), "functions", module, "pom.xml"))
              .exists();
          Map<String, Object> logging = (Map<String, Object>) function.get("LoggingConfig");
          String logGroup = (String) ((Map<String, Object>) logging.get("LogGroup")).get("!Ref");
          assertThat(props(resources.get(logGroup))).containsKey("RetentionInDays");
        });
  }

  @Test
  void apiFunctions_runOurGuardedHandlerNotMicronautsDirectly() {
    Map<String, Object> globals =
        (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
    String guarded = "com.twofactor.aws.apigateway.ApiGatewayHandler";
    assertThat(
            Path.of(
                System.getProperty("project.root"),
                "functions/apigateway/src/main/java",
                guarded.replace('.', '/') + ".java"))
        .exists();
    ofType("AWS::Serverless::Function")
        .forEach(
            (name, function) -> {
              Map<String, Map<String, Object>> events =
                  (Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of());
              boolean api = events.values().stream().anyMatch(e -> "Api".equals(e.get("Type")));
              if (api) {
                assertThat(function.getOrDefault("Handler", globals.get("Handler")))
                    .as("%s's handler", name)
                    .isEqualTo(guarded);
              }
            });
  }

  @Test
  void functions_useSnapStartOnAPublishedAliasWithJava21() {
    Map<String, Object> globals =
        (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");

    assertThat(globals)
        .containsEntry("Runtime", "java21")
        .containsEntry("AutoPublishAlias", "live");
    assertThat(globals.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
  }

  @Test
  void policies_grantActionsOneByOne() {
    for (Map<String, Object> function : ofType("AWS::Serverless::Function").values()) {
      assertThat(function).doesNotContainKey("Policies");
      String policies = String.valueOf(statementsOf(function));
      assertThat(policies).doesNotContain("CrudPolicy", "FullAccess");
      for (Map<String, Object> statement : statementsOf(function)) {
        if (!String.valueOf(statement.get("Action")).startsWith("[xray:")) {
          assertThat(String.valueOf(statement.get("Action"))).doesNotContain("*");
        }
      }
    }
  }

  /** Every statement of the inline policies of a function's own role. */
  private List<Map<String, Object>> statementsOf(Map<String, Object> function) {
    String role =
        ((String) ((Map<String, Object>) function.get("Role")).get("!GetAtt")).split("\\.")[0];
    List<Map<String, Object>> statements = new java.util.ArrayList<>();
    for (Map<String, Object> policy :
        (List<Map<String, Object>>) props(resources.get(role)).get("Policies")) {
      statements.addAll(
          (List<Map<String, Object>>)
              ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
    }
    return statements;
  }

  @Test
  void triggers_areWiredToTheUserPoolThroughTheirLiveAliases() {
    Map<String, Object> lambdaConfig =
        (Map<String, Object>) props(resources.get("UserPool")).get("LambdaConfig");

    assertThat(lambdaConfig)
        .containsEntry("DefineAuthChallenge", Map.of("!Ref", "DefineAuthChallengeFunction.Alias"))
        .containsEntry("CreateAuthChallenge", Map.of("!Ref", "CreateAuthChallengeFunction.Alias"))
        .containsEntry(
            "VerifyAuthChallengeResponse", Map.of("!Ref", "VerifyAuthChallengeFunction.Alias"));
    assertThat(ofType("AWS::Lambda::Permission")).hasSize(3);
  }

  @Test
  void outputs_giveTheSignInPageItsConfig() {
    Map<String, Map<String, Object>> outputs =
        (Map<String, Map<String, Object>>) template.get("Outputs");

    assertThat(outputs.get("Region")).containsEntry("Value", Map.of("!Ref", "AWS::Region"));
    assertThat(outputs.get("UserPoolId"))
        .doesNotContainKey("Condition")
        .containsEntry(
            "Value",
            Map.of(
                "!If",
                List.of(
                    "CreateUserPool",
                    Map.of("!Ref", "UserPool"),
                    Map.of(
                        "!Select",
                        List.of(
                            1,
                            Map.of(
                                "!Split",
                                List.of("userpool/", Map.of("!Ref", "ExistingUserPoolArn"))))))));
    assertThat(outputs.get("UserPoolClientId"))
        .containsEntry("Condition", "CreateUserPool")
        .containsEntry("Value", Map.of("!Ref", "UserPoolClient"));
    assertThat(outputs.get("ApiUrl")).containsKey("Value").doesNotContainKey("Condition");
  }

  @Test
  void policies_whoeverMayTextMayReachPhonesOnlyNeverATopic() {
    for (Map.Entry<String, Map<String, Object>> function :
        ofType("AWS::Serverless::Function").entrySet()) {
      List<Map<String, Object>> statements = statementsOf(function.getValue());
      boolean mayText =
          statements.stream()
              .anyMatch(
                  st ->
                      "Allow".equals(st.get("Effect"))
                          && String.valueOf(st.get("Action")).contains("sns:Publish"));
      if (mayText) {
        assertThat(statements)
            .as(function.getKey())
            .anySatisfy(
                st -> {
                  assertThat(st).containsEntry("Effect", "Deny");
                  assertThat(String.valueOf(st.get("Action"))).contains("sns:Publish");
                  assertThat(String.valueOf(st.get("Resource"))).contains(":sns:");
                });
      }
    }
  }

  @Test
  void table_isOnDemandWithRecoveryEncryptionAndTtl() {
    Map<String, Object> table = props(resources.get("TwoFactorTable"));

    assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST");
    assertThat(table.get("PointInTimeRecoverySpecification"))
        .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
    assertThat((Map<String, Object>) table.get("SSESpecification"))
        .containsEntry("SSEEnabled", true);
    assertThat(table.get("TimeToLiveSpecification"))
        .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
    assertThat(resources.get("TwoFactorTable")).containsEntry("DeletionPolicy", "Retain");
  }

  @Test
  void key_rotatesAndHasAnAlias() {
    assertThat(props(resources.get("SecretsKey"))).containsEntry("EnableKeyRotation", true);
    assertThat(ofType("AWS::KMS::Alias")).isNotEmpty();
  }

  /** The first origin of AllowedOrigins when there is one; no value (no header) otherwise. */
  private static final Map<String, Object> FIRST_ALLOWED_ORIGIN =
      Map.of(
          "!If",
          List.of(
              "HasAllowedOrigins",
              Map.of(
                  "!Sub",
                  List.of(
                      "'${Origin}'",
                      Map.of(
                          "Origin",
                          Map.of(
                              "!Select",
                              List.of(
                                  0,
                                  Map.of(
                                      "!Split",
                                      List.of(",", Map.of("!Ref", "AllowedOrigins")))))))),
              Map.of("!Ref", "AWS::NoValue")));

  @Test
  void cors_allowedOriginsReachEveryFunctionAndDefaultToNoBrowserAccess() {
    Map<String, Object> parameter =
        (Map<String, Object>)
            ((Map<String, Object>) template.get("Parameters")).get("AllowedOrigins");
    assertThat(parameter).containsEntry("Type", "String").containsEntry("Default", "");
    assertThat(((Map<String, Object>) template.get("Conditions")).get("HasAllowedOrigins"))
        .isEqualTo(
            Map.of(
                "!Not", List.of(Map.of("!Equals", List.of(Map.of("!Ref", "AllowedOrigins"), "")))));
    Map<String, Object> function =
        (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
    Map<String, Object> variables =
        (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    assertThat(variables)
        .containsEntry("TWO_FACTOR_ALLOWED_ORIGINS", Map.of("!Ref", "AllowedOrigins"));
  }

  @Test
  void cors_preflightsAreAnsweredByApiGatewayWithoutTheAuthorizer() {
    Map<String, Object> api = props(resources.get("Api"));
    Map<String, Object> cors = (Map<String, Object>) api.get("Cors");
    assertThat(cors.get("AllowOrigin")).isEqualTo(FIRST_ALLOWED_ORIGIN);
    assertThat((String) cors.get("AllowHeaders")).isEqualTo("'Authorization,Content-Type'");
    assertThat((String) cors.get("AllowMethods"))
        .contains("GET", "POST", "PUT", "DELETE", "OPTIONS");
    assertThat(((Map<String, Object>) api.get("Auth")))
        .containsEntry("AddDefaultAuthorizerToCorsPreflight", false);
  }

  @Test
  void cors_apiGatewaysOwnAnswersCarryTheAllowedOriginAndExposeRetryAfter() {
    Map<String, Map<String, Object>> responses = ofType("AWS::ApiGateway::GatewayResponse");
    assertThat(responses.values().stream().map(r -> (String) r.get("ResponseType")))
        .contains(
            "UNAUTHORIZED",
            "ACCESS_DENIED",
            "MISSING_AUTHENTICATION_TOKEN",
            "THROTTLED",
            "DEFAULT_4XX",
            "DEFAULT_5XX");
    responses.forEach(
        (name, response) -> {
          Map<String, Object> headers = (Map<String, Object>) response.get("ResponseParameters");
          assertThat(headers.get("gatewayresponse.header.Access-Control-Allow-Origin"))
              .as(name)
              .isEqualTo(FIRST_ALLOWED_ORIGIN);
          assertThat(headers.get("gatewayresponse.header.Access-Control-Expose-Headers"))
              .as(name)
              .isEqualTo(
                  Map.of(
                      "!If",
                      List.of(
                          "HasAllowedOrigins", "'Retry-After'", Map.of("!Ref", "AWS::NoValue"))));
        });
  }

  // ---------------------------------------------------------------- security events (issue 15)

  @Test
  void table_streamsNewAndOldImages() {
    assertThat(props(resources.get("TwoFactorTable")).get("StreamSpecification"))
        .isEqualTo(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"));
  }

  @Test
  void securityEvents_readTheStreamWithPerRecordFailuresBoundedRetriesAndADeadLetterQueue() {
    assertThat(ofType("AWS::Events::EventBus")).containsKey("SecurityEventBus");
    assertThat(ofType("AWS::SQS::Queue")).containsKey("SecurityEventsDeadLetterQueue");
    Map<String, Object> mapping =
        ofType("AWS::Lambda::EventSourceMapping").get("SecurityEventsStreamMapping");

    assertThat(mapping)
        .containsEntry("EventSourceArn", Map.of("!GetAtt", "TwoFactorTable.StreamArn"))
        .containsEntry("FunctionName", Map.of("!Ref", "SecurityEventsFunction.Alias"))
        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
        .containsEntry("BisectBatchOnFunctionError", true)
        .containsEntry(
            "DestinationConfig",
            Map.of(
                "OnFailure",
                Map.of("Destination", Map.of("!GetAtt", "SecurityEventsDeadLetterQueue.Arn"))));
    assertThat((Integer) mapping.get("MaximumRetryAttempts")).isBetween(0, 10);
    assertThat((Integer) mapping.get("MaximumRecordAgeInSeconds")).isBetween(60, 86400);
  }

  @Test
  void securityEvents_deadLetterQueueHasAnAlarm() {
    assertThat(ofType("AWS::CloudWatch::Alarm").values())
        .anySatisfy(
            alarm -> {
              assertThat(alarm)
                  .containsEntry("Namespace", "AWS/SQS")
                  .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible");
              assertThat(alarm.get("Dimensions"))
                  .isEqualTo(
                      List.of(
                          Map.of(
                              "Name",
                              "QueueName",
                              "Value",
                              Map.of("!GetAtt", "SecurityEventsDeadLetterQueue.QueueName"))));
              assertThat((Integer) alarm.get("Threshold")).isEqualTo(1);
            });
  }

  @Test
  void securityEvents_functionMayOnlyReadTheStreamPutToItsBusAndDeadLetter() {
    Map<String, Object> function =
        ofType("AWS::Serverless::Function").get("SecurityEventsFunction");
    assertThat(function.get("Handler"))
        .isEqualTo("com.twofactor.securityevents.SecurityEventsHandler");
    assertThat(function).doesNotContainKey("Events");
    assertThat(((Map<String, Object>) function.get("Environment")).get("Variables"))
        .isEqualTo(Map.of("TWO_FACTOR_EVENT_BUS", Map.of("!Ref", "SecurityEventBus")));
    assertThat(function.get("Role")).isEqualTo(Map.of("!GetAtt", "SecurityEventsRole.Arn"));
    Map<String, Object> role = ofType("AWS::IAM::Role").get("SecurityEventsRole");
    List<Map<String, Object>> statements =
        ((List<Map<String, Object>>) role.get("Policies"))
            .stream()
                .filter(p -> "data".equals(p.get("PolicyName")))
                .flatMap(
                    p ->
                        ((List<Map<String, Object>>)
                                ((Map<String, Object>) p.get("PolicyDocument")).get("Statement"))
                            .stream())
                .toList();
    Map<String, Object> allowed = new java.util.HashMap<>();
    for (Map<String, Object> statement : statements) {
      if (!"Allow".equals(statement.get("Effect"))) {
        continue;
      }
      Object actions = statement.get("Action");
      for (Object action : actions instanceof List<?> list ? list : List.of(actions)) {
        allowed.put((String) action, statement.get("Resource"));
      }
    }
    Object stream = Map.of("!GetAtt", "TwoFactorTable.StreamArn");
    assertThat(allowed)
        .containsOnly(
            Map.entry("dynamodb:DescribeStream", stream),
            Map.entry("dynamodb:GetRecords", stream),
            Map.entry("dynamodb:GetShardIterator", stream),
            Map.entry("dynamodb:ListStreams", Map.of("!Sub", "${TwoFactorTable.Arn}/stream/*")),
            Map.entry("events:PutEvents", Map.of("!GetAtt", "SecurityEventBus.Arn")),
            Map.entry("sqs:SendMessage", Map.of("!GetAtt", "SecurityEventsDeadLetterQueue.Arn")));
  }
}
