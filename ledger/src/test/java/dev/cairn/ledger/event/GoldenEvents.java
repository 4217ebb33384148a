package dev.cairn.ledger.event;

import dev.cairn.ledger.EventId;
import dev.cairn.ledger.Hlc;
import dev.cairn.ledger.Origin;
import dev.cairn.ledger.Seq;
import dev.cairn.ledger.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One event of every v1 type with its exact canonical line; also quoted in docs/events.md. */
final class GoldenEvents {
  static final Origin A = new Origin("laptop-3f9a1c");
  static final SessionId S = SessionId.parse("laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11");
  static final EventId PREV = EventId.parse("desk-77aa01/12");

  record Golden(Event event, String line, String sha256) {}

  private static Event e(long seq, int logical, EventBody body) {
    return new Event(A, new Seq(seq), new Hlc(1_763_754_392_123L, logical), body);
  }

  static List<Golden> all() {
    TreeMap<String, Long> usage = new TreeMap<>(Map.of("input_tokens", 25L, "output_tokens", 120L));
    return List.of(
        new Golden(e(1, 0, new SessionRecorded(S, "claude-code", "cairn", "Fix the \"flaky\" test", Instant.parse("2025-11-21T19:40:00Z"),
                Instant.parse("2025-11-21T19:46:31.500Z"), "/home/ana/.claude/projects/-home-ana-cairn/0b6c6a9e.jsonl", null, "/home/ana/cairn", "main")),
            "{\"agent\":\"claude-code\",\"cwd\":\"/home/ana/cairn\",\"ended_at\":\"2025-11-21T19:46:31.500Z\",\"git_branch\":\"main\","
                + "\"hlc\":\"20251121T194632.123Z-000000\",\"origin\":\"laptop-3f9a1c\",\"project\":\"cairn\",\"seq\":1,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"source\":\"/home/ana/.claude/projects/-home-ana-cairn/0b6c6a9e.jsonl\","
                + "\"started_at\":\"2025-11-21T19:40:00Z\",\"title\":\"Fix the \\\"flaky\\\" test\",\"type\":\"session.recorded\",\"v\":1}",
            null),
        new Golden(e(2, 1, new MessageAppended(S, 3, "assistant", "Done:\n\u2713 tests pass \uD83C\uDF89", "check\tfirst", Instant.parse("2025-11-21T19:41:00Z"),
                "claude-sonnet-4-5", List.of(new ToolCall("toolu_01", "Bash", "{\"command\":\"mvn test\"}", "BUILD SUCCESS\u0001", false)), new Usage(usage))),
            "{\"at\":\"2025-11-21T19:41:00Z\",\"hlc\":\"20251121T194632.123Z-000001\",\"model\":\"claude-sonnet-4-5\",\"ordinal\":3,"
                + "\"origin\":\"laptop-3f9a1c\",\"role\":\"assistant\",\"seq\":2,\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\","
                + "\"text\":\"Done:\\n\u2713 tests pass \uD83C\uDF89\",\"thinking\":\"check\\tfirst\","
                + "\"tool_calls\":[{\"id\":\"toolu_01\",\"input\":\"{\\\"command\\\":\\\"mvn test\\\"}\",\"is_error\":false,\"name\":\"Bash\",\"output\":\"BUILD SUCCESS\\u0001\"}],"
                + "\"type\":\"message.appended\",\"usage\":{\"input_tokens\":25,\"output_tokens\":120},\"v\":1}",
            null),
        new Golden(e(3, 2, SessionFlagged.starred(S, null)), curation(3, 2, "session.starred", ""), null),
        new Golden(e(4, 3, SessionFlagged.unstarred(S, PREV)), curation(4, 3, "session.unstarred", "\"prev\":\"desk-77aa01/12\","), null),
        new Golden(e(5, 4, new SessionRenamed(S, "Flaky test hunt", PREV)),
            "{\"hlc\":\"20251121T194632.123Z-000004\",\"origin\":\"laptop-3f9a1c\",\"prev\":\"desk-77aa01/12\",\"seq\":5,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"title\":\"Flaky test hunt\",\"type\":\"session.renamed\",\"v\":1}",
            null),
        new Golden(e(6, 5, SessionTagChanged.tagged(S, "ci", null)),
            "{\"hlc\":\"20251121T194632.123Z-000005\",\"origin\":\"laptop-3f9a1c\",\"seq\":6,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"tag\":\"ci\",\"type\":\"session.tagged\",\"v\":1}",
            null),
        new Golden(e(7, 6, SessionTagChanged.untagged(S, "ci", EventId.parse("laptop-3f9a1c/6"))),
            "{\"hlc\":\"20251121T194632.123Z-000006\",\"origin\":\"laptop-3f9a1c\",\"prev\":\"laptop-3f9a1c/6\",\"seq\":7,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"tag\":\"ci\",\"type\":\"session.untagged\",\"v\":1}",
            null),
        new Golden(e(8, 7, new MessagePinned(S, 3, "the fix", null)),
            "{\"hlc\":\"20251121T194632.123Z-000007\",\"note\":\"the fix\",\"ordinal\":3,\"origin\":\"laptop-3f9a1c\",\"seq\":8,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"type\":\"message.pinned\",\"v\":1}",
            null),
        new Golden(e(9, 8, new MessageUnpinned(S, 3, EventId.parse("laptop-3f9a1c/8"))),
            "{\"hlc\":\"20251121T194632.123Z-000008\",\"ordinal\":3,\"origin\":\"laptop-3f9a1c\",\"prev\":\"laptop-3f9a1c/8\",\"seq\":9,"
                + "\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"type\":\"message.unpinned\",\"v\":1}",
            null),
        new Golden(e(10, 9, SessionFlagged.trashed(S, null)), curation(10, 9, "session.trashed", ""), null),
        new Golden(e(11, 10, SessionFlagged.restored(S, EventId.parse("laptop-3f9a1c/10"))),
            curation(11, 10, "session.restored", "\"prev\":\"laptop-3f9a1c/10\","), null),
        new Golden(e(12, 11, new SessionPurged(S)), curation(12, 11, "session.purged", ""), null),
        new Golden(e(13, 12, BlobStored.of("image/png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A})),
            "{\"data\":\"iVBORw0KGgo=\",\"hlc\":\"20251121T194632.123Z-000012\",\"media_type\":\"image/png\",\"origin\":\"laptop-3f9a1c\","
                + "\"seq\":13,\"sha256\":\"4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6\",\"type\":\"blob.stored\",\"v\":1}",
            null));
  }

  private static String curation(long seq, int logical, String type, String prev) {
    return "{\"hlc\":\"20251121T194632.123Z-" + String.format("%06d", logical) + "\",\"origin\":\"laptop-3f9a1c\"," + prev
        + "\"seq\":" + seq + ",\"session\":\"laptop-3f9a1c~0b6c6a9e-5d1f-4c3e-9a51-2f0b9c1d7e11\",\"type\":\"" + type + "\",\"v\":1}";
  }

  private GoldenEvents() {}
}
