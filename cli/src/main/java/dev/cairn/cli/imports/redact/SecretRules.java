package dev.cairn.cli.imports.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in rules: formats a secret is recognised by with high confidence. Facts about the
 * formats (prefixes, lengths, alphabets) are from the issuers' public documentation; docs/redaction.md
 * lists each with an example of what it catches and what it leaves alone. Stateless.
 */
public final class SecretRules {
  private SecretRules() {}

  private static RedactionRule rule(String name, String regex, List<String> hints) {
    return new RedactionRule(name, Pattern.compile(regex), hints, 0);
  }

  /** Every built-in rule, in the order they are applied (more specific first). */
  public static final List<RedactionRule> BUILT_IN = List.of(
      new RedactionRule("private-key", Pattern.compile(
          "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s\\\\]*)",
          Pattern.DOTALL), List.of("PRIVATE KEY"), 0),
      rule("aws-access-key-id", "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b", List.of("AKIA", "ASIA", "ABIA", "ACCA")),
      rule("aws-secret-access-key",
          "(?i)aws_?secret(?:_?access)?_?key[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
          List.of("ecret", "ECRET")),
      rule("github-token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b",
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
      rule("gitlab-token", "\\bgl(?:pat|dt|ptt|rt)-[A-Za-z0-9_\\-]{20,}", List.of("glpat-", "gldt-", "glptt-", "glrt-")),
      rule("slack-token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}|https://hooks\\.slack\\.com/services/[A-Za-z0-9/]{20,}",
          List.of("xox", "hooks.slack.com")),
      rule("stripe-live-key", "\\b(?:sk|rk)_live_[A-Za-z0-9]{20,}", List.of("_live_")),
      rule("anthropic-api-key", "\\bsk-ant-[A-Za-z0-9_\\-]{20,}", List.of("sk-ant-")),
      rule("openai-api-key", "\\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{20,}|\\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\\b",
          List.of("sk-proj-", "sk-svcacct-", "sk-admin-", "T3BlbkFJ")),
      rule("google-api-key", "\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])", List.of("AIza")),
      rule("jwt", "\\beyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}", List.of("eyJ")),
      rule("url-credentials", "\\b[a-zA-Z][a-zA-Z0-9+.\\-]{1,20}://[^\\s/:@\"'<>]{1,100}:(?<secret>[^\\s/@\"'<>]{1,200})@",
          List.of("://")),
      new RedactionRule("assignment", Pattern.compile(
          "(?i)\\b(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|auth[_-]?token)[\"']?\\s*[:=]\\s*[\"']?"
              + "(?<secret>[A-Za-z0-9+/=_\\-.~!@#$%^*]{12,200})"),
          List.of("assword", "ASSWORD", "asswd", "ecret", "ECRET", "oken", "OKEN", "pi_key", "pi-key", "piKey", "PI_KEY", "apikey", "APIKEY",
              "ccess_key", "ccessKey", "CCESS_KEY"), 3.5));
}
