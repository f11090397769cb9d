package com.twofactor.devserver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Runs, in-process and on this server's state, the handler that template.yaml names for a function,
 * with a raw Lambda event read and answered with the Lambda runtime's own serialization, as {@code
 * sam local invoke} would without Docker. template.yaml is read from {@code dev-server.template}
 * (default: the working directory's), or else from the copy packed into the jar. Thread-safe:
 * handlers are made once per class and are themselves thread-safe.
 */
@Singleton
public final class TemplateFunctions {
  static final String PACKED_TEMPLATE = "dev-template/template.yaml";

  private final ApplicationContext context;
  private final Path template;
  private final Map<String, RequestHandler<Object, Object>> handlers = new ConcurrentHashMap<>();

  TemplateFunctions(
      ApplicationContext context, @Value("${dev-server.template:template.yaml}") String template) {
    this.context = context;
    this.template = Path.of(template);
  }

  /** The handler's answer to {@code event} (JSON), as JSON. */
  public String invoke(String functionId, String event) {
    String handlerClass = handlerOf(functionId);
    RequestHandler<Object, Object> handler =
        handlers.computeIfAbsent(handlerClass, name -> instantiate(functionId, name));
    Class<?> eventType = eventType(handler);
    ClassLoader loader = handler.getClass().getClassLoader();
    Object input;
    try {
      input =
          LambdaEventSerializers.serializerFor(eventType, loader)
              .fromJson(event == null ? "{}" : event);
    } catch (RuntimeException malformed) {
      throw new TwoFactorException(
          ErrorCode.INVALID_REQUEST, "The body is not a " + eventType.getSimpleName() + " event.");
    }
    Object output = handler.handleRequest(input, new DevLambdaContext(functionId));
    @SuppressWarnings("unchecked")
    PojoSerializer<Object> writer =
        (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(output.getClass(), loader);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.toJson(output, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The Handler template.yaml gives the function, or the global one. */
  @SuppressWarnings("unchecked")
  private String handlerOf(String functionId) {
    Map<String, Object> doc = readTemplate();
    Map<String, Object> resources = (Map<String, Object>) doc.getOrDefault("Resources", Map.of());
    Map<String, Object> function = (Map<String, Object>) resources.get(functionId);
    if (function == null || !"AWS::Serverless::Function".equals(function.get("Type"))) {
      throw new TwoFactorException(
          ErrorCode.NOT_FOUND, "template.yaml has no function " + functionId + ".");
    }
    Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
    Map<String, Object> globals =
        (Map<String, Object>)
            ((Map<String, Object>) doc.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
    return Optional.ofNullable((String) properties.get("Handler"))
        .orElse((String) globals.get("Handler"));
  }

  private Map<String, Object> readTemplate() {
    Yaml yaml = new Yaml(new CloudFormationTags());
    if (Files.isRegularFile(template)) {
      try (Reader reader = Files.newBufferedReader(template)) {
        return yaml.load(reader);
      } catch (IOException e) {
        throw notFound();
      }
    }
    try (InputStream packed = getClass().getClassLoader().getResourceAsStream(PACKED_TEMPLATE)) {
      if (packed == null) {
        throw notFound();
      }
      return yaml.load(new InputStreamReader(packed, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw notFound();
    }
  }

  private TwoFactorException notFound() {
    return new TwoFactorException(
        ErrorCode.NOT_FOUND,
        "No template.yaml at "
            + template.toAbsolutePath()
            + ": run the dev server from the"
            + " repository root, or set dev-server.template.");
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<Object, Object> instantiate(String functionId, String className) {
    try {
      Class<?> type = Class.forName(className, true, getClass().getClassLoader());
      return (RequestHandler<Object, Object>)
          type.getConstructor(ApplicationContext.class).newInstance(context);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new TwoFactorException(
          ErrorCode.NOT_FOUND,
          functionId
              + " is an API function: call its routes on this server (its handler, "
              + className
              + ", is not part of the dev server).");
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new TwoFactorException(
          ErrorCode.INTERNAL_ERROR, functionId + "'s handler cannot be started here.", null, e);
    }
  }

  /** The event class: the parameter of the handler's own (non-bridge) execute method. */
  private static Class<?> eventType(Object handler) {
    for (Method method : handler.getClass().getMethods()) {
      if (method.getName().equals("execute")
          && method.getParameterCount() == 1
          && !method.isBridge()
          && !Modifier.isAbstract(method.getModifiers())
          && method.getParameterTypes()[0] != Object.class) {
        return method.getParameterTypes()[0];
      }
    }
    throw new TwoFactorException(
        ErrorCode.INTERNAL_ERROR, "The handler's event type cannot be found.");
  }

  /** Reads CloudFormation short-form intrinsics (!Ref, !Sub, ...) without failing on them. */
  private static final class CloudFormationTags extends SafeConstructor {
    CloudFormationTags() {
      super(new LoaderOptions());
      yamlMultiConstructors.put(
          "!",
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return node.getTag().getValue();
            }
          });
    }
  }
}
