package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import com.twofactor.devserver.cognito.CognitoWire;
import com.twofactor.devserver.cognito.SignInSteps;
import com.twofactor.testkit.TotpCodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts {@code java -jar functions/dev-server/target/dev-server.jar} as the README does, with
 * MICRONAUT_SERVER_PORT set, and drives the TOTP flow over HTTP against the separate process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("lambda")
class DevServerJarIT {
  private Process process;
  private Path output;
  private HttpApi api;
  private final List<String> sensitive = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    output = Files.createTempFile("dev-server", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("dev-server.jar"))
            // Not the repository: what the jar needs (template.yaml included) is packed into it.
            .directory(Files.createTempDirectory("dev-server-cwd").toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    process = builder.start();
    awaitPort(port);
    api = new HttpApi(URI.create("http://127.0.0.1:" + port));
  }

  @AfterAll
  void stop() {
    if (process != null) {
      process.destroy();
    }
  }

  private void awaitPort(int port) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("dev server exited: %s", Files.readString(output)).isTrue();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("dev server did not open port " + port);
  }

  @Test
  void jar_signsInWithSrpThroughTheTriggersOfTheTemplatePackedIntoIt() throws Exception {
    String password = "Correct-Horse-9";
    sensitive.add(password);
    SignInSteps steps = new SignInSteps(new CognitoWire(api.base()), Instant::now);
    assertThat(steps.signUp("carol@example.com", password).status()).isEqualTo(200);
    String idToken = (String) steps.signIn("carol@example.com", password).result().get("IdToken");
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + idToken);
    Answer setup = api.send("POST", "/two-factor/totp", null, bearer, null);
    byte[] secret = Base32.decode((String) setup.json().get("secret"));
    sensitive.add((String) setup.json().get("secret"));
    api.send(
        "POST",
        "/two-factor/totp/confirm",
        null,
        Map.of("Authorization", "Bearer " + idToken, "Content-Type", "application/json"),
        "{\"code\":\"" + TotpCodes.at(secret, Instant.now()) + "\"}");

    // No template.yaml in the working directory: the Define trigger comes from the packed copy.
    assertThat(steps.signIn("carol@example.com", password).json())
        .containsEntry("ChallengeName", "CUSTOM_CHALLENGE");
    assertThat(steps.signIn("carol@example.com", "Correct-Horse-8").type())
        .isEqualTo("NotAuthorizedException");
    String log = Files.readString(output);
    assertThat(log).doesNotContain(password).doesNotContain(idToken);
  }

  @Test
  void jar_servesTheReferenceAndTheDocumentTheBuildPackedIntoIt() throws Exception {
    DevDocsTest.assertSelfContainedReference(api.raw("/docs"));
    DevDocsTest.assertIsTheDocument(api.raw("/openapi.yaml"));
  }

  @Test
  void jar_servesTheTotpFlowAndThePagesOnTheConfiguredPortAndSaysItIsForDevelopment()
      throws Exception {
    Answer setup = api.post("/two-factor/totp", "alice", null);
    assertThat(setup.status()).isEqualTo(200);
    String secret = (String) setup.json().get("secret");
    String first = TotpCodes.at(Base32.decode(secret), Instant.now());
    String next = TotpCodes.nextAfter(Base32.decode(secret), Instant.now());
    sensitive.addAll(List.of(secret, first, next));

    assertThat(
            api.post("/two-factor/totp/confirm", "alice", "{\"code\":\"" + first + "\"}").status())
        .isEqualTo(200);
    String verify = "{\"method\":\"totp\",\"code\":\"" + next + "\"}";
    assertThat(api.post("/two-factor/verify", "alice", verify).status()).isEqualTo(200);
    assertThat(api.post("/two-factor/verify", "alice", verify).json())
        .containsEntry("code", "invalid_code");
    assertThat(api.get("/two-factor", null).status()).isEqualTo(401);

    var page = api.raw("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("User Settings", "js/app.js");
    assertThat(api.raw("/vendor/amazon-cognito-identity.min.js").statusCode()).isEqualTo(200);
    assertThat(api.raw("/js/settings.js").body()).contains("Reveal codes");

    String log = Files.readString(output);
    assertThat(log).contains("FOR DEVELOPMENT ONLY").contains("\"action\":\"totp.enable\"");
    for (String value : sensitive) {
      assertThat(log).doesNotContain(value);
    }
  }
}
