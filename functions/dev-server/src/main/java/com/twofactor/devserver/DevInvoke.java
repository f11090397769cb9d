package com.twofactor.devserver;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/**
 * {@code POST /dev/invoke/{FunctionLogicalId}}: runs the handler that template.yaml names for that
 * function, in-process, on this server's state, with the raw Lambda event as body, and answers what
 * the handler returns (for a Cognito trigger, the event with its response filled in), as {@code sam
 * local invoke} would, without Docker ({@link TemplateFunctions}). API functions are served by this
 * server's routes instead.
 */
@Controller("/dev/invoke")
final class DevInvoke {
  private final TemplateFunctions functions;

  DevInvoke(TemplateFunctions functions) {
    this.functions = functions;
  }

  @Post(uri = "/{functionId}", consumes = MediaType.ALL)
  @Produces(MediaType.APPLICATION_JSON)
  String invoke(@PathVariable String functionId, @Body String event) {
    return functions.invoke(functionId, event);
  }
}
