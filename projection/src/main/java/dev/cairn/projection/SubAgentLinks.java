package dev.cairn.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sub-agent session each of a session's Task (or Agent) tool calls started: the one whose id
 * ends in {@code agent-<id>} for the {@code agentId: <id>} line of the call's result, else the one
 * recorded with the call's description as its title (the importer titles a sub-agent so). Stateless.
 */
public final class SubAgentLinks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern AGENT_ID = Pattern.compile("agentId: ?([A-Za-z0-9_-]{1,64})");

  private SubAgentLinks() {}

  /** Tool call id to the sub-agent session it started, for the calls that can be linked. */
  public static Map<String, SessionRow> of(List<MessageRow> messages, List<SessionRow> subAgents) {
    Map<String, SessionRow> out = new HashMap<>();
    if (subAgents.isEmpty()) {
      return out;
    }
    Map<String, SessionRow> byAgentId = new HashMap<>();
    Map<String, SessionRow> byTitle = new HashMap<>();
    for (SessionRow s : subAgents) {
      int at = s.session().lastIndexOf("/agent-");
      if (at >= 0) {
        byAgentId.put(s.session().substring(at + "/agent-".length()), s);
      }
      if (s.title() != null) {
        byTitle.putIfAbsent(s.title(), s);
      }
    }
    for (MessageRow m : messages) {
      if (m.toolCalls() == null) {
        continue;
      }
      JsonNode calls;
      try {
        calls = JSON.readTree(m.toolCalls());
      } catch (IOException e) {
        continue; // the view wrote it as canonical JSON; unreadable means nothing to link
      }
      for (JsonNode call : calls) {
        String name = call.path("name").asText("");
        if (!name.equals("Task") && !name.equals("Agent")) {
          continue;
        }
        SessionRow linked = null;
        Matcher id = AGENT_ID.matcher(call.path("output").asText(""));
        if (id.find()) {
          linked = byAgentId.get(id.group(1));
        }
        if (linked == null) {
          try {
            String description = JSON.readTree(call.path("input").asText("{}")).path("description").asText(null);
            linked = description == null ? null : byTitle.get(description);
          } catch (IOException e) {
            // an input that is not JSON names no description
          }
        }
        if (linked != null && call.hasNonNull("id")) {
          out.put(call.path("id").asText(), linked);
        }
      }
    }
    return out;
  }
}
